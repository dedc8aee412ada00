/**
 * "clarifai-typed/signatures": converting method signatures between the IR (what generated clients embed) and the
 * Clarifai proto and its JSON. A separate entry point because it loads the protobuf-es descriptors, which the
 * main entry (calls) does not need.
 */
export { signatureFromJson, signatureFromProto, signatureToProto } from "./signature-proto.js";
export type { MethodSignature, ModelTypeField, DataTypeName, MethodTypeName } from "./signature.js";
