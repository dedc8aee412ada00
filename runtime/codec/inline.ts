/**
 * The "old format" (spec §3.6, §3.7): a data without parts carries values in its top-level fields.
 * Servers use it for calls without argument parts; clients see it in answers to such calls.
 */
import type { Data } from "../wire/index.js";
import type { ModelTypeField } from "../signature.js";
import { decodeValue } from "./decode-value.js";

/** Which top-level field of `Data` holds a value of this type inline. */
function inlineSlot(field: ModelTypeField, data: Data): keyof Data | undefined {
  switch (field.type) {
    case "STR":
      return data.stringValue !== "" ? "stringValue" : data.text ? "text" : undefined;
    case "INT":
      return (typeof data.intValue === "number" ? data.intValue !== 0 : !data.intValue.isZero()) ? "intValue" : undefined;
    case "FLOAT":
      return data.floatValue !== 0 ? "floatValue" : undefined;
    case "BOOL":
      return data.boolValue ? "boolValue" : undefined;
    case "BYTES":
      return data.bytesValue.length > 0 ? "bytesValue" : undefined;
    case "JSON_DATA":
      return data.structValue ? "structValue" : data.stringValue !== "" ? "stringValue" : undefined;
    case "NDARRAY":
      return data.ndarray ? "ndarray" : undefined;
    case "TEXT":
    case "IMAGE":
    case "AUDIO":
    case "VIDEO": {
      const key = field.type.toLowerCase() as "text" | "image" | "audio" | "video";
      return data[key] ? key : undefined;
    }
    case "CONCEPT":
      return data.concepts.length > 0 ? "concepts" : undefined;
    case "REGION":
      return data.regions.length > 0 ? "regions" : undefined;
    case "FRAME":
      return data.frames.length > 0 ? "frames" : undefined;
    default:
      return undefined;
  }
}

/** Decodes an inline value; STR also reads `text.raw`, where old-format answers mirror strings. */
export function decodeInlineValue(method: string, field: ModelTypeField, data: Data, path: string): unknown {
  if (field.type === "STR" && data.stringValue === "" && data.text) return data.text.raw;
  return decodeValue(method, field, data, path);
}

/** Server side: each parameter, in order, takes the first unused top-level field of its type. */
export function decodeInline(method: string, fields: readonly ModelTypeField[], data: Data): Record<string, unknown> {
  const used = new Set<keyof Data>();
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const slot = inlineSlot(field, data);
    if (slot === undefined || used.has(slot)) continue;
    used.add(slot);
    args[field.name] = decodeInlineValue(method, field, data, field.name);
  }
  return args;
}
