/**
 * One value → the `Data` its field's DataType selects (spec §3.2, §3.3). Validates as it goes, so an
 * argument is rejected with its path (`images[2]`, `pair[0]`, `result.preview`) before anything is sent.
 */
import Long from "long";
import { implicit, implicitFloat, type Init } from "../wire/index.js";
import { NDArray } from "../data-types/ndarray.js";
import { Text } from "../data-types/text.js";
import type { ModelTypeField } from "../signature.js";
import type { EncodeContext } from "./encode-context.js";
import { jsonToStruct } from "./json-value.js";
import { mediaToProto } from "./media-proto.js";
import { checkBool, checkFloat, checkInt, checkString } from "./scalar-checks.js";
import { conceptToProto, frameToProto, regionToProto } from "./structured.js";

/**
 * The `data` of a part holding `value`: like `encodeValue`, except that an empty list leaves the part
 * without data, as the Python SDK writes it (a zero scalar, by contrast, gives a present, empty data).
 */
export function encodePartData(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): Init.Data | undefined {
  if (field.type === "LIST" && Array.isArray(value) && value.length === 0) {
    onlyTypeArg(field, path, ctx);
    return undefined;
  }
  return encodeValue(field, value, path, ctx);
}

export function encodeValue(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): Init.Data {
  switch (field.type) {
    case "STR":
      return { stringValue: implicit(checkString(field, value, path, ctx)) };
    case "INT":
      return { intValue: int64(checkInt(field, value, path, ctx)) };
    case "FLOAT":
      return { floatValue: implicitFloat(checkFloat(field, value, path, ctx)) };
    case "BOOL":
      return { boolValue: implicit(checkBool(value, path, ctx)) };
    case "BYTES":
      if (!(value instanceof Uint8Array)) return ctx.reject(path, "a Uint8Array", value);
      return { bytesValue: implicit(value) };
    case "NDARRAY":
      return { ndarray: ndarrayToProto(value, path, ctx) };
    case "JSON_DATA": {
      const structValue = jsonToStruct(value, path, ctx);
      const mirror = ctx.options.jsonStringMirror ? { stringValue: JSON.stringify(value) } : {};
      return { structValue, ...mirror };
    }
    case "TEXT":
      if (typeof value === "string") return { text: { raw: implicit(value) } };
      if (!(value instanceof Text)) return ctx.reject(path, "a Text or a string", value);
      return { text: { raw: implicit(value.text), url: implicit(value.url) } };
    case "IMAGE":
      return { image: mediaToProto("image", value, path, ctx) };
    case "AUDIO":
      return { audio: mediaToProto("audio", value, path, ctx) };
    case "VIDEO":
      return { video: mediaToProto("video", value, path, ctx) };
    case "CONCEPT":
      return { concepts: [conceptToProto(value, path, ctx)] };
    case "REGION":
      return { regions: [regionToProto(value, path, ctx)] };
    case "FRAME":
      return { frames: [frameToProto(value, path, ctx)] };
    case "LIST":
      return encodeList(field, value, path, ctx);
    case "TUPLE":
      return encodeTuple(field, value, path, ctx);
    case "NAMED_FIELDS":
      return encodeNamedFields(field, value, path, ctx);
    default:
      return ctx.fail(path, "a value of a supported type", `a field of type ${field.type}`,
        "The signature uses a DataType this runtime cannot encode.");
  }
}

function encodeList(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): Init.Data {
  const item = onlyTypeArg(field, path, ctx);
  if (!Array.isArray(value)) return ctx.reject(path, "an array", value);
  ctx.checkDense(value, path);
  const itemPath = (i: number) => `${path}[${i}]`;
  // Lists of concepts, regions and frames are inlined into the repeated field (spec §3.3).
  switch (item.type) {
    case "CONCEPT":
      return { concepts: value.map((v, i) => conceptToProto(v, itemPath(i), ctx)) };
    case "REGION":
      return { regions: value.map((v, i) => regionToProto(v, itemPath(i), ctx)) };
    case "FRAME":
      return { frames: value.map((v, i) => frameToProto(v, itemPath(i), ctx)) };
    default:
      return {
        parts: value.map((v, i) => ({ data: encodePartData(item, v, itemPath(i), ctx) })),
      };
  }
}

function encodeTuple(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): Init.Data {
  const items = field.type_args ?? [];
  if (!Array.isArray(value) || value.length !== items.length) {
    return ctx.reject(path, `a tuple of ${items.length} ([${items.map((f) => f.type).join(", ")}])`, value);
  }
  return {
    parts: items.map((item, i) => ({ id: String(i), data: encodePartData(item, value[i], `${path}[${i}]`, ctx) })),
  };
}

function encodeNamedFields(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): Init.Data {
  const fields = field.type_args ?? [];
  const names = fields.map((f) => f.name);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return ctx.reject(path, `an object with ${names.join(", ")}`, value);
  }
  const object = value as Record<string, unknown>;
  const parts = fields.map((f) => {
    const fieldPath = `${path}.${f.name}`;
    if (object[f.name] === undefined) {
      return ctx.fail(fieldPath, `a ${f.type} value (every named field is required)`, "undefined");
    }
    return { id: implicit(f.name), data: encodePartData(f, object[f.name], fieldPath, ctx) };
  });
  return { parts };
}

function ndarrayToProto(value: unknown, path: string, ctx: EncodeContext) {
  if (!(value instanceof NDArray)) {
    return ctx.reject(path, "an NDArray", value, Array.isArray(value) ? "Use NDArray.from(nestedArray, dtype)." : undefined);
  }
  if (value.dtype === "bool") {
    return ctx.reject(path, "a numeric NDArray", value, "Model servers reject bool arrays; send uint8 instead.");
  }
  return { buffer: implicit(value.toBytes()), shape: [...value.shape], dtype: value.dtype };
}

/** An int64 for the wire: a number while exact, else a Long (protobufjs' int64). */
function int64(value: bigint): number | Long | undefined {
  if (value === 0n) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : Long.fromString(value.toString());
}

function onlyTypeArg(field: ModelTypeField, path: string, ctx: EncodeContext): ModelTypeField {
  const item = field.type_args?.[0];
  if (item === undefined) return ctx.fail(path, "a list with a declared item type", "a LIST field without type_args");
  return item;
}
