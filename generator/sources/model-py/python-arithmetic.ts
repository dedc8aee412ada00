/**
 * Constant arithmetic in defaults (`1024 * 4`, `2 ** 20`, `-1.5 / 2`, `"v" + "1"`), with CPython's semantics:
 * arbitrary-precision ints, true division to float, floor division and modulo rounding toward -inf, bools as
 * ints, str/bytes/list/tuple concatenation and repetition. What Python would raise on import (division by zero,
 * complex results, type errors) and what could not be reproduced exactly is refused with the reason.
 */
import { UnsupportedLiteral } from "./python-literals.js";
import type { PyValue } from "./python-values.js";

/** Results larger than this (digits, characters or items) are refused: no real default is that big. */
const MAX_SIZE = 100_000;
/** Ints are exact below this; beyond it int → float conversion may round differently from CPython. */
const EXACT_FLOAT_INT = 2n ** 53n;

type Num = { kind: "int"; value: bigint } | { kind: "float"; value: number };

export function binaryOperation(op: string, left: PyValue, right: PyValue): PyValue {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a && b) return a.kind === "int" && b.kind === "int" ? intOperation(op, a.value, b.value) : floatOperation(op, toFloat(a), toFloat(b));
  if (op === "+" && left.kind === right.kind) return concatenate(left, right);
  if (op === "*") {
    if (b?.kind === "int") return repeat(left, b.value);
    if (a?.kind === "int") return repeat(right, a.value);
  }
  throw new UnsupportedLiteral(`Python cannot apply '${op}' to ${typeName(left)} and ${typeName(right)} (TypeError)`);
}

/** `-x`, `+x`, `~x` on a number (bools count as ints). */
export function unaryOperation(op: string, operand: PyValue): PyValue {
  const n = asNumber(operand);
  if (n && (op === "-" || op === "+")) {
    if (op === "+") return n;
    return n.kind === "int" ? { kind: "int", value: -n.value } : { kind: "float", value: -n.value };
  }
  if (n?.kind === "int" && op === "~") return { kind: "int", value: -n.value - 1n };
  throw new UnsupportedLiteral(`Python cannot apply unary '${op}' to ${typeName(operand)}`);
}

function intOperation(op: string, a: bigint, b: bigint): PyValue {
  const int = (value: bigint): PyValue => {
    if (value.toString().length > MAX_SIZE) throw new UnsupportedLiteral("the result is too large for a default");
    return { kind: "int", value };
  };
  switch (op) {
    case "+":
      return int(a + b);
    case "-":
      return int(a - b);
    case "*":
      return int(a * b);
    case "/":
      if (b === 0n) throw divisionByZero();
      if (abs(a) > EXACT_FLOAT_INT || abs(b) > EXACT_FLOAT_INT) throw new UnsupportedLiteral("dividing ints above 2**53 is not reproduced exactly here; write the float");
      return { kind: "float", value: Number(a) / Number(b) };
    case "//":
      if (b === 0n) throw divisionByZero();
      return int(floorDiv(a, b));
    case "%":
      if (b === 0n) throw divisionByZero();
      return int(a - floorDiv(a, b) * b);
    case "**":
      if (b < 0n) {
        if (a === 0n) throw divisionByZero();
        return floatOperation("**", toFloat({ kind: "int", value: a }), Number(b));
      }
      if (abs(a) > 1n && Number(b) * Math.log10(Number(abs(a)) || 2) > MAX_SIZE) throw new UnsupportedLiteral("the result is too large for a default");
      return int(a ** b);
    case "<<":
    case ">>":
      if (b < 0n) throw new UnsupportedLiteral("negative shift count (ValueError)");
      if (op === "<<" && b > BigInt(MAX_SIZE * 3)) throw new UnsupportedLiteral("the result is too large for a default");
      return int(op === "<<" ? a << b : a >> b);
    case "&":
      return int(a & b);
    case "|":
      return int(a | b);
    case "^":
      return int(a ^ b);
    default:
      throw new UnsupportedLiteral(`the operator '${op}' is not evaluated here`);
  }
}

/** CPython's float_add/sub/mul/div/floor_div/rem/pow, which are IEEE operations plus its divmod rules. */
function floatOperation(op: string, a: number, b: number): PyValue {
  const float = (value: number): PyValue => ({ kind: "float", value });
  switch (op) {
    case "+":
      return float(a + b);
    case "-":
      return float(a - b);
    case "*":
      return float(a * b);
    case "/":
      if (b === 0) throw divisionByZero();
      return float(a / b);
    case "//":
    case "%": {
      if (b === 0) throw divisionByZero();
      const [div, mod] = floatDivmod(a, b);
      return float(op === "//" ? div : mod);
    }
    case "**":
      if (a === 0 && b < 0) throw divisionByZero();
      if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) throw new UnsupportedLiteral("a negative number to a fractional power is complex in Python");
      if (a !== 1 && b !== 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isFinite(a ** b)) {
        throw new UnsupportedLiteral("the power overflows (OverflowError)");
      }
      return float(a ** b);
    default:
      throw new UnsupportedLiteral(`Python cannot apply '${op}' to a float (TypeError)`);
  }
}

/** CPython float_divmod (Objects/floatobject.c). */
function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b; // fmod
  let div = (a - mod) / b;
  if (mod) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = Math.sign(b) < 0 || Object.is(b, -0) ? -0 : 0;
  }
  let floorDiv: number;
  if (div) {
    floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1;
  } else {
    floorDiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floorDiv, mod];
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function concatenate(left: PyValue, right: PyValue): PyValue {
  switch (left.kind) {
    case "str":
      return sized({ kind: "str", value: left.value + (right as typeof left).value });
    case "bytes":
      return sized({ kind: "bytes", value: [...left.value, ...(right as typeof left).value] });
    case "list":
    case "tuple":
      return sized({ kind: left.kind, items: [...left.items, ...(right as typeof left).items] });
    default:
      throw new UnsupportedLiteral(`Python cannot apply '+' to ${typeName(left)} and ${typeName(right)} (TypeError)`);
  }
}

function repeat(sequence: PyValue, times: bigint): PyValue {
  const n = times < 0n ? 0 : Number(times);
  const size = sequence.kind === "str" || sequence.kind === "bytes" ? sequence.value.length : sequence.kind === "list" || sequence.kind === "tuple" ? sequence.items.length : -1;
  if (size < 0) throw new UnsupportedLiteral(`Python cannot repeat ${typeName(sequence)} (TypeError)`);
  if (size * n > MAX_SIZE) throw new UnsupportedLiteral("the result is too large for a default");
  switch (sequence.kind) {
    case "str":
      return { kind: "str", value: sequence.value.repeat(n) };
    case "bytes":
      return { kind: "bytes", value: Array.from({ length: n }, () => sequence.value).flat() };
    default:
      return { kind: (sequence as { kind: "list" | "tuple" }).kind, items: Array.from({ length: n }, () => (sequence as { items: readonly PyValue[] }).items).flat() };
  }
}

function sized(value: PyValue): PyValue {
  const size = value.kind === "str" || value.kind === "bytes" ? value.value.length : value.kind === "list" || value.kind === "tuple" ? value.items.length : 0;
  if (size > MAX_SIZE) throw new UnsupportedLiteral("the result is too large for a default");
  return value;
}

/** Python's float() of an int, float or bool (an int that cannot be converted exactly is refused); undefined otherwise. */
export function numberAsFloat(value: PyValue): number | undefined {
  const n = asNumber(value);
  return n && toFloat(n);
}

/** Numbers, with bools as the ints 0 and 1 (bool is an int subclass in Python). */
function asNumber(value: PyValue): Num | undefined {
  if (value.kind === "int" || value.kind === "float") return value;
  if (value.kind === "bool") return { kind: "int", value: value.value ? 1n : 0n };
  return undefined;
}

function toFloat(n: Num): number {
  if (n.kind === "float") return n.value;
  const value = Number(n.value);
  if (!Number.isFinite(value)) throw new UnsupportedLiteral("int too large to convert to float (OverflowError)");
  if (abs(n.value) > EXACT_FLOAT_INT) throw new UnsupportedLiteral("mixing floats with ints above 2**53 is not reproduced exactly here; write the float");
  return value;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function divisionByZero(): UnsupportedLiteral {
  return new UnsupportedLiteral("division by zero: Python raises ZeroDivisionError when it imports the file");
}

function typeName(value: PyValue): string {
  return value.kind === "none" ? "None" : value.kind === "object" ? "an object" : value.kind;
}
