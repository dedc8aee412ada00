import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { ModelPyError, readModelPy } from "../../generator/sources/model-py/index.js";

const vectors = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "vectors");
const SOURCES = [readFileSync(path.join(vectors, "model", "1", "model.py"), "utf8"), readFileSync(path.join(vectors, "model3", "1", "model.py"), "utf8")];
const SNIPPETS = ["(", ")", "[", "]", ":", ",", "\n", "    ", "'", '"""', "\\", "Iterator[", "Optional[", "Param(", "=", "None", "@ModelClass.method\n", "def ", "class ", "*", "**", "->", "#", "é", "\t"];

type Mutation = { kind: "delete" | "insert" | "duplicateLine"; at: number; length: number; snippet: string };

const mutation = fc.record({
  kind: fc.constantFrom("delete" as const, "insert" as const, "duplicateLine" as const),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  snippet: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })),
});

function apply(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "insert":
      return text.slice(0, at) + m.snippet + text.slice(at);
    case "duplicateLine": {
      const lines = text.split("\n");
      const line = m.at % lines.length;
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    }
  }
}

describe("mutated model.py files", () => {
  it("always end in signatures or a positioned ModelPyError, never a crash", () => {
    fc.assert(
      fc.property(fc.nat({ max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const text = mutations.reduce(apply, SOURCES[index] ?? "");
        const lineCount = text.split("\n").length;
        try {
          const signatures = readModelPy(text, "mutant.py");
          assert.ok(signatures.length > 0);
          for (const s of signatures) assert.ok(s.output_fields?.length === 1 && s.name.length > 0);
        } catch (error) {
          assert.ok(error instanceof ModelPyError, `not a ModelPyError: ${String(error)}`);
          assert.equal(error.file, "mutant.py");
          assert.ok(error.line >= 1 && error.line <= lineCount, `line ${error.line} of ${lineCount}`);
          assert.ok(error.column >= 1);
          assert.ok(error.message.length > 0);
        }
      }),
      { numRuns: 400, seed: 20260, endOnFailure: true },
    );
  });
});
