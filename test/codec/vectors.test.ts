/**
 * Given each recorded Python call's TS equivalent, want: the request the official SDK sent (byte-equal,
 * or message-equal for multi-key JSON objects) and, decoding the recorded response, the Python result.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { equals, fromBinary } from "@bufbuild/protobuf";
import { PostModelOutputsRequestSchema } from "../../runtime/gen/proto/clarifai/api/service_pb.js";
import { RequestEncoder, type ArgumentData } from "../../runtime/wire/request-encoder.js";
import { StatusCode } from "../../runtime/gen/proto/clarifai/api/status/status_code_pb.js";
import { decodeResult, encodeArguments, encodeStreamItem, isSuccess, statusToError } from "../../runtime/codec/index.js";
import { callRows, type Call } from "./vector-calls.js";
import {
  comparable,
  fromPython,
  loadSignature,
  loadVector,
  requestBytes,
  responses,
  vectorsDir,
} from "./vector-support.js";
import type { MethodSignature } from "../../runtime/signature.js";

async function encodeCall(method: MethodSignature, call: Call): Promise<ArgumentData[][]> {
  if ("batch" in call) return [await Promise.all(call.batch.map((args) => encodeArguments(method, args)))];
  if (!("stream" in call)) return [[await encodeArguments(method, call.args)]];
  const iteratorName = method.input_fields!.find((f) => f.iterator)!.name;
  const [first, ...rest] = call.stream;
  const messages = [[await encodeArguments(method, { ...call.args, [iteratorName]: first })]];
  for (const item of rest) messages.push([await encodeStreamItem(method, item)]);
  return messages;
}

describe("vectors: requests", () => {
  for (const row of callRows) {
    it(`${row.case} encodes as the Python SDK did`, async () => {
      const vector = loadVector(row.case);
      const method = loadSignature(row.model, vector.method);
      // The clients' request encoder; the recorded calls went to a local model server, with no ids or routing.
      const encoder = new RequestEncoder({});
      const encoded = (await encodeCall(method, row.call(vector))).map((inputs) => encoder.encode(inputs));
      const want = requestBytes(vector);
      if (row.messageEqual) {
        // Compared as messages by a second, independent decoder (protobuf-es), since JSON key order varies.
        const decode = (bytes: Uint8Array) => fromBinary(PostModelOutputsRequestSchema, bytes);
        assert.equal(encoded.length, want.length);
        encoded.forEach((bytes, i) => assert.ok(equals(PostModelOutputsRequestSchema, decode(bytes), decode(want[i]!)), `message ${i}`));
      } else {
        const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
        assert.deepEqual(encoded.map(hex), want.map(hex));
      }
    });
  }
});

describe("vectors: results", () => {
  for (const row of callRows.filter((r) => loadVector(r.case).python_result !== undefined)) {
    it(`${row.case} decodes to the Python result`, () => {
      const vector = loadVector(row.case);
      const method = loadSignature(row.model, vector.method);
      const outputs = responses(vector).flatMap((response) => {
        assert.ok(isSuccess(response.status));
        return response.outputs;
      });
      const decoded = outputs.map((output) => decodeResult(method, output.data));
      const single = vector.rpc_type === "unary" && !("batch" in row.call(vector));
      assert.deepEqual(comparable(single ? decoded[0] : decoded), fromPython(vector.python_result));
    });
  }
});

describe("vectors: failures", () => {
  const cases = [
    { case: "fail", method: "fail", details: "intentional failure: oops", successesBefore: 0 },
    { case: "generate_fail", method: "generate_fail", details: "generate failed at 2", successesBefore: 2 },
    { case: "unknown_method", method: "no_such_method", details: "Method no_such_method not found in model class", successesBefore: 0 },
  ];
  for (const c of cases) {
    it(`${c.case}: the failure status becomes a ClarifaiError`, () => {
      const messages = responses(loadVector(c.case));
      assert.equal(messages.filter((m) => isSuccess(m.status)).length, c.successesBefore);
      const failure = messages.at(-1)!.status!;
      const error = statusToError(failure, c.method);
      assert.equal(error.code, StatusCode.FAILURE);
      assert.equal(error.codeName, "FAILURE");
      assert.equal(error.details, c.details);
      assert.equal(error.method, c.method);
      assert.deepEqual(error.stackTrace, failure.stackTrace);
      assert.ok(error.stackTrace.length > 2);
      assert.equal(error.message, `${c.method} failed: FAILURE (10020) ${c.details}`);
    });
  }
});

describe("vectors: old-format answers", () => {
  it("legacy_no_method_name: the inline text answer decodes as the STR return", () => {
    const [response] = responses(loadVector("legacy_no_method_name"));
    const got = decodeResult(loadSignature("peer", "predict"), response!.outputs[0]!.data);
    assert.equal(got, "predict:legacy|temperature=0.7|max_tokens=10");
  });
});

describe("vectors: coverage", () => {
  it("every recorded call is in the table, or named here as not a codec case", () => {
    const notCodec = ["get_signatures", "m3_get_signatures", "legacy_no_method_name", "unknown_method"];
    const all = readdirSync(vectorsDir)
      .filter((f) => f.endsWith(".json") && !f.startsWith("signatures"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    const covered = [...callRows.map((r) => r.case), ...notCodec].sort();
    assert.deepEqual(covered, all);
  });
});
