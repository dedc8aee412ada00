/** Short descriptions of values for error messages: the kind of value, never a large or secret payload. */
import { Media } from "../data-types/media.js";
import { NDArray } from "../data-types/ndarray.js";
import { Text } from "../data-types/text.js";
import type { ModelTypeField } from "../signature.js";

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return value.length > 40 ? `a string of ${value.length} characters` : `"${value}"`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return `${typeof value} ${String(value)}${typeof value === "bigint" ? "n" : ""}`;
  }
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (value instanceof Media) return `${article(value.constructor.name)} ${value.constructor.name}`;
  if (value instanceof Text) return "a Text";
  if (value instanceof NDArray) return `an NDArray (${value.dtype}, shape [${value.shape.join(", ")}])`;
  if (value instanceof Uint8Array) return `${value.byteLength} bytes (${value.constructor.name})`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const name = Object.getPrototypeOf(value)?.constructor?.name as string | undefined;
  if (name && name !== "Object") return `${article(name)} ${name}`;
  const keys = Object.keys(value);
  return keys.length === 0 ? "an empty object" : `an object with keys ${keys.slice(0, 8).join(", ")}`;
}

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? "an" : "a";
}

/** What a field expects, in TypeScript terms (`an integer`, `an array of Image`). */
export function describeType(field: ModelTypeField): string {
  const args = field.type_args ?? [];
  switch (field.type) {
    case "LIST":
      return `an array of (${args[0] ? describeType(args[0]) : "?"})`;
    case "TUPLE":
      return `a tuple [${args.map(describeType).join(", ")}]`;
    case "NAMED_FIELDS":
      return `an object { ${args.map((f) => f.name).join(", ")} }`;
    default:
      return typeWords[field.type] ?? `a ${field.type} value`;
  }
}

const typeWords: Partial<Record<ModelTypeField["type"], string>> = {
  STR: "a string",
  BYTES: "a Uint8Array",
  INT: "an integer",
  FLOAT: "a number",
  BOOL: "a boolean",
  NDARRAY: "an NDArray",
  JSON_DATA: "a JSON object or array",
  TEXT: "a Text or string",
  IMAGE: "an Image",
  AUDIO: "an Audio",
  VIDEO: "a Video",
  CONCEPT: "a concept",
  REGION: "a region",
  FRAME: "a frame",
};
