/**
 * Hostile names against the file system: model ids, user/app ids and --out values that would write outside the
 * output folder are refused (or cannot reach a path), never followed. Each case runs the real generateClients
 * into a fresh temporary root, then lists every file under the root: only `<out>/<id>.ts` may exist.
 * Config files are data: YAML tags and `__proto__` keys execute or pollute nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateClients, type ClientOutcome } from "../../generator/cli/generate-clients.js";
import type { ClientModel, ModelIdentity } from "../../generator/emit/client-model.js";
import { readConfigFile } from "../../generator/config/config-file.js";
import { echoSignatures } from "./support/echo-model.js";

/** Generates one client per identity into `<root>/out` (or `out` relative to root); returns outcomes and files. */
async function generate(identities: ModelIdentity[], out = "out") {
  const root = mkdtempSync(path.join(tmpdir(), "hostile-paths-"));
  try {
    const outDir = path.resolve(root, out);
    const models = new Map<string, ClientModel>(identities.map((identity, i) => [`spec-${i}`, { signatures: echoSignatures, identity, source: "hostile test" }]));
    const outcomes = await generateClients([...models.keys()].map((spec) => ({ spec, load: {} })), {
      outDir,
      loadModel: async (spec) => models.get(spec)!,
    });
    return { outcomes, files: listFiles(root).map((f) => path.relative(root, f).split(path.sep).join("/")) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const failed = (outcome: ClientOutcome | undefined) => (outcome?.status === "failed" ? outcome.message : `not refused: ${outcome?.status}`);

const hostileModelIds = ["../x", "../../x", "/tmp/absolute", "a/../../b", "a/b", "a\\..\\b", "a\0b", "..", ".", "", ".hidden", "x".repeat(300), "C:evil", "nul\x01"];

for (const modelId of hostileModelIds) {
  test(`model id ${JSON.stringify(modelId.length > 40 ? `${modelId.slice(0, 10)}…(${modelId.length})` : modelId)}: refused naming it, nothing written`, async () => {
    const { outcomes, files } = await generate([{ modelId }]);
    assert.match(failed(outcomes[0]), /model id/);
    assert.ok(failed(outcomes[0]).includes(JSON.stringify(modelId)), failed(outcomes[0]));
    assert.deepEqual(files, []);
  });
}

test("hostile user, app and version ids never reach a path: the client is written as <out>/<model id>.ts", async () => {
  const { outcomes, files } = await generate([{ userId: "../../etc", appId: "/abs/app", versionId: "a/../../b\0", modelId: "plain-id" }]);
  assert.deepEqual(outcomes.map((o) => o.status), ["written"]);
  assert.deepEqual(files, ["out/plain-id.ts"]);
});

test("model ids differing only by case: the second is refused (they would overwrite each other on macOS/Windows)", async () => {
  const { outcomes, files } = await generate([{ modelId: "Echo" }, { modelId: "echo" }]);
  assert.deepEqual(outcomes.map((o) => o.status), ["written", "failed"]);
  assert.match(failed(outcomes[1]), /Echo/);
  assert.deepEqual(files, ["out/Echo.ts"]);
});

const hostileOuts: { name: string; out: string }[] = [
  { name: "a NUL byte", out: "out\0/x" },
  { name: "a 5,000-character folder name", out: "o".repeat(5_000) },
];

for (const { name, out } of hostileOuts) {
  test(`--out with ${name}: a clear per-model failure naming the path, nothing written, no crash`, async () => {
    const { outcomes, files } = await generate([{ modelId: "plain-id" }], out);
    assert.equal(outcomes[0]?.status, "failed");
    assert.match(failed(outcomes[0]), /cannot write|out|path|long|NUL|null/i);
    assert.deepEqual(files, []);
  });
}

test("a YAML config with JavaScript tags and a JSON config with __proto__ execute and pollute nothing", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "hostile-config-"));
  try {
    const yamlFile = path.join(root, "clarifai.config.yaml");
    writeFileSync(yamlFile, 'models:\n  - !!js/function "function () { globalThis.pwned = true }"\n');
    const jsonFile = path.join(root, "clarifai.config.json");
    writeFileSync(jsonFile, '{"__proto__": {"polluted": true}, "models": ["a/b/c"]}');
    const outcomes = await Promise.all([yamlFile, jsonFile].map((file) => readConfigFile(file).then((c) => JSON.stringify(c.models), (e: Error) => `refused: ${e.message}`)));
    assert.equal((globalThis as { pwned?: unknown }).pwned, undefined);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    // The tagged value stays inert text (a model spec that will simply not resolve); the __proto__ key is refused.
    assert.deepEqual(outcomes, [
      JSON.stringify([{ model: "function () { globalThis.pwned = true }" }]),
      `refused: ${jsonFile} has unknown key "__proto__"; allowed keys: out, runtimeImport, api, models`,
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
