/**
 * Hostile model.py files: huge, deeply nested, full of syntax errors, binary, not UTF-8. Each is read in its own
 * process with a 512 MiB heap and a 30 s wall limit: it must end in signatures or a clear ModelPyError /
 * LocalModelError naming the file — never a crash, an out-of-memory or a hang. Time and peak memory are
 * reported (not asserted beyond the limits). The 50 MB cases are in bench/fuzz-generator-limits.ts.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readModelBounded, type BoundedRead } from "./support/read-model-bounded.js";
import { hostileModelFiles, VALID_MODEL } from "./support/hostile-model-files.js";
import { runPool } from "./support/load-measure.js";

const LIMITS = { heapMb: 512, timeoutMs: 30_000 };
let dir: string;
const results = new Map<string, Promise<BoundedRead>>();

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), "hostile-model-py-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const cases = hostileModelFiles({ megabytes: 5, pngFile: path.resolve(import.meta.dirname, "../../examples/color-tagger/images/sunset.png") });

/** Starts every read (each in its own process, four at a time) on the first call; the rows then await theirs. */
function read(name: string): Promise<BoundedRead> {
  if (results.size === 0) {
    const all = runPool(cases.length, 4, (i) => {
      const file = path.join(dir, `${cases[i]!.name.replace(/[^a-z0-9]+/gi, "-")}.py`);
      writeFileSync(file, cases[i]!.content);
      return readModelBounded(file, LIMITS);
    });
    for (const [i, c] of cases.entries()) results.set(c.name, all.then((r) => r[i]!));
  }
  return results.get(name)!;
}

for (const c of cases) {
  test(`${c.name}: ${c.want === "signatures" ? "read" : "a clear error"} within ${LIMITS.timeoutMs / 1000} s and ${LIMITS.heapMb} MiB`, { todo: c.todo, timeout: 120_000 }, async (t) => {
    const result = await read(c.name);
    t.diagnostic(`${result.outcome} in ${Math.round(result.ms)} ms, peak RSS ${Math.round(result.rssMb)} MiB: ${result.detail.slice(0, 200)}`);
    if (c.want === "signatures") {
      assert.deepEqual({ outcome: result.outcome, detail: result.detail }, { outcome: "signatures", detail: "predict" });
    } else {
      assert.ok(["ModelPyError", "LocalModelError"].includes(result.outcome), `${result.outcome}: ${result.detail}`);
      assert.match(result.detail, c.want);
      assert.ok(result.detail.includes(`${c.name.replace(/[^a-z0-9]+/gi, "-")}.py`), `the message names the file: ${result.detail}`);
    }
  });
}

test("the valid model the hostile files start from reads as one method (the baseline works)", async () => {
  const file = path.join(dir, "baseline.py");
  writeFileSync(file, VALID_MODEL);
  assert.deepEqual(await readModelBounded(file, LIMITS).then((r) => [r.outcome, r.detail]), ["signatures", "predict"]);
});
