/**
 * The generator at its limits, too slow for the test suite: 50 MB model.py files (comments, module code, one
 * docstring), growing amounts of syntax garbage, and a signature list of 10,000 methods. Each model.py is read in
 * its own process (2 GiB heap, 120 s limit) and must end in signatures or a clear error; we report time and
 * peak RSS. Baselines of the same run: reading the small valid model; emitting a 1,000-method client.
 * Run: npm run bench:limits  (node --conditions=source --import tsx bench/fuzz-generator-limits.ts [--append])
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { MethodSignature } from "clarifai-typed";
import { emitClient } from "../generator/emit/emit-client.js";
import { hostileModelFiles, VALID_MODEL } from "../test/hardening/support/hostile-model-files.js";
import { readModelBounded, type BoundedRead } from "../test/hardening/support/read-model-bounded.js";

const LIMITS = { heapMb: 2048, timeoutMs: 120_000 };
const dir = mkdtempSync(path.join(tmpdir(), "generator-limits-"));
const png = path.resolve(import.meta.dirname, "../examples/color-tagger/images/sunset.png");

async function read(name: string, content: string | Uint8Array): Promise<BoundedRead> {
  const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.py`);
  writeFileSync(file, content);
  return readModelBounded(file, LIMITS);
}

const rows: string[] = [];
const baseline = await read("baseline", VALID_MODEL);
const readRow = (name: string, r: BoundedRead) =>
  `| ${name} | ${r.outcome} | ${r.ms.toFixed(0)} ms | ${(r.ms / baseline.ms).toFixed(1)}× | ${Math.round(r.rssMb)} MiB |`;
rows.push(readRow("valid 9-line model (baseline)", baseline));

const big = hostileModelFiles({ megabytes: 50, pngFile: png }).filter((c) => c.name.includes("50 MB"));
for (const c of big) rows.push(readRow(c.name, await read(c.name, c.content)));
// Just under the 8 MiB limit of generator/sources/local.ts: the most a reader accepts.
const underLimit = hostileModelFiles({ megabytes: 7.9, pngFile: png }).filter((c) => c.name.includes("7.9 MB"));
for (const c of underLimit) rows.push(readRow(c.name, await read(c.name, c.content)));
const garbageLine = "def ::: class ((( @@@ ]]] lambda lambda\n";
for (const kib of [16, 256, 7_900]) {
  const name = `${kib.toLocaleString("en")} KiB of syntax garbage`;
  rows.push(readRow(name, await read(name, garbageLine.repeat(Math.ceil((kib * 1024) / garbageLine.length)))));
}
rmSync(dir, { recursive: true, force: true });

const unary = (name: string): MethodSignature => ({
  name, method_type: "UNARY_UNARY", input_fields: [{ name: "x", type: "STR" }], output_fields: [{ name: "return", type: "STR" }],
});
async function emitMethods(count: number): Promise<{ ms: number; kib: number }> {
  const started = performance.now();
  const content = await emitClient({ signatures: Array.from({ length: count }, (_, i) => unary(`m${i}`)), identity: { modelId: "many" }, source: "bench" });
  return { ms: performance.now() - started, kib: content.length / 1024 };
}
const emitRows: string[] = [];
const emitBaseline = await emitMethods(1_000);
for (const count of [1_000, 2_000, 5_000, 10_000]) {
  const r = count === 1_000 ? emitBaseline : await emitMethods(count);
  emitRows.push(`| ${count.toLocaleString("en")} methods${count === 1_000 ? " (baseline)" : ""} | ${(r.ms / 1000).toFixed(2)} s | ${(r.ms / emitBaseline.ms).toFixed(1)}× | ${Math.round(r.kib)} KiB |`);
}

const lines = [
  `## Generator limits (bench/fuzz-generator-limits.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})`,
  "",
  `Each model.py read in its own process (time measured inside it, start-up excluded), heap limit ${LIMITS.heapMb} MiB, ${LIMITS.timeoutMs / 1000} s limit.`,
  "",
  "| model.py | outcome | time | vs baseline | peak RSS |",
  "| --- | --- | ---: | ---: | ---: |",
  ...rows,
  "",
  "| emitClient (render + prettier) | time | vs 1,000 methods | size |",
  "| --- | ---: | ---: | ---: |",
  ...emitRows,
  "",
];
process.stdout.write(`${lines.join("\n")}\n`);
if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), `\n${lines.join("\n")}`);
