/**
 * Cold `gen-client` runs: one local model, and fifty local models from one config file, each a fresh
 * process (as a user or CI runs it), against the same run's cost of a fresh process that only has prettier
 * format the same output. Run: `node --import tsx bench/generate.bench.ts` (figures go to bench/RESULTS.md by hand).
 * Targets: one model under 1.5 s, fifty under 10 s.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { median } from "./stats.js";

const repo = path.resolve(import.meta.dirname, "..");
const model = path.resolve(repo, "..", "shared", "vectors", "model");
const work = mkdtempSync(path.join(tmpdir(), "gen-client-bench-"));
const RUNS = 5;

function coldMs(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - start;
}

function measure(args: string[]): number {
  return median(Array.from({ length: RUNS }, () => coldMs(args)));
}

const tsx = path.join(repo, "node_modules", "tsx", "dist", "esm", "index.mjs");
const genClient = ["--conditions=source", "--import", tsx, path.join(repo, "generator", "bin.ts")];
const models = Array.from({ length: 50 }, (_, i) => {
  const dir = path.join(work, "models", `model-${i}`);
  cpSync(model, dir, { recursive: true });
  writeFileSync(path.join(dir, "config.yaml"), `model:\n  id: bench-model-${i}\n  user_id: u\n  app_id: a\n`);
  return `./models/model-${i}`;
});
writeFileSync(path.join(work, "fifty.json"), JSON.stringify({ out: "out50", models }));

const one = measure([...genClient, "./models/model-0", "--out", "out1"]);
const fifty = measure([...genClient, "--config", "fifty.json"]);

// Baseline: a fresh process that imports prettier and formats the generated files (already formatted output).
const prettierOnly = (dir: string): string[] => [
  "--input-type=module",
  "-e",
  `import * as prettier from ${JSON.stringify(path.join(repo, "node_modules", "prettier", "index.mjs"))};
   import { readFileSync, readdirSync } from "node:fs";
   for (const f of readdirSync(${JSON.stringify(dir)})) await prettier.format(readFileSync(${JSON.stringify(dir)} + "/" + f, "utf8"), { parser: "typescript" });`,
];
const prettier1 = measure(prettierOnly(path.join(work, "out1")));
const prettier50 = measure(prettierOnly(path.join(work, "out50")));
const nodeOnly = measure(["-e", "0"]);

const files = readdirSync(path.join(work, "out50")).length;
rmSync(work, { recursive: true, force: true });
const row = (name: string, ms: number, base: number, target: string) =>
  `| ${name} | ${ms.toFixed(0)} | ${base.toFixed(0)} | ${(ms / base).toFixed(2)}× | ${target} |`;
process.stdout.write(
  [
    `median of ${RUNS} cold runs each; node startup alone: ${nodeOnly.toFixed(0)} ms; fifty-model run wrote ${files} files`,
    "| run | gen-client ms | prettier-only ms | ratio | target |",
    "| --- | ---: | ---: | ---: | --- |",
    row("one local model", one, prettier1, "< 1500 ms"),
    row("fifty local models (config)", fifty, prettier50, "< 10000 ms"),
  ].join("\n") + "\n",
);
