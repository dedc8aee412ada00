/**
 * grpc-js `MethodDefinition`s for the model calls (spec §2.5): grpc-js only ever sees a path, the two streaming
 * flags and the (de)serializers, here the protobufjs coders of `../wire`. GetModel, GetModelVersion and GetUser
 * are in api-method-definitions.ts.
 */
import type { MethodDefinition } from "@grpc/grpc-js";
import { asBuffer } from "./as-buffer.js";
import { wire, type Init, type MessageCoder, type MultiOutputResponse, type PostModelOutputsRequest } from "../wire/index.js";

/**
 * A model-call RPC as a client sees it: it sends what it builds (`Init`) and receives decoded messages. The test
 * server uses the same definitions the other way round (decoded requests in, built answers out).
 */
export type ModelMethod = MethodDefinition<Init.PostModelOutputsRequest, MultiOutputResponse>;

function modelMethod(name: string, requestStream: boolean, responseStream: boolean): ModelMethod {
  const request: MessageCoder<Init.PostModelOutputsRequest, PostModelOutputsRequest> = wire.PostModelOutputsRequest;
  const response: MessageCoder<Init.MultiOutputResponse, MultiOutputResponse> = wire.MultiOutputResponse;
  return {
    path: `/clarifai.api.V2/${name}`,
    requestStream,
    responseStream,
    requestSerialize: (message) => asBuffer(request.encode(message).finish()),
    requestDeserialize: (bytes) => request.decode(bytes),
    responseSerialize: (message) => asBuffer(response.encode(message).finish()),
    responseDeserialize: (bytes) => response.decode(bytes),
  };
}

/** The model-call RPCs of spec §2.5. */
export const rpc = {
  postModelOutputs: modelMethod("PostModelOutputs", false, false),
  generateModelOutputs: modelMethod("GenerateModelOutputs", false, true),
  streamModelOutputs: modelMethod("StreamModelOutputs", true, true),
};
