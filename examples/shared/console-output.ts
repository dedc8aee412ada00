/**
 * How the example scripts report: a heading per model, one line per call (method, arguments in short,
 * typed result), streamed tokens written as they arrive, and media results saved to files whose paths
 * are printed.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Audio, Image, Video } from "clarifai-typed";
import { summarize } from "./summarize.js";

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

export class ConsoleOutput {
  /** `outDir`: where media results are written. */
  constructor(readonly outDir: string) {}

  heading(title: string, subtitle: string): void {
    process.stdout.write(`\n${bold(title)} ${dim(subtitle)}\n`);
  }

  /** Runs one call and prints `method(args) → result`. */
  async call<A, R>(method: string, args: A, run: (args: A) => Promise<R>): Promise<R> {
    const result = await run(args);
    this.line(method, args, summarize(result));
    return result;
  }

  line(method: string, args: unknown, result: string): void {
    process.stdout.write(`  ${method}(${summarizeArgs(args)}) ${dim("→")} ${result}\n`);
  }

  /** Prints `method(args) → ` and then every streamed piece as it arrives, joined by `separator`. */
  async stream<T>(method: string, args: unknown, items: AsyncIterable<T>, separator = ""): Promise<T[]> {
    process.stdout.write(`  ${method}(${summarizeArgs(args)}) ${dim("→")} `);
    const received: T[] = [];
    for await (const item of items) {
      process.stdout.write(`${received.length ? separator : ""}${typeof item === "string" ? item : summarize(item)}`);
      received.push(item);
    }
    process.stdout.write(dim(`  (${received.length} messages)\n`));
    return received;
  }

  /** Saves a media result and returns the path it was written to. */
  async save(media: Image | Audio | Video, fileName: string): Promise<string> {
    await mkdir(this.outDir, { recursive: true });
    const file = path.join(this.outDir, fileName);
    await media.toFile(file);
    process.stdout.write(`    ${dim("saved")} ${file}\n`);
    return file;
  }

  note(text: string): void {
    process.stdout.write(`    ${dim(text)}\n`);
  }
}

function summarizeArgs(args: unknown): string {
  if (Array.isArray(args)) return `[${args.map((one) => `{ ${summarizeArgs(one)} }`).join(", ")}]`;
  if (typeof args !== "object" || args === null) return "";
  return Object.entries(args)
    .map(
      ([k, v]) =>
        `${k}: ${typeof v === "object" && v !== null && Symbol.asyncIterator in v ? "<stream>" : summarize(v)}`,
    )
    .join(", ");
}
