/**
 * grpc-js `MethodDefinition`s for the model calls (spec §2.5). grpc-js only moves bytes: a client encodes its
 * request right before sending it and decodes each response where it reads it (`encodeModelRequest`,
 * `decodeModelResponse`), never in a grpc-js (de)serializer.
 *
 * Why: grpc-js keeps a unary call's deserialized response until the call's status arrives, often an event-loop turn
 * later, so young-generation GCs found those objects alive; V8 then pretenured the allocation sites of protobufjs'
 * decoders, and every later decode (each message of every stream) allocated straight into the old generation. A
 * client that had made 3000 unary calls spent 11.3–14.0 µs of CPU per streamed message instead of 8.9–9.7
 * (bench/RESULTS.md, "Decoding outside grpc-js"). GetModel, GetModelVersion and GetUser are in
 * api-method-definitions.ts.
 */
import type { MethodDefinition } from "@grpc/grpc-js";
import { asBuffer } from "./as-buffer.js";
import { wire, type Init, type MultiOutputResponse } from "../wire/index.js";

/** A model-call RPC as grpc-js sees it: encoded requests out, undecoded responses in. */
export type ModelMethod = MethodDefinition<Uint8Array, Buffer>;

function modelMethod(name: string, requestStream: boolean, responseStream: boolean): ModelMethod {
  return {
    path: `/clarifai.api.V2/${name}`,
    requestStream,
    responseStream,
    requestSerialize: asBuffer,
    requestDeserialize: asBuffer,
    responseSerialize: asBuffer,
    responseDeserialize: asBuffer,
  };
}

/** The model-call RPCs of spec §2.5. */
export const rpc = {
  postModelOutputs: modelMethod("PostModelOutputs", false, false),
  generateModelOutputs: modelMethod("GenerateModelOutputs", false, true),
  streamModelOutputs: modelMethod("StreamModelOutputs", true, true),
};

export function encodeModelRequest(request: Init.PostModelOutputsRequest): Uint8Array {
  return wire.PostModelOutputsRequest.encode(request).finish();
}

/**
 * Throws protobufjs' error for bytes that are no MultiOutputResponse (see `readResponse` for the client's). Always
 * decodes a Buffer, as grpc-js hands over: protobufjs reads strings of a plain Uint8Array with its own UTF-8 decoder,
 * which treats invalid UTF-8 differently from Node's.
 */
export function decodeModelResponse(bytes: Uint8Array): MultiOutputResponse {
  return wire.MultiOutputResponse.decode(asBuffer(bytes));
}
