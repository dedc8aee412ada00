/** The fenced code blocks of a Markdown document, with the line each one starts on. */
export interface CodeBlock {
  /** The info string's first word (`ts` in ```ts title), lower-cased; "" when absent. */
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;

export function markdownCodeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open as unknown as [string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j]!.trimEnd();
      if (close.trimStart().startsWith(fence) && /^[`~]+$/.test(close.trim()) && close.trim().length >= fence.length)
        break;
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!);
    }
    blocks.push({ lang: lang.toLowerCase(), code: body.join("\n"), line: i + 1 });
    i = j;
  }
  return blocks;
}
