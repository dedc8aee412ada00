/** Runs the model reader on one path in a child process with a heap limit and a wall-clock limit. */
import { execFile } from "node:child_process";
import path from "node:path";

export interface BoundedRead {
  /** "signatures", the error's name (ModelPyError, LocalModelError, …), "out of memory", "timed out" or "crashed". */
  outcome: string;
  detail: string;
  ms: number;
  /** Peak resident memory of the reading process, MiB. */
  rssMb: number;
}

const script = path.join(import.meta.dirname, "read-model-process.ts");

export function readModelBounded(modelPath: string, limits: { heapMb: number; timeoutMs: number }): Promise<BoundedRead> {
  const args = ["--conditions=source", "--import", "tsx", `--max-old-space-size=${limits.heapMb}`, script, modelPath];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: limits.timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) => {
      const line = stdout.trim().split("\n").at(-1);
      if (!error && line) return resolve(JSON.parse(line) as BoundedRead);
      const outcome = error?.killed ? "timed out" : /heap limit|out of memory|allocation failed/i.test(stderr) ? "out of memory" : "crashed";
      resolve({ outcome, detail: stderr.slice(-500) || String(error), ms: Number.NaN, rssMb: Number.NaN });
    });
  });
}
