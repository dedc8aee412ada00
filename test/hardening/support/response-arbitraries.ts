/**
 * fast-check arbitraries for hostile MultiOutputResponse messages: generated ones (any status, any number of
 * outputs, Data trees mixing every field, absurd values) and byte-level mutations of recorded ones.
 */
import fc from "fast-check";
import { create, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { DataSchema } from "../../../runtime/gen/proto/clarifai/api/resources_pb.js";
import { MultiOutputResponseSchema } from "../../../runtime/gen/proto/clarifai/api/service_pb.js";
import { StatusCode } from "../../../runtime/gen/proto/clarifai/api/status/status_code_pb.js";

type DataInit = MessageInitShape<typeof DataSchema>;

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "return", "\u0000", "__proto__", "constructor"));
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const float = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0));
const shape = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })), { maxLength: 4 });
const dtype = fc.constantFrom("float32", "float64", "int32", "int64", "uint8", "bool", "float16", "complex128", "", "<f4", "object");
const box = fc.record({ topRow: fc.float(), leftCol: fc.float(), bottomRow: fc.float(), rightCol: fc.float() });

const { data } = fc.letrec<{ data: DataInit }>((tie) => ({
  data: fc.record(
    {
      stringValue: text,
      intValue: int64,
      floatValue: float,
      boolValue: fc.boolean(),
      bytesValue: fc.uint8Array({ maxLength: 16 }),
      text: fc.record({ raw: text, url: text }),
      image: fc.record({ base64: fc.uint8Array({ maxLength: 24 }), url: text }, { requiredKeys: [] }),
      audio: fc.record({ base64: fc.uint8Array({ maxLength: 8 }), url: text }, { requiredKeys: [] }),
      video: fc.record({ base64: fc.uint8Array({ maxLength: 8 }), url: text }, { requiredKeys: [] }),
      ndarray: fc.record({ buffer: fc.uint8Array({ maxLength: 32 }), shape, dtype }),
      structValue: fc.dictionary(text, fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<never>, { maxKeys: 3 }),
      concepts: fc.array(fc.record({ id: text, name: text, value: fc.float() }, { requiredKeys: [] }), { maxLength: 3 }),
      regions: fc.array(fc.record({ id: text, regionInfo: fc.record({ boundingBox: box }, { requiredKeys: [] }) }, { requiredKeys: [] }), { maxLength: 2 }),
      frames: fc.array(fc.record({ frameInfo: fc.record({ index: fc.nat(), time: fc.nat() }), id: text }, { requiredKeys: [] }), { maxLength: 2 }),
      parts: fc.array(fc.record({ id: text, data: tie("data") }, { requiredKeys: [] }), { maxLength: 3, depthIdentifier: "parts" }),
    },
    { requiredKeys: [] },
  ),
}));

const statusCode = fc.oneof(
  { weight: 6, arbitrary: fc.constant(StatusCode.SUCCESS) },
  fc.constantFrom(StatusCode.ZERO, StatusCode.FAILURE, StatusCode.MIXED_STATUS, StatusCode.MODEL_LOADING),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
);
const status = fc.record({ code: statusCode, description: text, details: text, stackTrace: fc.array(text, { maxLength: 2 }), reqId: text }, { requiredKeys: [] });

/** A generated response: its status, 0–4 outputs with their own statuses and Data trees. */
export const generatedResponse: fc.Arbitrary<Uint8Array> = fc
  .record({
    status: fc.option(status, { nil: undefined }),
    outputs: fc.array(fc.record({ status: fc.option(status, { nil: undefined }), data: fc.option(data, { nil: undefined }) }), { maxLength: 4 }),
  })
  .map((init) => toBinary(MultiOutputResponseSchema, create(MultiOutputResponseSchema, init)));

/** Mutations a fuzzer applies to bytes: flips, overwrites, inserts, deletes, truncations, splices, huge lengths. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 32 }) }),
  // A varint length of ~2^35 where a length is expected: a decoder must not allocate it.
  fc.record({ kind: fc.constant("huge-length" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    switch (m.kind) {
      case "flip":
        if (out.length > 0) out[at] = out[at]! ^ (1 << m.bit);
        break;
      case "set":
        if (out.length > 0) out[at] = m.value;
        break;
      case "insert":
        out.splice(at, 0, ...m.bytes);
        break;
      case "delete":
        out.splice(at, m.count);
        break;
      case "truncate":
        out = out.slice(0, at);
        break;
      case "duplicate":
        out.splice(at, 0, ...out.slice(at, at + m.count));
        break;
      case "huge-length":
        out.splice(at, 1, 0xff, 0xff, 0xff, 0xff, 0x7f);
        break;
    }
  }
  return Uint8Array.from(out);
}

/** A recorded response (one of `seeds`) with 1–3 byte-level mutations; also says which seed it came from. */
export function mutatedResponse<S extends { bytes: Uint8Array }>(seeds: readonly S[]): fc.Arbitrary<{ seed: S; bytes: Uint8Array }> {
  return fc
    .record({ seed: fc.constantFrom(...seeds), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
    .map(({ seed, mutations }) => ({ seed, bytes: mutate(seed.bytes, mutations) }));
}

/**
 * A SUCCESS response whose output Data is nested `depth` parts deep (absurd nesting a hostile server may send),
 * written with the wire writer because building such a message object would itself overflow the stack.
 */
export function deeplyNestedResponse(depth: number): Uint8Array {
  const field = (number: number, bytes: Uint8Array) => new BinaryWriter().tag(number, WireType.LengthDelimited).bytes(bytes).finish();
  const concat = (...chunks: Uint8Array[]) => new Uint8Array(Buffer.concat(chunks));
  const returnId = field(2, new TextEncoder().encode("return")); // Part.id
  let data = new Uint8Array(); // Data
  for (let i = 0; i < depth; i++) data = field(19, concat(field(1, data), returnId)); // Data.parts[0] = Part{data, id}
  const status = new BinaryWriter().tag(1, WireType.Varint).int32(StatusCode.SUCCESS).finish(); // Status.code
  return concat(field(1, status), field(2, field(6, data))); // MultiOutputResponse{status, outputs[0]: Output{data}}
}
