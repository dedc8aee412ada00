/**
 * The Python syntax tree, from @lezer/python: pure JavaScript, no native build, parses Python 3.12 and
 * recovers from errors (so we can point at the first one). tree-sitter-python needs a native or wasm
 * build; the ANTLR-based parsers are several times larger and slower. We never execute anything.
 */
import { parser } from "@lezer/python";
import type { SyntaxNode } from "@lezer/common";
import { ModelPyError } from "./model-py-error.js";

export type { SyntaxNode };

/** A parsed source file: its text, its tree and how to turn offsets into positions. */
export class SourceFile {
  readonly root: SyntaxNode;
  private readonly lineStarts: number[] = [0];

  /** The source with universal newlines, as CPython reads it: every `\r\n` and lone `\r` is `\n`. */
  readonly text: string;

  /**
   * `packageName`: the package relative imports in this file resolve against (`pkg` for `pkg/__init__.py` and
   * `pkg/mod.py`, "" for a top-level module next to model.py); undefined for model.py itself, which the SDK loads
   * as a top-level module of no package, so that its relative imports fail.
   */
  constructor(
    readonly fileName: string,
    source: string,
    readonly packageName?: string,
  ) {
    const text = source.replace(/\r\n?/g, "\n");
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.root = parseUpToFirstError(withLezerNumbers(text)).topNode;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  source(node: SyntaxNode): string {
    if (node.name === "Number") return pythonNumberAt(this.text, node.from);
    return this.text.slice(node.from, node.to);
  }

  /** An error positioned at `node` (or at an offset). */
  error(at: SyntaxNode | number, message: string, context: { method?: string; parameter?: string } = {}): ModelPyError {
    const { line, column } = this.position(typeof at === "number" ? at : at.from);
    const where = [
      context.method === undefined ? "" : `method '${context.method}'`,
      context.parameter === undefined ? "" : `parameter '${context.parameter}'`,
    ]
      .filter(Boolean)
      .join(", ");
    return new ModelPyError({
      file: this.fileName,
      line,
      column,
      ...context,
      message: where ? `${where}: ${message}` : message,
    });
  }

  /** Throws at the first syntax error: Python would refuse to import the file. */
  assertNoSyntaxError(): void {
    const nul = this.text.indexOf("\0");
    if (nul !== -1) throw this.error(nul, "source code cannot contain null bytes (Python refuses the file); is it a binary file?");
    const cursor = this.root.cursor();
    do {
      if (cursor.type.isError) {
        const near = this.text.slice(cursor.from, Math.max(cursor.to, cursor.from + 1)).split("\n")[0] ?? "";
        throw this.error(
          cursor.from,
          `syntax error${near.trim() ? ` near '${near.trim().slice(0, 40)}'` : ""}: Python cannot import this file; fix it so that \`python -m py_compile\` accepts it`,
        );
      }
    } while (cursor.next());
  }
}

const strictParser = parser.configure({ strict: true });

/**
 * The tree of `text`, or, when it has a syntax error, the error-recovering tree of the text up to the end of the
 * line where the strict parser got stuck. Recovery over a whole file of garbage costs gigabytes (~6 MB of heap
 * per KB), and only the first error is reported anyway.
 */
function parseUpToFirstError(text: string) {
  try {
    return strictParser.parse(text);
  } catch (error) {
    const stuckAt = error instanceof SyntaxError ? Number(/No parse at (\d+)/.exec(error.message)?.[1]) : Number.NaN;
    if (Number.isNaN(stuckAt)) throw error;
    const lineEnd = text.indexOf("\n", stuckAt);
    return parser.parse(lineEnd === -1 ? text : text.slice(0, lineEnd + 1));
  }
}

/**
 * @lezer/python has no number token for two forms CPython accepts: a trailing dot (`1.`, `0.`, common in
 * `min_value=0.`) and a dot right before an exponent or imaginary suffix (`1.e-3`, `2.j`). The parser
 * reads a copy of the text, of the same length, where those read `1 ` and `1e-3 `; the number itself is
 * always re-read from the original text (`pythonNumberAt`). Inside strings and comments the change is
 * harmless: token boundaries stay where they were, and string values come from the original text.
 */
function withLezerNumbers(text: string): string {
  return text.replace(
    /(?<![\w.])(\d[\d_]*)\.([eE][+-]?\d[\d_]*)?([jJ])?(?![\w.])/g,
    (_match, whole: string, exponent: string | undefined, imaginary: string | undefined) => `${whole}${exponent ?? ""}${imaginary ?? ""} `,
  );
}

const PYTHON_NUMBER = /0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?/y;

/** The Python number token that starts at `offset`, as CPython's tokenizer reads it. */
function pythonNumberAt(text: string, offset: number): string {
  PYTHON_NUMBER.lastIndex = offset;
  return PYTHON_NUMBER.exec(text)?.[0] ?? "";
}

/** The node's children, without comments. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== "Comment") out.push(child);
  return out;
}

/** Children that are expressions or names (punctuation and keywords dropped). */
export function operandsOf(node: SyntaxNode, punctuation: ReadonlySet<string> = PUNCTUATION): SyntaxNode[] {
  return childrenOf(node).filter((child) => !punctuation.has(child.name));
}

const PUNCTUATION: ReadonlySet<string> = new Set(["(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "AssignOp"]);

/** Splits the contents of a bracketed node (`ArgList`, subscript, literal) into comma-separated items. */
export function commaSeparated(nodes: readonly SyntaxNode[]): SyntaxNode[][] {
  const items: SyntaxNode[][] = [[]];
  for (const node of nodes) {
    if (node.name === ",") items.push([]);
    else if (!["(", ")", "[", "]", "{", "}"].includes(node.name)) items[items.length - 1]?.push(node);
  }
  return items.filter((item) => item.length > 0);
}

/** The first line of a statement's source, shortened, for naming it in a message. */
export function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
