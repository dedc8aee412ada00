/** The doc comment of one argument: its description, default, range and choices, all verbatim from the model. */
import type { ModelTypeField } from "../../runtime/signature.js";
import { commentLines, inlineCommentText, joinBlocks } from "./doc-comment.js";

export function argumentDocLines(field: ModelTypeField): string[] {
  const facts: string[] = [];
  const range = rangeText(field);
  if (range) facts.push(range);
  const choices = field.model_type_enum_options ?? [];
  if (choices.length > 0) facts.push(`Choices: ${choices.map((c) => inlineCommentText(JSON.stringify(c.id))).join(", ")}.`);
  if (field.required !== true && field.default !== undefined) facts.push(`@default ${defaultText(field)}`);
  return joinBlocks([commentLines(field.description ?? ""), facts]);
}

/** The doc line of the declared bounds: "Range: 1 to 5.", or "At most 1." when one bound is given. */
function rangeText(field: ModelTypeField): string | undefined {
  const bounds = boundsText(field);
  if (bounds === undefined) return undefined;
  const oneSided = bounds.startsWith("at ");
  return oneSided ? `${bounds.charAt(0).toUpperCase()}${bounds.slice(1)}.` : `Range: ${bounds}.`;
}

/**
 * The declared bounds as the runtime checks them: "1 to 5", "at most 1", "at least 4". A bound of 0 does not
 * travel (proto3, spec §1.4), so a range with one bound says nothing of the other side.
 */
export function boundsText(field: ModelTypeField): string | undefined {
  const { min, max } = field.model_type_range_info ?? {};
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (max !== undefined) return `at most ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return undefined;
}

/**
 * How the model's default reads in the docs. The SDK stores a `str` default raw and every other default as
 * JSON or a Python repr (spec §1.4), so a STR default is shown as a string literal ("null" meaning None).
 */
function defaultText(field: ModelTypeField): string {
  const stored = field.default ?? "";
  if (field.type !== "STR") return inlineCommentText(stored);
  return stored === "null" ? "null (None in Python)" : inlineCommentText(JSON.stringify(stored));
}
