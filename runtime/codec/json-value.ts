/**
 * JSON_DATA (spec §3.4): a `google.protobuf.Struct` in `struct_value`, a top-level array wrapped as
 * `{"_list": [...]}`; optionally mirrored as JSON text in `string_value` for older model servers.
 */
import type { JsonObject, JsonValue } from "@bufbuild/protobuf";
import type { EncodeContext } from "./encode-context.js";

const LIST_KEY = "_list";
const EXPECTED = "a JSON value (plain object, array, string, finite number, boolean or null)";
/**
 * Deepest nesting sent: each JSON level is two protobuf messages (Value, Struct/ListValue), and protobuf decoders
 * (protobuf-es, the Python SDK's) refuse messages nested more than 100 deep.
 */
export const MAX_JSON_DEPTH = 32;

/** A checked copy of `value` ready for `struct_value` (undefined object properties are dropped, as JSON does). */
export function jsonToStruct(value: unknown, path: string, ctx: EncodeContext): JsonObject {
  if (value === null || typeof value !== "object") {
    ctx.reject(path, "a JSON object or array", value, "Wrap a single value in an object, e.g. { value: x }.");
  }
  const checked = checkJson(value, path, ctx, new Set());
  return Array.isArray(checked) ? { [LIST_KEY]: checked } : (checked as JsonObject);
}

/** The value `struct_value` holds, `_list` unwrapped. */
export function structToJson(struct: JsonObject): JsonValue {
  const keys = Object.keys(struct);
  return keys.length === 1 && keys[0] === LIST_KEY ? struct[LIST_KEY]! : struct;
}

function checkJson(value: unknown, path: string, ctx: EncodeContext, ancestors: Set<object>): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) ctx.reject(path, `${EXPECTED}; JSON has no NaN or Infinity`, value);
    return value;
  }
  if (typeof value !== "object") return ctx.reject(path, EXPECTED, value);
  if (ancestors.has(value)) ctx.fail(path, EXPECTED, "a cyclic reference", "JSON cannot hold cycles.");
  if (ancestors.size >= MAX_JSON_DEPTH) {
    ctx.fail(path, `JSON nested at most ${MAX_JSON_DEPTH} levels deep`, "a deeper object or array", "Protobuf decoders refuse deeper messages; flatten the value.");
  }
  ancestors.add(value);
  let result: JsonValue;
  if (Array.isArray(value)) {
    ctx.checkDense(value, path);
    result = value.map((item, i) => checkJson(item, `${path}[${i}]`, ctx, ancestors));
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) ctx.reject(path, EXPECTED, value);
    const object: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) object[key] = checkJson(item, `${path}.${key}`, ctx, ancestors);
    }
    result = object;
  }
  ancestors.delete(value);
  return result;
}
