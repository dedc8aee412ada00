/**
 * Structural checks of untrusted signatures, before anything is rendered: every name that becomes a member
 * or a key is non-empty and distinct, and types nest no deeper than the generated code can type-check.
 */
import type { MethodSignature, ModelTypeField } from "../../runtime/signature.js";
import { UnsupportedSignatureError } from "./type-expressions.js";

/** Deepest type nesting accepted; TypeScript gives up checking the embedded signatures at about 45 levels. */
export const MAX_TYPE_DEPTH = 32;

export function checkSignatures(signatures: readonly MethodSignature[]): void {
  for (const [index, signature] of signatures.entries()) {
    if (typeof signature.name !== "string" || signature.name === "") {
      throw problem(`signature #${index + 1}`, "has an empty method name; every method needs a name");
    }
    const method = `method ${JSON.stringify(signature.name)}`;
    const inputs = signature.input_fields ?? [];
    checkNames(inputs, method, "parameter");
    for (const field of inputs) checkNesting(field, `${method} parameter ${JSON.stringify(field.name)}`, 0);
    for (const field of signature.output_fields ?? []) checkNesting(field, `${method} result`, 0);
  }
}

/** Names of parameters (or of NAMED_FIELDS members) become object keys: non-empty and distinct. */
function checkNames(fields: readonly ModelTypeField[], where: string, kind: string): void {
  const seen = new Set<string>();
  for (const [index, { name }] of fields.entries()) {
    if (typeof name !== "string" || name === "") throw problem(where, `${kind} #${index + 1} has an empty name`);
    if (seen.has(name)) throw problem(where, `${kind} ${JSON.stringify(name)} appears twice`);
    seen.add(name);
  }
}

function checkNesting(field: ModelTypeField, where: string, depth: number): void {
  if (depth > MAX_TYPE_DEPTH) throw problem(where, `types nest more than ${MAX_TYPE_DEPTH} levels deep`);
  const args = field.type_args ?? [];
  if (field.type === "NAMED_FIELDS") checkNames(args, where, "field");
  for (const arg of args) checkNesting(arg, where, depth + 1);
}

function problem(where: string, what: string): UnsupportedSignatureError {
  return new UnsupportedSignatureError(`${where}: ${what}; regenerate after fixing the model's signature`);
}
