/** Decoding Python string and number literals exactly as CPython's tokenizer does. */
import type { PyValue } from "./python-values.js";

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/** Thrown for literals that are valid Python but that we decline to evaluate (f-strings, \N{...}). */
export class UnsupportedLiteral extends Error {}

/** One string token (`'a'`, `rb"x"`, `"""doc"""`) → its value; str tokens as text, bytes as byte values. */
export function decodeStringToken(token: string): { bytes: boolean; text: string } {
  const prefixMatch = /^[rRbBuUfF]*/.exec(token);
  const prefix = (prefixMatch?.[0] ?? "").toLowerCase();
  if (prefix.includes("f")) throw new UnsupportedLiteral("f-strings are computed at run time");
  const rest = token.slice(prefix.length);
  const quoteLength = rest.startsWith('"""') || rest.startsWith("'''") ? 3 : 1;
  const body = rest.slice(quoteLength, rest.length - quoteLength);
  const raw = prefix.includes("r");
  const bytes = prefix.includes("b");
  return { bytes, text: raw ? body : unescape(body, bytes) };
}

function unescape(body: string, bytes: boolean): string {
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== "\\" || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[i + 1] as string;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 1;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0] ?? next;
      out += String.fromCharCode(parseInt(octal, 8) & (bytes ? 0xff : 0x1ff));
      i += octal.length;
    } else if (next === "x" || (!bytes && (next === "u" || next === "U"))) {
      const width = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new UnsupportedLiteral(`truncated \\${next} escape`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + width;
    } else if (next === "N" && !bytes) {
      throw new UnsupportedLiteral("\\N{...} escapes are not supported; write the character itself");
    } else {
      out += ch; // unknown escapes keep their backslash
    }
  }
  return out;
}

/** A sequence of adjacent string tokens (implicit concatenation) → one str or bytes value. */
export function decodeStrings(tokens: readonly string[]): PyValue {
  const parts = tokens.map(decodeStringToken);
  const text = parts.map((part) => part.text).join("");
  if (parts[0]?.bytes) {
    const values = [...text].map((ch) => ch.codePointAt(0) ?? 0);
    if (values.some((b) => b > 0xff)) throw new UnsupportedLiteral("bytes can only contain ASCII literal characters");
    return { kind: "bytes", value: values };
  }
  return { kind: "str", value: text };
}

/** A number token → int (arbitrary precision) or float. */
export function decodeNumber(token: string): PyValue {
  const clean = token.replace(/_/g, "");
  if (/[jJ]$/.test(clean)) throw new UnsupportedLiteral("complex numbers cannot be a signature default");
  if (/^0[xXoObB]/.test(clean)) return { kind: "int", value: BigInt(clean.toLowerCase()) };
  if (/^[0-9]+$/.test(clean)) return { kind: "int", value: BigInt(clean) };
  return { kind: "float", value: Number(clean) };
}

/** Python's `float(text)`: a decimal or `inf`/`infinity`/`nan` (any case, optional sign, surrounding spaces, `_` between digits). */
export function pythonFloat(text: string): number | undefined {
  const clean = text.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(clean);
  if (special) {
    const value = special[2]!.toLowerCase() === "nan" ? NaN : Infinity;
    return special[1] === "-" ? -value : value;
  }
  if (!/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$/.test(clean)) return undefined;
  return Number(clean.replace(/_/g, ""));
}
