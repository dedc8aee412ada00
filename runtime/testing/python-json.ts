/**
 * JSON text exactly as Python's `json.dumps` writes it with default settings: `", "` and `": "` separators,
 * non-ASCII escaped as \uXXXX, floats always with a fraction (`1.0`). The model server answers `_GET_SIGNATURES`
 * this way (spec §2.3), and every number in a MethodSignature is a float.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return pythonFloat(value);
  if (typeof value === "string") return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(v)}`).join(", ")}}`;
  }
  throw new TypeError(`pythonJsonDumps: cannot write a ${typeof value}`);
}

function pythonFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  const text = String(n);
  if (/[.e]/.test(text)) return text.replace(/e([+-])(\d)$/, "e$10$2");
  return `${text}.0`;
}
