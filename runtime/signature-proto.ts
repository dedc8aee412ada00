/**
 * The method-signature IR ↔ the `clarifai.api.MethodSignature` proto and its JSON. Apart from the calls, so that
 * importing the runtime does not load the protobuf-es descriptors: generated clients embed the IR as data.
 */
import { fromJson, toJson, type JsonValue } from "@bufbuild/protobuf";
import {
  MethodSignatureSchema,
  type MethodSignature as MethodSignatureProto,
} from "./gen/proto/clarifai/api/resources_pb.js";
import type { MethodSignature } from "./signature.js";

/** Converts a decoded proto message to the IR. */
export function signatureFromProto(message: MethodSignatureProto): MethodSignature {
  return toJson(MethodSignatureSchema, message, {
    useProtoFieldName: true,
  }) as unknown as MethodSignature;
}

/** Converts the IR to a proto message (for servers that answer GetModel or `_GET_SIGNATURES`). */
export function signatureToProto(signature: MethodSignature): MethodSignatureProto {
  return fromJson(MethodSignatureSchema, signature as unknown as JsonValue);
}

/**
 * Parses signatures from proto3 JSON in either key style (the `_GET_SIGNATURES` answer uses camelCase,
 * `inspect --json` snake_case) and returns them in the canonical IR form.
 */
export function signatureFromJson(json: unknown): MethodSignature {
  return signatureFromProto(fromJson(MethodSignatureSchema, json as JsonValue, { ignoreUnknownFields: false }));
}
