/**
 * Encoding and decoding an 8 MiB image argument/result, against a baseline of one plain copy of the
 * payload measured in the same run. Run: node --expose-gc --import tsx bench/codec.bench.ts
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { decodeResult, encodeArguments } from "../runtime/codec/index.js";
import { Image } from "../runtime/data-types/index.js";
import { MultiOutputResponseSchema, PostModelOutputsRequestSchema } from "../runtime/gen/proto/clarifai/api/service_pb.js";
import type { MethodSignature } from "../runtime/signature.js";
import { toBinarySpliced } from "../runtime/transport/to-binary-spliced.js";
import { arrayBufferGrowth, hasGc, opsPerSecond, opsPerSecondAsync } from "./codec-measure.js";

const MiB = 1024 * 1024;
const payload = new Uint8Array(8 * MiB).map((_, i) => i & 0xff);
const method: MethodSignature = {
  name: "image_gray",
  method_type: "UNARY_UNARY",
  input_fields: [{ name: "image", type: "IMAGE", required: true }],
  output_fields: [{ name: "return", type: "IMAGE" }],
};

/** `serialize` = plain protobuf-es toBinary, or toBinarySpliced as the transport's request serializer uses. */
async function encodeRequest(serialize: typeof toBinary | typeof toBinarySpliced = toBinarySpliced): Promise<Uint8Array> {
  const data = await encodeArguments(method, { image: Image.fromBytes(payload) });
  return serialize(PostModelOutputsRequestSchema, create(PostModelOutputsRequestSchema, { inputs: [{ data }] }));
}

const responseWire = toBinary(
  MultiOutputResponseSchema,
  create(MultiOutputResponseSchema, {
    status: { code: 10000 },
    outputs: [{ status: { code: 10000 }, data: { parts: [{ id: "return", data: { image: { base64: payload } } }] } }],
  }),
);

function decodeResponse(): Image {
  const response = fromBinary(MultiOutputResponseSchema, responseWire);
  return decodeResult(method, response.outputs[0]!.data) as Image;
}

const baseline = opsPerSecond(() => payload.slice());
const encodePlain = await opsPerSecondAsync(() => encodeRequest(toBinary));
const encode = await opsPerSecondAsync(() => encodeRequest());
const decode = opsPerSecond(decodeResponse);

const data = await encodeArguments(method, { image: Image.fromBytes(payload) });
const codecCopies = data.parts[0]!.data!.image!.base64 === payload ? 0 : 1;
const decodedView = decodeResponse().bytes!.buffer === responseWire.buffer;
const encodePlainGrowth = (await arrayBufferGrowth(() => encodeRequest(toBinary))) / payload.byteLength;
const encodeGrowth = (await arrayBufferGrowth(() => encodeRequest())) / payload.byteLength;
const decodeGrowth = (await arrayBufferGrowth(decodeResponse)) / payload.byteLength;

const rows = [
  ["one copy of 8 MiB (baseline)", baseline, 1],
  ["encodeArguments + toBinary (protobuf-es)", encodePlain, encodePlain / baseline],
  ["encodeArguments + toBinarySpliced (transport)", encode, encode / baseline],
  ["fromBinary + decodeResult", decode, decode / baseline],
] as const;
console.log("| operation | ops/s | speed vs one copy |\n| --- | ---: | ---: |");
for (const [name, ops, ratio] of rows) console.log(`| ${name} | ${ops.toFixed(1)} | ${ratio.toFixed(2)}× |`);
console.log(`\ncodec copies of the image when building the request: ${codecCopies}`);
console.log(`decoded image bytes view the received buffer (no copy): ${decodedView}`);
console.log(`ArrayBuffer growth per encode (payload units, transient included): toBinary ${encodePlainGrowth.toFixed(2)}×, toBinarySpliced ${encodeGrowth.toFixed(2)}×`);
console.log(`ArrayBuffer growth per decode (payload units): ${decodeGrowth.toFixed(2)}×${hasGc ? "" : " (run with --expose-gc for clean figures)"}`);
