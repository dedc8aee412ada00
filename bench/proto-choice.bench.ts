/**
 * Which proto library encodes calls: protobuf-es (runtime/gen) vs the google-protobuf code that
 * clarifai-nodejs-grpc ships. Same messages, same run; encode + decode of a typical request/response
 * and of an 8 MiB image request. Run: node --expose-gc --import tsx bench/proto-choice.bench.ts
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- google-protobuf's generated JS ships no usable types; this bench only compares speed. */
import { createRequire } from "node:module";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { MultiOutputResponseSchema, PostModelOutputsRequestSchema } from "../runtime/gen/proto/clarifai/api/service_pb.js";
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
const imageRoundTripEs = () => fromBinary(PostModelOutputsRequestSchema, imageEs());
const imageRoundTripJs = () => jsService.PostModelOutputsRequest.deserializeBinary(imageJs());

// Both libraries must produce the same bytes, or the comparison is meaningless.
const same = Buffer.from(typicalEs()).equals(Buffer.from(typicalJs())) && Buffer.from(imageEs()).equals(Buffer.from(imageJs()));

const rows: [string, number, number][] = [
  ["typical request+response encode+decode", opsPerSecond(typicalRoundTripEs), opsPerSecond(typicalRoundTripJs)],
  ["8 MiB image request encode+decode", opsPerSecond(imageRoundTripEs, 800), opsPerSecond(imageRoundTripJs, 800)],
];
console.log(`identical bytes from both libraries: ${same}\n`);
console.log("| case | protobuf-es ops/s | google-protobuf ops/s | es / google |\n| --- | ---: | ---: | ---: |");
for (const [name, es, js] of rows) console.log(`| ${name} | ${es.toFixed(0)} | ${js.toFixed(0)} | ${(es / js).toFixed(2)}× |`);
const esGrowth = (await arrayBufferGrowth(imageEs)) / image.byteLength;
const jsGrowth = (await arrayBufferGrowth(imageJs)) / image.byteLength;
console.log(`\nArrayBuffer growth per 8 MiB image encode (payload units): protobuf-es ${esGrowth.toFixed(2)}×, google-protobuf ${jsGrowth.toFixed(2)}×`);
