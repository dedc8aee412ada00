/**
 * The method-signature IR: plain data in the shape of the `clarifai.api.MethodSignature` proto as
 * protobuf's JSON printer writes it with preserved field names (snake_case keys, enum values as names,
 * default-valued fields omitted). Every source (model.py, the API, a running model server) produces it,
 * the generator embeds it in generated clients, and the runtime encodes and decodes calls by it.
 */
import { fromJson, toJson, type JsonValue } from "@bufbuild/protobuf";
import {
  MethodSignatureSchema,
  type MethodSignature as MethodSignatureProto,
} from "./gen/proto/clarifai/api/resources_pb.js";

/** `clarifai.api.ModelTypeField.DataType` value names. */
export type DataTypeName =
  | "NOT_SET"
  | "STR"
  | "BYTES"
  | "INT"
  | "FLOAT"
  | "BOOL"
  | "NDARRAY"
  | "JSON_DATA"
  | "TEXT"
  | "IMAGE"
  | "CONCEPT"
  | "REGION"
  | "FRAME"
  | "AUDIO"
  | "VIDEO"
  | "NAMED_FIELDS"
  | "TUPLE"
  | "LIST";

/** `clarifai.api.RunnerMethodType` value names. */
export type MethodTypeName =
  | "UNKNOWN"
  | "UNARY_UNARY"
  | "UNARY_STREAMING"
  | "STREAMING_UNARY"
  | "STREAMING_STREAMING";

/** `clarifai.api.ModelTypeField`, restricted to the fields signatures use (spec §2.2). */
export interface ModelTypeField {
  readonly description?: string;
  readonly model_type_enum_options?: readonly { readonly id: string }[];
  readonly required?: boolean;
  readonly model_type_range_info?: { readonly min?: number; readonly max?: number };
  readonly name: string;
  readonly type: DataTypeName;
  readonly type_args?: readonly ModelTypeField[];
  readonly iterator?: boolean;
  /** Python default as the SDK stores it: raw for `str`, `json.dumps` otherwise (spec §1.4). */
  readonly default?: string;
  readonly is_param?: boolean;
}

/** `clarifai.api.MethodSignature` (spec §2.1). */
export interface MethodSignature {
  readonly name: string;
  readonly method_type: MethodTypeName;
  readonly description?: string;
  readonly input_fields?: readonly ModelTypeField[];
  readonly output_fields?: readonly ModelTypeField[];
}

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
