/** A function's docstring as the SDK stores it: `inspect.cleandoc(func.__doc__ or '')` (CPython 3.11). */
import { decodeStrings } from "./python-literals.js";
import { childrenOf, type SourceFile, type SyntaxNode } from "./syntax-tree.js";

/** The raw `__doc__`: the body's first statement when it is a plain string literal (not an f-string, not bytes). */
export function docstringOf(def: SyntaxNode, file: SourceFile): string {
  const body = def.getChild("Body");
  const first = body ? childrenOf(body).find((c) => c.name !== ":") : undefined;
  const expression = first?.name === "ExpressionStatement" ? first.firstChild : null;
  if (!expression) return "";
  const tokens = expression.name === "String" ? [expression] : expression.name === "ContinuedString" ? childrenOf(expression) : [];
  if (tokens.length === 0 || tokens.some((t) => t.name !== "String")) return "";
  try {
    const value = decodeStrings(tokens.map((t) => file.source(t)));
    return value.kind === "str" ? value.value : "";
  } catch {
    return ""; // a docstring we cannot decode exactly is dropped rather than guessed
  }
}

/** `str.expandtabs(8)`. */
function expandTabs(line: string): string {
  let out = "";
  for (const ch of line) out += ch === "\t" ? " ".repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** Python's `str.isspace` characters that `lstrip()` removes. */
const LEADING_SPACE = /^[\s\x1c-\x1f\x85]+/u;

/** `inspect.cleandoc`: drop the common indentation of lines after the first, and blank edge lines. */
export function cleandoc(doc: string): string {
  const lines = doc.split("\n").map(expandTabs);
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.replace(LEADING_SPACE, "").length;
    if (content) margin = Math.min(margin, line.length - content);
  }
  if (lines.length > 0) lines[0] = (lines[0] ?? "").replace(LEADING_SPACE, "");
  if (margin < Infinity) for (let i = 1; i < lines.length; i++) lines[i] = (lines[i] ?? "").slice(margin);
  while (lines.length > 0 && !lines[lines.length - 1]) lines.pop();
  while (lines.length > 0 && !lines[0]) lines.shift();
  return lines.join("\n");
}
