/**
 * Every recorded call of both models, end to end over real gRPC: given the generated client (the goldens of
 * ../shared/vectors/model and model3) and the test server running TS ports of the models' methods, the TS
 * equivalent of each vector's `python_call` gives its `python_result`, or fails as the Python SDK reported.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { ClarifaiError, closeClient, type MethodSignature, type ModelIdentity } from "clarifai-typed";
import { startTestServer, type Handler, type TestServer } from "clarifai-typed/testing";
import { decodeResult, isSuccess } from "../../runtime/codec/index.js";
import { callRows, type CallRow } from "../codec/vector-calls.js";
import { loadVector, responses, vectorsDir, type Vector } from "../codec/vector-support.js";
import * as mediaModel from "../golden/media-model/expected.js";
import * as peerModel from "../golden/peer-test-model/expected.js";
import { callThroughClient, type Outcome, type StreamForm } from "./e2e-support/call-through-client.js";
import { comparableResult, expectedResult } from "./e2e-support/compare-results.js";
import { mediaModelHandlers } from "./media-model-handlers.js";
import { peerModelHandlers } from "./peer-model-handlers.js";

interface ModelUnderTest {
  signatures: readonly MethodSignature[];
  identity: ModelIdentity;
  handlers: Record<string, Handler>;
  createClient: (options: { baseUrl: string; insecure: boolean; pat: string }) => object;
}

const models: Record<CallRow["model"], ModelUnderTest> = {
  peer: {
    signatures: peerModel.signatures,
    identity: { userId: "peer-user", appId: "peer-app", modelId: "peer-test-model" },
    handlers: peerModelHandlers,
    createClient: peerModel.createPeerTestModelClient,
  },
  m3: {
    signatures: mediaModel.signatures,
    identity: { userId: "media-user", appId: "media-app", modelId: "media-model" },
    handlers: mediaModelHandlers,
    createClient: mediaModel.createMediaModelClient,
  },
};

/** Recorded exchanges that are not a call a generated client makes, with the reason. */
const notClientCalls: Record<string, string> = {
  get_signatures: "the _GET_SIGNATURES request (test/runtime/fetch-signatures.test.ts)",
  m3_get_signatures: "the _GET_SIGNATURES request (test/runtime/fetch-signatures.test.ts)",
  legacy_no_method_name: "a raw request without _method_name (test/codec/vectors.test.ts)",
  unknown_method: "a raw request naming a method the model lacks (test/codec/vectors.test.ts)",
};

/** One row per vector case file: the call table of test/codec/vector-calls.ts, bidi rows once per stream form. */
const rows = callRows.flatMap((row) => {
  const vector = loadVector(row.case);
  const forms: (StreamForm | undefined)[] = vector.rpc_type === "bidi_streaming" ? ["async generator", "array"] : [undefined];
  return forms.map((form) => ({ ...row, vector, form }));
});

/** What the Python SDK saw fail: the final status, and the items decoded from the successes streamed before it. */
function recordedFailure(vector: Vector, method: MethodSignature) {
  const messages = responses(vector);
  const status = messages.at(-1)?.status;
  assert.ok(status && !isSuccess(status), `${vector.case}: the recording ends in a failure status`);
  const before = messages.slice(0, -1).flatMap((m) => m.outputs.map((output) => decodeResult(method, output.data)));
  return { status, before };
}

function assertOutcome(outcome: Outcome, vector: Vector, method: MethodSignature): void {
  if (vector.python_exception === undefined) {
    assert.ok(outcome.ok, `${vector.case} failed: ${outcome.ok ? "" : String(outcome.error)}`);
    assert.deepEqual(comparableResult(outcome.value), expectedResult(vector.python_result));
    return;
  }
  assert.ok(!outcome.ok, `${vector.case}: want the call to fail as in Python (${vector.python_exception.type})`);
  const { status, before } = recordedFailure(vector, method);
  assert.ok(outcome.error instanceof ClarifaiError, `want a ClarifaiError, got ${String(outcome.error)}`);
  assert.equal(outcome.error.code, status.code);
  assert.equal(outcome.error.details, status.details);
  assert.equal(outcome.error.method, method.name);
  assert.deepEqual(comparableResult(outcome.received), comparableResult(before));
}

describe("generated clients end to end: every recorded call gives the Python result", () => {
  const running = new Map<CallRow["model"], { server: TestServer; client: object }>();
  before(async () => {
    for (const [name, model] of Object.entries(models) as [CallRow["model"], ModelUnderTest][]) {
      const server = await startTestServer({ signatures: model.signatures, handlers: model.handlers, model: model.identity });
      running.set(name, { server, client: model.createClient({ baseUrl: server.address, insecure: true, pat: "test-pat" }) });
    }
  });
  after(async () => {
    for (const { server, client } of running.values()) {
      closeClient(client);
      await server.close();
    }
  });

  for (const row of rows) {
    const title = `${row.case}.json: ${row.vector.python_call}${row.form ? ` (stream as ${row.form})` : ""}`;
    it(title, async () => {
      const { client } = running.get(row.model)!;
      const method = models[row.model].signatures.find((s) => s.name === row.vector.method);
      assert.ok(method, `${row.case}: the generated client has no signature "${row.vector.method}"`);
      assertOutcome(await callThroughClient(client, method, row.call(row.vector), row.form), row.vector, method);
    });
  }

  it("every vector file is a row above, or a recorded exchange no client call makes", () => {
    const files = readdirSync(vectorsDir)
      .filter((f) => f.endsWith(".json") && !f.startsWith("signatures"))
      .map((f) => f.replace(/\.json$/, ""));
    const uncovered = files.filter((name) => !rows.some((r) => r.case === name) && !(name in notClientCalls));
    assert.deepEqual(uncovered, [], "vector files without an end-to-end row: add them to test/codec/vector-calls.ts");
    assert.deepEqual(
      Object.keys(notClientCalls).filter((name) => !files.includes(name)),
      [],
      "skipped cases that are no longer recorded",
    );
  });

  it("every method of both models is called by some row", () => {
    for (const [name, model] of Object.entries(models)) {
      const called = new Set(rows.filter((r) => r.model === name).map((r) => r.vector.method));
      assert.deepEqual(model.signatures.map((s) => s.name).filter((m) => !called.has(m)), [], `${name}: methods no row calls`);
    }
  });
});
