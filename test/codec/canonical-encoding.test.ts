/**
 * protobufjs writes every field that is set, even to zero, while proto3 encoders (the Python SDK's, protobuf-es)
 * leave zero scalars out. The codec must therefore never set one, or requests stop being byte-equal to the SDK's.
 * Property: for arguments and results of every recorded signature, zero-heavy values included, the runtime's bytes
 * equal what protobuf-es writes after reading them back, i.e. they are already the canonical proto3 encoding.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { DataSchema } from "../../runtime/gen/proto/clarifai/api/resources_pb.js";
import { ArgumentError } from "../../runtime/errors.js";
import { encodeArguments, encodeResult } from "../../runtime/codec/index.js";
import { Audio, Image, NDArray, Text, Video, type Media } from "../../runtime/data-types/index.js";
import type { MethodSignature, ModelTypeField } from "../../runtime/signature.js";
import { wire, type Init } from "../../runtime/wire/index.js";
import { loadSignature, vectorsDir } from "./vector-support.js";

const signatures: MethodSignature[] = (["signatures.json", "signatures-m3.json"] as const).flatMap((file) =>
  (JSON.parse(readFileSync(path.join(vectorsDir, file), "utf8")) as { signatures: MethodSignature[] }).signatures.map((s) =>
    loadSignature(file === "signatures.json" ? "peer" : "m3", s.name)));

const zeroOr = <T>(zero: T, ...others: T[]) => fc.constantFrom(zero, zero, ...others);
const string = zeroOr("", "a", "ü x");
const number = zeroOr(0, -0, 0.5, -1.25, 3);
const bytes = zeroOr(new Uint8Array(0), Uint8Array.of(0), Uint8Array.of(1, 2));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const media = <T extends Media>(cls: { fromBytes(b: Uint8Array): T; fromUrl(url: string): T }) =>
  fc.oneof(bytes.map((b) => cls.fromBytes(b)), fc.constant(cls.fromUrl("https://example.com/x")));
const concept = fc.oneof(string.filter((s) => s !== ""), fc.record({ name: string, value: optional(number), id: optional(string) }, { requiredKeys: ["name"] }));
const region = fc.record({
  id: optional(string),
  box: optional(fc.tuple(number, number, number, number)),
  point: optional(fc.record({ x: number, y: number, z: optional(number) }, { requiredKeys: ["x", "y"] })),
  concepts: optional(fc.array(concept, { maxLength: 2 })),
  text: optional(string),
  trackId: optional(string),
}, { requiredKeys: [] });
const frame = fc.record({
  time: optional(zeroOr(0, 1.5)),
  index: optional(zeroOr(0, 2)),
  regions: optional(fc.array(region, { maxLength: 2 })),
  image: optional(media(Image)),
}, { requiredKeys: [] });
const json = fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));

function valueOf(field: ModelTypeField): fc.Arbitrary<unknown> {
  const choices = field.model_type_enum_options?.map((o) => o.id);
  switch (field.type) {
    case "STR":
      return choices?.length ? fc.constantFrom(...choices) : string;
    case "INT":
      return choices?.length
        ? fc.constantFrom(...choices.map(Number))
        : zeroOr<number | bigint>(0, 1, -7, 2 ** 40, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n));
    case "FLOAT":
      return number;
    case "BOOL":
      return fc.boolean();
    case "BYTES":
      return bytes;
    case "NDARRAY":
      return fc.constantFrom(NDArray.from([0, 1], "float32"), NDArray.from([[0]], "int32"), NDArray.from([], "float64"));
    case "JSON_DATA":
      return json;
    case "TEXT":
      return fc.oneof(string, fc.tuple(string, optional(zeroOr("", "https://t"))).map(([t, url]) => new Text(t, url)));
    case "IMAGE":
      return media(Image);
    case "AUDIO":
      return media(Audio);
    case "VIDEO":
      return media(Video);
    case "CONCEPT":
      return concept;
    case "REGION":
      return region;
    case "FRAME":
      return frame;
    case "LIST":
      return fc.array(valueOf(field.type_args![0]!), { maxLength: 3 });
    case "TUPLE":
      return fc.tuple(...field.type_args!.map(valueOf));
    case "NAMED_FIELDS":
      return fc.record(Object.fromEntries(field.type_args!.map((f) => [f.name, valueOf(f)])));
    default:
      throw new Error(`no generator for ${field.type}`);
  }
}

const argumentsOf = (signature: MethodSignature) =>
  fc.record(Object.fromEntries((signature.input_fields ?? []).map((f) => [f.name, f.required ? valueOf(f) : optional(valueOf(f))])));

/** The runtime's bytes for `data`, and protobuf-es' canonical re-encoding of them. */
function bothEncodings(data: Init.Data): [string, string] {
  const ours = wire.Data.encode(data).finish();
  const canonical = toBinary(DataSchema, fromBinary(DataSchema, ours));
  return [Buffer.from(ours).toString("hex"), Buffer.from(canonical).toString("hex")];
}

/** Values the signature's checks refuse (a range, a choice) are not this property's concern. */
async function unlessRefused<T>(encode: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await encode();
  } catch (error) {
    if (error instanceof ArgumentError) return undefined;
    throw error;
  }
}

describe("the runtime writes canonical proto3 (no zero scalars set)", () => {
  for (const signature of signatures) {
    it(`${signature.name}: arguments and results`, async () => {
      await fc.assert(
        fc.asyncProperty(argumentsOf(signature), valueOf(signature.output_fields![0]!), async (args, result) => {
          const request = await unlessRefused(() => encodeArguments(signature, args));
          if (request !== undefined) {
            const [ours, canonical] = bothEncodings(request);
            assert.equal(ours, canonical, "arguments");
          }
          const response = await unlessRefused(() => encodeResult(signature, result));
          if (response !== undefined) {
            const [ours, canonical] = bothEncodings(response);
            assert.equal(ours, canonical, "result");
          }
        }),
        { numRuns: 60, seed: 11 },
      );
    });
  }
});
