/**
 * The few Python values a signature can hold (defaults, Param options), and how CPython prints them:
 * `repr`, `str`, `json.dumps` (default separators, ensure_ascii) and float repr. These strings end up in
 * the signature, so they must match CPython character for character.
 */
export type PyValue =
  | { readonly kind: "none" }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "str"; readonly value: string }
  | { readonly kind: "bytes"; readonly value: readonly number[] }
  | { readonly kind: "list" | "tuple"; readonly items: readonly PyValue[] }
  | { readonly kind: "dict"; readonly entries: readonly (readonly [PyValue, PyValue])[] }
  /** An object json.dumps cannot serialise, known only by its repr (e.g. `Text(text='', url=None)`). */
  | { readonly kind: "object"; readonly repr: string };

export const PY_NONE: PyValue = { kind: "none" };

/** CPython `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa = "", exponentText = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const magnitude = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.padEnd(exponent + 1, "0");
  return `${sign}${whole.slice(0, exponent + 1)}.${whole.slice(exponent + 1) || "0"}`;
}

/**
 * A proto `float` (32-bit) as protobuf's Python JSON printer reports it: the shortest decimal that
 * rounds to the same float32 (`type_checkers.ToShortestFloat`), starting from 6 significant digits.
 */
export function shortestFloat32(x: number): number {
  const stored = Math.fround(x);
  if (!Number.isFinite(stored)) return stored;
  for (let precision = 6; precision < 17; precision++) {
    const candidate = Number(stored.toPrecision(precision));
    if (Math.fround(candidate) === stored) return candidate;
  }
  return stored;
}

/** CPython `repr(str)`. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

function bytesRepr(bytes: readonly number[]): string {
  const hasSingle = bytes.includes(0x27);
  const quote = hasSingle && !bytes.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (b === 10) out += "\\n";
    else if (b === 13) out += "\\r";
    else if (b === 9) out += "\\t";
    else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

/** CPython `repr(value)`. */
export function pyRepr(value: PyValue): string {
  switch (value.kind) {
    case "none":
      return "None";
    case "bool":
      return value.value ? "True" : "False";
    case "int":
      return value.value.toString();
    case "float":
      return floatRepr(value.value);
    case "str":
      return strRepr(value.value);
    case "bytes":
      return bytesRepr(value.value);
    case "list":
      return `[${value.items.map(pyRepr).join(", ")}]`;
    case "tuple":
      return value.items.length === 1 ? `(${pyRepr(value.items[0] as PyValue)},)` : `(${value.items.map(pyRepr).join(", ")})`;
    case "dict":
      return `{${value.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
    case "object":
      return value.repr;
  }
}

/** CPython `str(value)`. */
export function pyStr(value: PyValue): string {
  return value.kind === "str" ? value.value : pyRepr(value);
}

/** A JSON string literal as CPython's json module writes it (ensure_ascii: non-ASCII as \uXXXX). */
function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const ch = s[i] as string;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  return floatRepr(x);
}

/** A dict key as json.dumps coerces it, or undefined when json.dumps raises TypeError. */
function jsonKey(key: PyValue): string | undefined {
  switch (key.kind) {
    case "str":
      return jsonString(key.value);
    case "int":
      return jsonString(key.value.toString());
    case "float":
      return jsonString(jsonFloat(key.value));
    case "bool":
      return jsonString(key.value ? "true" : "false");
    case "none":
      return jsonString("null");
    default:
      return undefined;
  }
}

/** CPython `json.dumps(value)`, or undefined when it raises (bytes, objects, non-scalar keys). */
export function jsonDumps(value: PyValue): string | undefined {
  switch (value.kind) {
    case "none":
      return "null";
    case "bool":
      return value.value ? "true" : "false";
    case "int":
      return value.value.toString();
    case "float":
      return jsonFloat(value.value);
    case "str":
      return jsonString(value.value);
    case "list":
    case "tuple": {
      const items = value.items.map(jsonDumps);
      return items.every((item) => item !== undefined) ? `[${items.join(", ")}]` : undefined;
    }
    case "dict": {
      const entries: string[] = [];
      for (const [k, v] of value.entries) {
        const key = jsonKey(k);
        const item = jsonDumps(v);
        if (key === undefined || item === undefined) return undefined;
        entries.push(`${key}: ${item}`);
      }
      return `{${entries.join(", ")}}`;
    }
    case "bytes":
    case "object":
      return undefined;
  }
}

/** The `default` string of a field (`Param.set_default`): str verbatim, else json.dumps, else str(). */
export function defaultString(value: PyValue): string {
  if (value.kind === "str") return value.value;
  return jsonDumps(value) ?? pyStr(value);
}
