/**
 * grpc-js `MethodDefinition`s for the V2 RPCs around model calls: GetModel and GetModelVersion (signatures, spec
 * §2.3) and GetUser (the routing user id, spec §4.4). Called once per generation or client, they use protobuf-es,
 * whose descriptors are loaded only when one of them is first needed (see owner-id.ts, client/index.ts).
 */
import type { MethodDefinition } from "@grpc/grpc-js";
import { fromBinary, toBinary, type DescMessage, type DescMethod, type MessageShape } from "@bufbuild/protobuf";
import { V2 } from "../gen/proto/clarifai/api/service_pb.js";
import { asBuffer } from "./as-buffer.js";

type Typed<I extends DescMessage, O extends DescMessage> = DescMethod & { input: I; output: O };

/** One grpc-js definition for a protobuf-es method descriptor (all three are unary). */
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

export const apiRpc = {
  getModel: methodDefinition(V2.method.getModel),
  getModelVersion: methodDefinition(V2.method.getModelVersion),
  getUser: methodDefinition(V2.method.getUser),
};
