/**
 * toBinarySpliced must write exactly the bytes toBinary writes: over every recorded request and response (with
 * every bytes field spliced), over random Data trees, and for an 8 MiB image (where the payload lands by one copy).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import fc from "fast-check";
import { create, toBinary } from "@bufbuild/protobuf";
import { toBinarySpliced, MIN_SPLICED_BYTES } from "../../runtime/transport/to-binary-spliced.js";
import { DataSchema, type Data } from "../../runtime/gen/proto/clarifai/api/resources_pb.js";
import { MultiOutputResponseSchema, PostModelOutputsRequestSchema } from "../../runtime/gen/proto/clarifai/api/service_pb.js";
import { loadVector, requests, responses, vectorsDir } from "../codec/vector-support.js";

const same = (a: Uint8Array, b: Uint8Array) => assert.equal(Buffer.compare(Buffer.from(a), Buffer.from(b)), 0);

test("every recorded request and response: identical bytes with every bytes field spliced", () => {
  const names = readdirSync(vectorsDir).filter((f) => f.endsWith(".json") && !f.startsWith("signatures")).map((f) => f.slice(0, -5));
  let messages = 0;
  for (const name of names) {
    const vector = loadVector(name);
    if (!vector.request_b64) continue;
    for (const request of requests(vector)) {
      same(toBinarySpliced(PostModelOutputsRequestSchema, request, 1), toBinary(PostModelOutputsRequestSchema, request));
      messages++;
    }
    for (const response of responses(vector)) {
      same(toBinarySpliced(MultiOutputResponseSchema, response, 1), toBinary(MultiOutputResponseSchema, response));
      messages++;
    }
  }
  assert.ok(messages > 100, `expected the vectors' messages, compared ${messages}`);
});

// Random Data trees: bytes in singular fields, oneof-free media messages, repeated messages and nested parts,
// with sizes on both sides of the threshold and of the one- and two-byte length-prefix boundaries.
const bytes = fc.oneof(fc.uint8Array({ maxLength: 3 }), fc.integer({ min: 120, max: 20_000 }).map((n) => new Uint8Array(n).fill(n & 0xff)));
const media = fc.record({ base64: bytes, url: fc.string({ maxLength: 4 }) }, { requiredKeys: [] });
const dataTree = fc.letrec<{ data: Record<string, unknown> }>((tie) => ({
  data: fc.record(
    {
      bytesValue: bytes,
      stringValue: fc.string({ maxLength: 5 }),
      image: media,
      audio: media,
      video: media,
      frames: fc.array(fc.record({ data: media.map((image) => ({ image })) }), { maxLength: 2 }),
      parts: fc.array(fc.record({ id: fc.string({ maxLength: 3 }), data: tie("data") }), { maxLength: 3, depthIdentifier: "parts" }),
    },
    { requiredKeys: [] },
  ),
}));

test("random Data trees: identical bytes whatever the threshold", () => {
  fc.assert(
    fc.property(dataTree.data, fc.constantFrom(1, 100, 5_000, MIN_SPLICED_BYTES), (init, threshold) => {
      const data: Data = create(DataSchema, init);
      same(toBinarySpliced(DataSchema, data, threshold), toBinary(DataSchema, data));
    }),
    { numRuns: 300 },
  );
});

test("an 8 MiB image: identical bytes, the payload copied once, the caller's message untouched", () => {
  const payload = new Uint8Array(8 * 1024 * 1024).map((_, i) => i * 7);
  const request = create(PostModelOutputsRequestSchema, {
    modelId: "m",
    inputs: [{ data: { parts: [{ id: "image", data: { image: { base64: payload } } }] } }],
  });
  const spliced = toBinarySpliced(PostModelOutputsRequestSchema, request);
  same(spliced, toBinary(PostModelOutputsRequestSchema, request));
  assert.equal(spliced.buffer.byteLength, spliced.byteLength, "the result owns an exactly sized buffer");
  assert.equal(request.inputs[0]!.data!.parts[0]!.data!.image!.base64, payload);
});
