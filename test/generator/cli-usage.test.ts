import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, it } from "node:test";

const repo = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(repo, "node_modules", "tsx", "dist", "esm", "index.mjs");

async function genClient(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ["--conditions=source", "--import", tsx, path.join(repo, "generator", "bin.ts"), ...args], { cwd }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("gen-client exit codes", () => {
  const cases: [args: string[], code: number, firstLine: string][] = [
    [[], 2, "no model given and no clarifai.config.json / .yaml in this folder: name a model or pass --config <file>"],
    [["a/b/c", "d/e/f", "--grpc", "localhost:1"], 2, "--grpc reads one model server: give exactly one model with it"],
    [["./missing-model"], 1, "gen-client: ./missing-model: "],
  ];
  for (const [args, code, firstLine] of cases) {
    it(`gen-client ${args.join(" ")} → exit ${code}`, async () => {
      const cwd = await mkdtemp(path.join(tmpdir(), "gen-client-cli-"));
      try {
        const result = await genClient(args, cwd);
        assert.equal(result.code, code);
        assert.equal(result.stdout, "");
        assert.ok(result.stderr.startsWith(firstLine), result.stderr);
        if (code === 2) assert.ok(result.stderr.includes("\ngen-client [models..]\n"), "usage follows the message");
        else assert.equal(result.stderr.split("\n").length, 2, "one line per failing model");
      } finally {
        await rm(cwd, { recursive: true, force: true });
      }
    });
  }
});

describe("gen-client warnings", () => {
  it("a base class the reader cannot see into: the client is written, and stderr says what may be missing", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "gen-client-cli-"));
    try {
      await mkdir(path.join(cwd, "m", "1"), { recursive: true });
      await writeFile(path.join(cwd, "m", "config.yaml"), "model:\n  id: mixed\n  user_id: u\n  app_id: a\n");
      await writeFile(
        path.join(cwd, "m", "1", "model.py"),
        "from clarifai.runners.models.model_class import ModelClass\nfrom company.mixins import Audit\n\nclass M(ModelClass, Audit):\n    @ModelClass.method\n    def predict(self, text: str) -> str:\n        return text\n",
      );
      const result = await genClient(["./m", "--out", "out"], cwd);
      assert.equal(result.code, 0, result.stderr);
      assert.match(await readFile(path.join(cwd, "out", "mixed.ts"), "utf8"), /predict\(/);
      const warnings = result.stderr.split("\n").filter((line) => line.startsWith("gen-client: warning: "));
      assert.equal(warnings.length, 1, result.stderr);
      assert.match(warnings[0]!, /m[/\\]1[/\\]model\.py:4:21: class M derives from Audit \(company\.mixins\.Audit\)/);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
