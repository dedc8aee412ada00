/**
 * The type tests compile under strict: every call in mustCompile type-checks and every `@ts-expect-error`
 * in mustNotCompile is used (TypeScript reports an unused one), so each rejected call really is rejected.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { it } from "node:test";
import { verifyClients } from "../../generator/emit/verify.js";

it("peer-test-model type tests: accepted calls compile, rejected calls are errors", async () => {
  const file = fileURLToPath(new URL("peer-test-model.types.ts", import.meta.url));
  const problems = await verifyClients(new Map([[file, await readFile(file, "utf8")]]));
  assert.deepEqual(problems, []);
});
