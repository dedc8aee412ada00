/** Checks of STR / INT / FLOAT / BOOL arguments against their field: type, int64 range, choices, min/max. */
import type { ModelTypeField } from "../signature.js";
import type { EncodeContext } from "./encode-context.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function checkString(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): string {
  const choices = choiceIds(field);
  const expected = choices ? choices.map((c) => JSON.stringify(c)).join(" | ") : "a string";
  if (typeof value !== "string") return ctx.reject(path, expected, value);
  if (choices && !choices.includes(value)) ctx.reject(path, `one of ${expected}`, value);
  return value;
}

/** An int64 as a bigint; numbers must be integers, bigints within int64. */
export function checkInt(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): bigint {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) ctx.reject(path, "an integer", value, "INT parameters take whole numbers.");
  } else if (typeof value !== "bigint") {
    return ctx.reject(path, "an integer (number or bigint)", value);
  }
  const int = BigInt(value);
  if (int < INT64_MIN || int > INT64_MAX) ctx.reject(path, "an integer within the int64 range", value);
  checkNumberConstraints(field, Number(int), value, path, ctx);
  return int;
}

export function checkFloat(field: ModelTypeField, value: unknown, path: string, ctx: EncodeContext): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return ctx.reject(path, "a finite number", value);
  checkNumberConstraints(field, value, value, path, ctx);
  return value;
}

export function checkBool(value: unknown, path: string, ctx: EncodeContext): boolean {
  if (typeof value !== "boolean") return ctx.reject(path, "a boolean", value);
  return value;
}

function checkNumberConstraints(
  field: ModelTypeField,
  n: number,
  value: unknown,
  path: string,
  ctx: EncodeContext,
): void {
  const choices = choiceIds(field);
  if (choices && !choices.some((id) => Number(id) === n)) ctx.reject(path, `one of ${choices.join(", ")}`, value);
  // min/max are present only when the model declared them (a bound of 0 cannot be told from "none", spec §1.4).
  const { min, max } = field.model_type_range_info ?? {};
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const expected =
      min !== undefined && max !== undefined ? `a number from ${min} to ${max}` : min !== undefined ? `a number ≥ ${min}` : `a number ≤ ${max}`;
    ctx.reject(path, expected, value);
  }
}

function choiceIds(field: ModelTypeField): string[] | undefined {
  const ids = field.model_type_enum_options?.map((option) => option.id);
  return ids && ids.length > 0 ? ids : undefined;
}
