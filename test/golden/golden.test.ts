/**
 * Every golden case generates exactly its expected.ts (byte for byte), and every expected.ts compiles under
 * `strict` against the real runtime. A stale golden fails with the command that regenerates it.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { verifyClients } from "../../generator/emit/verify.js";
import { generateGolden, goldenCases } from "./golden-cases.js";

const FIX_IT = "the generator's output changed: if intended, run `npm run update-goldens` and review the diff";

describe("golden clients", () => {
  const cases = goldenCases();

  it("there are golden cases", () => assert.ok(cases.length >= 2, `found ${cases.length} cases in test/golden`));

  for (const golden of cases) {
    it(`${golden.name}: generates expected.ts byte for byte`, async () => {
      const expected = await readFile(golden.expectedFile, "utf8").catch(() => "(missing)");
      const actual = await generateGolden(golden);
      assert.ok(actual === expected, `test/golden/${golden.name}/expected.ts is stale: ${FIX_IT}`);
    });
  }

  it("every expected.ts compiles under tsc --strict", async () => {
    const files = new Map(await Promise.all(cases.map(async (g) => [g.expectedFile, await readFile(g.expectedFile, "utf8")] as const)));
    assert.deepEqual(await verifyClients(files), []);
  });
});
