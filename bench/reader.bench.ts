/**
 * The model.py reader against the bare parse: a 2,000-line model.py with 100 methods, read warm in
 * process, and the cold `gen-client inspect` CLI in a child process. Every figure is a ratio to a
 * baseline measured in the same run: @lezer/python parsing the same text (target: reader ≤ 2× parse).
 * Run: node --import tsx bench/reader.bench.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parser } from "@lezer/python";
import { readModelPy } from "../generator/sources/model-py/index.js";
import { median } from "./stats.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A realistic model.py: imports, constants, 100 decorated methods of ~20 lines each. */
function bigModelPy(methods: number): string {
  const out = [
    "from typing import Dict, Iterator, List, Tuple",
    "import numpy as np",
    "from clarifai.runners.models.model_class import ModelClass",
    "from clarifai.runners.utils import data_types as dt",
    "from clarifai.runners.utils.data_types import Image, NamedFields, Text",
    "from clarifai.runners.utils.data_utils import Param",
    "",
    "MAX_TOKENS = 512",
    "",
    "class BigModel(ModelClass):",
    '    """A model with many methods."""',
    "",
  ];
  const returns = ["str", "Iterator[str]", "List[dt.Concept]", "NamedFields(text=str, score=float)", "Tuple[Image, str]"];
  for (let i = 0; i < methods; i++) {
    out.push(
      "    @ModelClass.method",
      `    def method_${i}(`,
      "        self,",
      "        prompt: str,",
      "        images: List[Image] = None,",
      `        max_tokens: int = Param(default=MAX_TOKENS, description="Tokens to generate", min_value=1, max_value=4096),`,
      `        temperature: float = Param(default=0.7, description="Sampling temperature", min_value=0.0, max_value=2.0),`,
      `        mode: str = Param(default="fast", choices=["fast", "slow"]),`,
      "        options: Dict[str, float] = {},",
      `    ) -> ${returns[i % returns.length]}:`,
      `        """Method number ${i}.`,
      "",
      "        Args:",
      "            prompt: what to do",
      '        """',
      "        text = prompt.strip()",
      "        for _ in range(int(max_tokens)):",
      "            text = text + mode",
      "        result = self.helper(text, images, temperature, options)",
      "        return result",
    );
  }
  return `${out.join("\n")}\n`;
}

/** Median ms per call of each function, measured interleaved (round by round) so drift hits both alike. */
function measure(fns: readonly (() => unknown)[], rounds = 60): number[] {
  for (let i = 0; i < 15; i++) for (const fn of fns) fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < rounds; i++) {
    fns.forEach((fn, index) => {
      const start = performance.now();
      fn();
      times[index]?.push(performance.now() - start);
    });
  }
  return times.map(median);
}

function coldMs(args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
    times.push(performance.now() - start);
  }
  return median(times);
}

const text = bigModelPy(100);
const lines = text.split("\n").length - 1;
const signatures = readModelPy(text, "big.py");
if (signatures.length !== 100) throw new Error(`expected 100 signatures, got ${signatures.length}`);

const [parseMs = NaN, readMs = NaN] = measure([() => parser.parse(text), () => readModelPy(text, "big.py")]);

const dir = mkdtempSync(path.join(tmpdir(), "reader-bench-"));
try {
  const file = path.join(dir, "model.py");
  writeFileSync(file, text);
  // Both cold runs start node with the same loader (tsx), so the ratio is about our code, not start-up.
  const tsx = ["--conditions=source", "--import", "tsx"];
  const parseOnly = `import { readFileSync } from "node:fs"; import { parser } from "@lezer/python"; parser.parse(readFileSync(${JSON.stringify(file)}, "utf8"));`;
  const coldParse = coldMs([...tsx, "--input-type=module", "-e", parseOnly]);
  const coldCli = coldMs([...tsx, path.join(repoRoot, "generator/bin.ts"), "inspect", file, "--json"]);
  const coldHelp = coldMs([...tsx, path.join(repoRoot, "generator/bin.ts"), "--help"]);
  const rows = [
    `| parse only (@lezer/python), warm — baseline | ${parseMs.toFixed(2)} ms | 1.00× |`,
    `| readModelPy (parse + signatures), warm | ${readMs.toFixed(2)} ms | ${(readMs / parseMs).toFixed(2)}× |`,
    `| cold: node + tsx, parse only — baseline | ${coldParse.toFixed(0)} ms | 1.00× |`,
    `| cold: \`gen-client --help\` (start-up only, node + tsx) | ${coldHelp.toFixed(0)} ms | ${(coldHelp / coldParse).toFixed(2)}× |`,
    `| cold: \`gen-client inspect --json\` (node + tsx) | ${coldCli.toFixed(0)} ms | ${(coldCli / coldParse).toFixed(2)}× |`,
  ];
  console.log(`model.py: ${lines} lines, ${signatures.length} methods (medians)\n`);
  console.log("| operation | time | vs baseline |\n| --- | ---: | ---: |");
  console.log(rows.join("\n"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
