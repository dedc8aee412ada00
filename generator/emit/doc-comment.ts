/**
 * Text that came from a model, made safe for a `/** … *\/` comment while still reading verbatim: the only
 * sequence that can end a block comment is `*` + `/`, written `*\/`, and a line starting with `@` would be read
 * as a JSDoc tag, so it is written `\@` (Markdown-rendering hovers show both unescaped).
 */

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/u;

/** A model-provided paragraph as comment lines (none when blank): every kind of line break starts a new line. */
export function commentLines(text: string): string[] {
  if (text.trim() === "") return [];
  return escapeCommentEnd(text)
    .split(LINE_BREAK)
    .map((line) => line.replace(/^(\s*)@/u, "$1\\@"));
}

/** A model-provided value inside a generated line: kept on that line (as a JSON string if it holds a break). */
export function inlineCommentText(text: string): string {
  return escapeCommentEnd(LINE_BREAK.test(text) ? JSON.stringify(text) : text);
}

function escapeCommentEnd(text: string): string {
  return text.replaceAll("*/", "*\\/");
}

/** Joins blocks of comment lines with a blank line between them, dropping empty blocks. */
export function joinBlocks(blocks: readonly (readonly string[])[]): string[] {
  const present = blocks.filter((b) => b.some((line) => line.trim() !== ""));
  return present.flatMap((b, i) => (i === 0 ? [...b] : ["", ...b]));
}
