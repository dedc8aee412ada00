/**
 * grpc-js `MethodDefinition`s for the Clarifai V2 RPCs the runtime uses: grpc-js only ever sees a path, the two
 * streaming flags and the (de)serializers. Model calls use the protobufjs coders of `../wire` (the hot path);
 * GetModel, GetModelVersion and GetUser, called once per client or generation, use protobuf-es.
 */
import type { MethodDefinition } from "@grpc/grpc-js";
import { fromBinary, toBinary, type DescMessage, type DescMethod, type MessageShape } from "@bufbuild/protobuf";
import { V2 } from "../gen/proto/clarifai/api/service_pb.js";
import { wire, type Init, type MessageCoder, type MultiOutputResponse, type PostModelOutputsRequest } from "../wire/index.js";

type Typed<I extends DescMessage, O extends DescMessage> = DescMethod & { input: I; output: O };

/** One grpc-js definition for a protobuf-es method descriptor. */
function methodDefinition<I extends DescMessage, O extends DescMessage>(
  method: Typed<I, O>,
): MethodDefinition<MessageShape<I>, MessageShape<O>> {
  return {
    path: `/${method.parent.typeName}/${method.name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: (message) => asBuffer(toBinary(method.input, message)),
    requestDeserialize: (bytes) => fromBinary(method.input, bytes),
    responseSerialize: (message) => asBuffer(toBinary(method.output, message)),
    responseDeserialize: (bytes) => fromBinary(method.output, bytes),
  };
}

/**
 * A model-call RPC. Clients send what they build (`Init`) and receive decoded messages; a server (the test server)
 * is the other way round, which `ServedModelMethod` types.
 */
export type ModelMethod = MethodDefinition<Init.PostModelOutputsRequest, MultiOutputResponse>;
export type ServedModelMethod = MethodDefinition<PostModelOutputsRequest, Init.MultiOutputResponse>;

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

/** grpc-js wants a Buffer; a view over the same memory, not `Buffer.from(bytes)`, which would copy a large payload. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The V2 RPCs of spec §2.5 (plus GetUser for the routing user id, spec §4.4). */
export const rpc = {
  postModelOutputs: modelMethod("PostModelOutputs", false, false),
  generateModelOutputs: modelMethod("GenerateModelOutputs", false, true),
  streamModelOutputs: modelMethod("StreamModelOutputs", true, true),
  getModel: methodDefinition(V2.method.getModel),
  getModelVersion: methodDefinition(V2.method.getModelVersion),
  getUser: methodDefinition(V2.method.getUser),
};
