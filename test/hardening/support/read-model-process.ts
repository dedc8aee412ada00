/**
 * Child process: reads one local model (argv[2]) and prints, as one JSON line, what happened and the time and
 * peak memory it took, so a test can bound memory (--max-old-space-size) and time (kill) around the reader.
 */
import { readLocalModel } from "../../../generator/sources/local.js";

const started = performance.now();
try {
  const model = await readLocalModel(process.argv[2]!);
  report("signatures", model.signatures.map((s) => s.name).join(","));
} catch (error) {
  const e = error as Error & { format?: () => string };
  report(e.name, typeof e.format === "function" ? e.format() : e.message);
}

function report(outcome: string, detail: string): void {
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ outcome, detail, ms, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
