/**
 * grpc-js `MethodDefinition`s for the Clarifai V2 RPCs the runtime uses, built from the protobuf-es service
 * descriptor: grpc-js only ever sees a path, the two streaming flags and `toBinarySpliced`/`fromBinary`.
 */
import type { MethodDefinition } from "@grpc/grpc-js";
import { fromBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import type { DescMethod } from "@bufbuild/protobuf";
import { V2 } from "../gen/proto/clarifai/api/service_pb.js";
import { toBinarySpliced } from "./to-binary-spliced.js";

type Typed<I extends DescMessage, O extends DescMessage> = DescMethod & { input: I; output: O };

/** One grpc-js definition for a protobuf-es method descriptor. */
export function methodDefinition<I extends DescMessage, O extends DescMessage>(
  method: Typed<I, O>,
): MethodDefinition<MessageShape<I>, MessageShape<O>> {
  return {
    path: `/${method.parent.typeName}/${method.name}`,
    requestStream: method.methodKind === "client_streaming" || method.methodKind === "bidi_streaming",
    responseStream: method.methodKind === "server_streaming" || method.methodKind === "bidi_streaming",
    requestSerialize: (message) => asBuffer(toBinarySpliced(method.input, message)),
    requestDeserialize: (bytes) => fromBinary(method.input, bytes),
    responseSerialize: (message) => asBuffer(toBinarySpliced(method.output, message)),
    responseDeserialize: (bytes) => fromBinary(method.output, bytes),
  };
}

/** grpc-js wants a Buffer; a view over the same memory, not `Buffer.from(bytes)`, which would copy a large payload. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The V2 RPCs of spec §2.5 (plus GetUser for the routing user id, spec §4.4). */
export const rpc = {
  postModelOutputs: methodDefinition(V2.method.postModelOutputs),
  generateModelOutputs: methodDefinition(V2.method.generateModelOutputs),
  streamModelOutputs: methodDefinition(V2.method.streamModelOutputs),
  getModel: methodDefinition(V2.method.getModel),
  getModelVersion: methodDefinition(V2.method.getModelVersion),
  getUser: methodDefinition(V2.method.getUser),
};
