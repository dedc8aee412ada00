/**
 * JSON_DATA (spec §3.4): a `google.protobuf.Struct` in `struct_value`, a top-level array wrapped as
 * `{"_list": [...]}`; optionally mirrored as JSON text in `string_value` for older model servers.
 */
import type { JsonObject, JsonValue } from "@bufbuild/protobuf";
import type { Init, Struct, Value } from "../wire/index.js";
import type { EncodeContext } from "./encode-context.js";

const LIST_KEY = "_list";
const EXPECTED = "a JSON value (plain object, array, string, finite number, boolean or null)";
/**
 * Deepest nesting sent: each JSON level is two protobuf messages (Value, Struct/ListValue), and protobuf decoders
 * (protobuf-es, the Python SDK's) refuse messages nested more than 100 deep.
 */
export const MAX_JSON_DEPTH = 32;

/** `value`, checked, as the `struct_value` holding it (undefined object properties are dropped, as JSON does). */
export function jsonToStruct(value: unknown, path: string, ctx: EncodeContext): Init.Struct {
  if (value === null || typeof value !== "object") {
    ctx.reject(path, "a JSON object or array", value, "Wrap a single value in an object, e.g. { value: x }.");
  }
  const checked = checkJson(value, path, ctx, new Set());
  return checked.listValue ? { fields: fieldsOf([[LIST_KEY, checked]]) } : checked.structValue!;
}

/** The value `struct_value` holds, `_list` unwrapped. */
export function structToJson(struct: Struct): JsonValue {
  const json = objectOf(struct);
  const keys = Object.keys(json);
  return keys.length === 1 && keys[0] === LIST_KEY ? json[LIST_KEY]! : json;
}

function objectOf(struct: Struct): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of Object.entries(struct.fields)) {
    // Assigned, "__proto__" would set the object's prototype instead of adding a key.
    if (key === "__proto__") Object.defineProperty(object, key, { value: valueOf(value), enumerable: true, writable: true, configurable: true });
    else object[key] = valueOf(value);
  }
  return object;
}

/**
 * A decoded Value as JSON; one with no kind set is null, as in the Python SDK's json_format, and so is a map entry
 * without its value (protobufjs leaves it null; proto says a missing map value is the default).
 */
function valueOf(value: Value | null): JsonValue {
  switch (value?.kind) {
    case "numberValue":
      return value.numberValue!;
    case "stringValue":
      return value.stringValue!;
    case "boolValue":
      return value.boolValue!;
    case "structValue":
      return objectOf(value.structValue!);
    case "listValue":
      return value.listValue!.values.map(valueOf);
    default:
      return null;
  }
}

/** Struct `fields` without a prototype, so that a "__proto__" key is sent like any other. */
function fieldsOf(entries: Iterable<[string, Init.Value]>): Record<string, Init.Value> {
  const fields = Object.create(null) as Record<string, Init.Value>;
  for (const [key, value] of entries) fields[key] = value;
  return fields;
}

function checkJson(value: unknown, path: string, ctx: EncodeContext, ancestors: Set<object>): Init.Value {
  if (value === null) return { nullValue: 0 };
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) ctx.reject(path, `${EXPECTED}; JSON has no NaN or Infinity`, value);
    return { numberValue: value };
  }
  if (typeof value !== "object") return ctx.reject(path, EXPECTED, value);
  if (ancestors.has(value)) ctx.fail(path, EXPECTED, "a cyclic reference", "JSON cannot hold cycles.");
  if (ancestors.size >= MAX_JSON_DEPTH) {
    ctx.fail(path, `JSON nested at most ${MAX_JSON_DEPTH} levels deep`, "a deeper object or array", "Protobuf decoders refuse deeper messages; flatten the value.");
  }
  ancestors.add(value);
  let result: Init.Value;
  if (Array.isArray(value)) {
    ctx.checkDense(value, path);
    result = { listValue: { values: value.map((item, i) => checkJson(item, `${path}[${i}]`, ctx, ancestors)) } };
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) ctx.reject(path, EXPECTED, value);
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    result = { structValue: { fields: fieldsOf(entries.map(([key, item]) => [key, checkJson(item, `${path}.${key}`, ctx, ancestors)])) } };
  }
  ancestors.delete(value);
  return result;
}
