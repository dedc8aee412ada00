/**
 * Python built-ins the recorded models rely on, with Python's exact results where JavaScript's differ:
 * `str()` / `repr()` of floats and JSON values, `round(x, n)` (half to even on the exact binary value) and
 * `sorted()` of strings (by code point, not UTF-16 unit).
 */
import type { JsonValue } from "clarifai-typed";

/** `repr(float)`: the shortest round-trip digits, fixed notation for 1e-4 ≤ |x| < 1e16, else `1.5e+16` / `1e-05`. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, exponentText] = x.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const text = String(x);
  return text.includes(".") ? text : `${text}.0`;
}

/** `round(x, digits)`: the nearest multiple of 10^-digits to x's exact binary value, ties to the even digit. */
export function pythonRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x; // no fraction digits left to round
  const exact = x.toFixed(100); // x's exact decimal expansion for the magnitudes a model rounds
  const [whole, fraction] = exact.split(".") as [string, string];
  const kept = fraction.slice(0, digits);
  const truncated = Number(digits > 0 ? `${whole}.${kept}` : whole);
  const tie = /^50*$/.test(fraction.slice(digits));
  const lastDigit = Number((whole + kept).at(-1));
  if (tie && lastDigit % 2 === 0) return truncated;
  return Number(x.toFixed(digits)); // nearest; a tie goes away from zero, to the even digit here
}

/** `sorted(strings)`: by code point, which is UTF-8 byte order (JS `sort()` compares UTF-16 units). */
export function pythonSorted(strings: readonly string[]): string[] {
  return [...strings].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/**
 * `str(value)` of a value that came from JSON: Python holds every JSON number from a protobuf Struct as a
 * float, so `7` prints as `7.0`; containers print as their `repr`.
 */
export function pythonStr(value: JsonValue | undefined): string {
  return typeof value === "string" ? value : pythonRepr(value);
}

function pythonRepr(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pythonFloat(value);
  if (typeof value === "string") return stringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${stringRepr(k)}: ${pythonRepr(v)}`).join(", ")}}`;
}

/** `repr(str)` for printable text: single quotes unless the text holds one and no double quote. */
function stringRepr(text: string): string {
  if (/[\p{C}]/u.test(text.replace(/[\n\r\t]/g, ""))) {
    throw new Error(`pythonStr: repr of non-printable characters is not ported (in ${JSON.stringify(text)})`);
  }
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replaceAll(quote, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
