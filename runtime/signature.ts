/**
 * The method-signature IR: plain data in the shape of the `clarifai.api.MethodSignature` proto as
 * protobuf's JSON printer writes it with preserved field names (snake_case keys, enum values as names,
 * default-valued fields omitted). Every source (model.py, the API, a running model server) produces it,
 * the generator embeds it in generated clients, and the runtime encodes and decodes calls by it. Converting it
 * to and from the proto (which loads the protobuf-es descriptors) is in signature-proto.ts.
 */

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
