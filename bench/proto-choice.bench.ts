/**
 * Which proto library encodes calls: protobufjs (runtime/wire, what model calls use), protobuf-es (runtime/gen,
 * GetModel and friends) and the google-protobuf code that clarifai-nodejs-grpc ships. Same messages, same run;
 * encode + decode of a typical request/response and of an 8 MiB image request, in a tight loop (inside real calls
 * see bench/proto-in-call.bench.ts). Run: node --expose-gc --import tsx bench/proto-choice.bench.ts
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- google-protobuf's generated JS ships no usable types; this bench only compares speed. */
import { createRequire } from "node:module";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { MultiOutputResponseSchema, PostModelOutputsRequestSchema } from "../runtime/gen/proto/clarifai/api/service_pb.js";
import { wire, type Init } from "../runtime/wire/index.js";
import { arrayBufferGrowth, opsPerSecond } from "./codec-measure.js";

const require = createRequire(import.meta.url);
const jsService = require("clarifai-nodejs-grpc/proto/clarifai/api/service_pb") as any;
const jsResources = require("clarifai-nodejs-grpc/proto/clarifai/api/resources_pb") as any;
const jsStatus = require("clarifai-nodejs-grpc/proto/clarifai/api/status/status_pb") as any;
const { Struct } = require("google-protobuf/google/protobuf/struct_pb.js") as any;

const image = new Uint8Array(8 * 1024 * 1024).map((_, i) => i & 0xff);

function esRequest(parts: { id: string; data: object }[]): Uint8Array {
  const request = create(PostModelOutputsRequestSchema, {
    modelId: "m",
    inputs: [{ data: { metadata: { _method_name: "predict" }, parts } }],
  });
  return toBinary(PostModelOutputsRequestSchema, request);
}

function jsPart(id: string, fill: (data: any) => void): any {
  const part = new jsResources.Part();
  const data = new jsResources.Data();
  fill(data);
  part.setId(id);
  part.setData(data);
  return part;
}

function jsRequest(parts: any[]): Uint8Array {
  const data = new jsResources.Data();
  data.setMetadata(Struct.fromJavaScript({ _method_name: "predict" }));
  data.setPartsList(parts);
  const input = new jsResources.Input();
  input.setData(data);
  const request = new jsService.PostModelOutputsRequest();
  request.setModelId("m");
  request.setInputsList([input]);
  return request.serializeBinary();
}

const typicalEs = () =>
  esRequest([
    { id: "prompt", data: { stringValue: "hello there, a typical prompt" } },
    { id: "temperature", data: { floatValue: 0.7 } },
    { id: "max_tokens", data: { intValue: 256n } },
  ]);
const typicalJs = () =>
  jsRequest([
    jsPart("prompt", (d) => d.setStringValue("hello there, a typical prompt")),
    jsPart("temperature", (d) => d.setFloatValue(0.7)),
    jsPart("max_tokens", (d) => d.setIntValue(256)),
  ]);
function pbRequest(parts: Init.Part[]): Uint8Array {
  return wire.PostModelOutputsRequest.encode({
    modelId: "m",
    inputs: [{ data: { metadata: { fields: { _method_name: { stringValue: "predict" } } }, parts } }],
  }).finish();
}
const typicalPb = () =>
  pbRequest([
    { id: "prompt", data: { stringValue: "hello there, a typical prompt" } },
    { id: "temperature", data: { floatValue: 0.7 } },
    { id: "max_tokens", data: { intValue: 256 } },
  ]);
const imagePb = () => pbRequest([{ id: "image", data: { image: { base64: image } } }]);
const imageEs = () => esRequest([{ id: "image", data: { image: { base64: image } } }]);
const imageJs = () => jsRequest([jsPart("image", (d) => { const i = new jsResources.Image(); i.setBase64(image); d.setImage(i); })]);

const responseWire = toBinary(
  MultiOutputResponseSchema,
  create(MultiOutputResponseSchema, {
    status: { code: 10000 },
    outputs: [{ status: { code: 10000 }, data: { parts: [{ id: "return", data: { stringValue: "a typical answer ".repeat(8) } }] } }],
  }),
);
void jsStatus;

const typicalRoundTripEs = () => {
  fromBinary(PostModelOutputsRequestSchema, typicalEs());
  return fromBinary(MultiOutputResponseSchema, responseWire).outputs[0]!.data!.parts[0]!.data!.stringValue;
};
const typicalRoundTripJs = () => {
  jsService.PostModelOutputsRequest.deserializeBinary(typicalJs());
  return jsService.MultiOutputResponse.deserializeBinary(responseWire).getOutputsList()[0].getData().getPartsList()[0].getData().getStringValue();
};
const typicalRoundTripPb = () => {
  wire.PostModelOutputsRequest.decode(typicalPb());
  return wire.MultiOutputResponse.decode(responseWire).outputs[0]!.data!.parts[0]!.data!.stringValue;
};
const imageRoundTripPb = () => wire.PostModelOutputsRequest.decode(imagePb());
const imageRoundTripEs = () => fromBinary(PostModelOutputsRequestSchema, imageEs());
const imageRoundTripJs = () => jsService.PostModelOutputsRequest.deserializeBinary(imageJs());

// The libraries must produce the same bytes, or the comparison is meaningless.
const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const same = equal(typicalEs(), typicalJs()) && equal(typicalEs(), typicalPb()) && equal(imageEs(), imageJs()) && equal(imageEs(), imagePb());

const rows: [string, number, number, number][] = [
  ["typical request+response encode+decode", opsPerSecond(typicalRoundTripPb), opsPerSecond(typicalRoundTripEs), opsPerSecond(typicalRoundTripJs)],
  ["8 MiB image request encode+decode", opsPerSecond(imageRoundTripPb, 800), opsPerSecond(imageRoundTripEs, 800), opsPerSecond(imageRoundTripJs, 800)],
];
console.log(`identical bytes from the three libraries: ${same}\n`);
console.log("| case | protobufjs ops/s | protobuf-es ops/s | google-protobuf ops/s | protobufjs / protobuf-es | protobufjs / google |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const [name, pb, es, js] of rows) {
  console.log(`| ${name} | ${pb.toFixed(0)} | ${es.toFixed(0)} | ${js.toFixed(0)} | ${(pb / es).toFixed(2)}× | ${(pb / js).toFixed(2)}× |`);
}
const growth = async (encode: () => Uint8Array) => ((await arrayBufferGrowth(encode)) / image.byteLength).toFixed(2);
console.log(`\nArrayBuffer growth per 8 MiB image encode (payload units): protobufjs ${await growth(imagePb)}×, ` +
  `protobuf-es ${await growth(imageEs)}×, google-protobuf ${await growth(imageJs)}×`);
