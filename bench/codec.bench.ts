/**
 * Encoding and decoding an 8 MiB image argument/result, against a baseline of one plain copy of the
 * payload measured in the same run. Run: node --expose-gc --import tsx bench/codec.bench.ts
 */
import { decodeResult, encodeArguments } from "../runtime/codec/index.js";
import { Image } from "../runtime/data-types/index.js";
import type { MethodSignature } from "../runtime/signature.js";
import { decodeModelResponse, encodeModelRequest } from "../runtime/transport/method-definitions.js";
import { wire } from "../runtime/wire/index.js";
import { arrayBufferGrowth, hasGc, opsPerSecond, opsPerSecondAsync } from "./codec-measure.js";

const MiB = 1024 * 1024;
const payload = new Uint8Array(8 * MiB).map((_, i) => i & 0xff);
const method: MethodSignature = {
  name: "image_gray",
  method_type: "UNARY_UNARY",
  input_fields: [{ name: "image", type: "IMAGE", required: true }],
  output_fields: [{ name: "return", type: "IMAGE" }],
};

/** What a client does to send a call: encode the arguments, serialize the request (protobufjs). */
async function encodeRequest(): Promise<Uint8Array> {
  const data = await encodeArguments(method, { image: Image.fromBytes(payload) });
  return encodeModelRequest({ inputs: [{ data }] });
}

// The server's answer as grpc-js hands it to the deserializer: a Buffer.
const responseWire = Buffer.from(wire.MultiOutputResponse.encode({
  status: { code: 10000 },
  outputs: [{ status: { code: 10000 }, data: { parts: [{ id: "return", data: { image: { base64: payload } } }] } }],
}).finish());

function decodeResponse(): Image {
  const response = decodeModelResponse(responseWire);
  return decodeResult(method, response.outputs[0]!.data) as Image;
}

const baseline = opsPerSecond(() => payload.slice());
const encode = await opsPerSecondAsync(() => encodeRequest());
const decode = opsPerSecond(decodeResponse);

const data = await encodeArguments(method, { image: Image.fromBytes(payload) });
const codecCopies = data.parts![0]!.data!.image!.base64 === payload ? 0 : 1;
const decodedView = decodeResponse().bytes!.buffer === responseWire.buffer;
const encodeGrowth = (await arrayBufferGrowth(() => encodeRequest())) / payload.byteLength;
const decodeGrowth = (await arrayBufferGrowth(decodeResponse)) / payload.byteLength;

const rows = [
  ["one copy of 8 MiB (baseline)", baseline, 1],
  ["encodeArguments + serialize (protobufjs)", encode, encode / baseline],
  ["deserialize + decodeResult", decode, decode / baseline],
] as const;
console.log("| operation | ops/s | speed vs one copy |\n| --- | ---: | ---: |");
for (const [name, ops, ratio] of rows) console.log(`| ${name} | ${ops.toFixed(1)} | ${ratio.toFixed(2)}× |`);
console.log(`\ncodec copies of the image when building the request: ${codecCopies}`);
console.log(`decoded image bytes view the received buffer (no copy): ${decodedView}`);
console.log(`ArrayBuffer growth per encode (payload units, transient included): ${encodeGrowth.toFixed(2)}×`);
console.log(`ArrayBuffer growth per decode (payload units): ${decodeGrowth.toFixed(2)}×${hasGc ? "" : " (run with --expose-gc for clean figures)"}`);
