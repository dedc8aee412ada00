/**
 * The MethodSignature list as text, exactly as the SDK's JSON (protobuf MessageToDict, then json.dumps
 * with indent=2) writes it: `JSON.stringify(list, null, 2)`, except that the proto `float` fields of
 * `model_type_range_info` are Python floats and keep their `.0` (`1.0`, not `1`).
 */
import type { MethodSignature } from "clarifai-typed";
import { floatRepr } from "../sources/model-py/python-values.js";

const FLOAT_MESSAGES = new Set(["model_type_range_info"]);

export function formatSignaturesJson(signatures: readonly MethodSignature[]): string {
  return write(signatures, "", false);
}

function write(value: unknown, indent: string, floats: boolean): string {
  if (typeof value === "number" && floats) return floatRepr(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => inner + write(item, inner, false)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner, floats || FLOAT_MESSAGES.has(k))}`);
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
