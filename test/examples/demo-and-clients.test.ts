/**
 * The committed example clients are what gen-client generates from the example models today, and
 * `npm run demo` runs every example to the end by itself, printing each call and saving media results.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { runCli } from "../../generator/cli.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const examples = ["story-writer", "color-tagger", "audio-lab"];

for (const id of examples) {
  test(`examples/${id}/${id}.ts is current (gen-client --check)`, async () => {
    const dir = path.join(repoRoot, "examples", id);
    assert.equal(
      await runCli([dir, "--out", dir, "--check"]),
      0,
      `regenerate it: npx gen-client examples/${id} --out examples/${id}`,
    );
  });
}

test("npm run demo exits 0 by itself, shows every method's result and saves the media it got", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--conditions=source", "--import", "tsx", path.join(repoRoot, "examples", "demo.ts")],
    { cwd: repoRoot, timeout: 60_000, env: { ...process.env, CLARIFAI_PAT: "" } },
  );
  const calls = [...stdout.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]);
  assert.deepEqual(calls, [
    "predict",
    "predict",
    "generate",
    "stream",
    "predict",
    "predict",
    "detect",
    "thumbnail",
    "describe_audio",
    "analyze_audio",
    "apply_effects",
    "find_onsets",
    "apply_effects",
  ]);
  assert.match(
    stdout,
    /generate\(prompt: "a robot who learned to paint", style: "plain"\) → Once upon a time, a robot who learned to paint woke up early\./,
  );
  assert.match(
    stdout,
    /apply_effects\(effects: \[\{ type: "echo" \}\]\) → ClarifaiError 10020 FAILURE: unknown effect 'echo'/,
  );
  const saved = [...stdout.matchAll(/saved (\S+)/g)].map((m) => m[1]!);
  assert.deepEqual(
    saved.map((file) => path.basename(file)),
    ["sunset-thumbnail.png", "beeps-processed.wav"],
  );
  for (const file of saved) assert.ok(existsSync(file), `${file} was written`);
});
