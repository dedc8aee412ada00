import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { ClientModel } from "../../generator/emit/client-model.js";
import { generateClients, type ClientOutcome } from "../../generator/cli/generate-clients.js";
import type { MethodSignature } from "../../runtime/signature.js";

const predict = (output: MethodSignature["method_type"] = "UNARY_UNARY"): MethodSignature => ({
  name: "predict",
  method_type: output,
  input_fields: [{ name: "prompt", type: "STR", required: true }],
  output_fields: [{ name: "return", type: "STR", iterator: output !== "UNARY_UNARY" }],
});

/** A fake source: the spec is the model id; "broken" fails to load. */
function fakeSource(signatures: Record<string, MethodSignature[]>) {
  return async (spec: string): Promise<ClientModel> => {
    const found = signatures[spec];
    if (!found) throw new Error(`no such model ${spec}`);
    return { signatures: found, identity: { modelId: spec }, source: "fake" };
  };
}

const summary = (outcomes: ClientOutcome[]) => outcomes.map((o) => (o.status === "failed" ? `${o.spec} failed: ${o.message}` : `${o.spec} ${o.status}`));

describe("generateClients", () => {
  let out = "";
  before(async () => {
    out = await mkdtemp(path.join(tmpdir(), "gen-client-out-"));
  });
  after(() => rm(out, { recursive: true, force: true }));

  it("writes, then reports unchanged; --check says current, stale after a signature change, missing for new ones", async () => {
    const jobs = [{ spec: "alpha", load: {} }, { spec: "beta", load: {} }];
    const v1 = fakeSource({ alpha: [predict()], beta: [predict()] });
    assert.deepEqual(summary(await generateClients(jobs, { outDir: out, loadModel: v1 })), ["alpha written", "beta written"]);
    assert.match(await readFile(path.join(out, "alpha.ts"), "utf8"), /export function createAlphaClient\(/u);
    assert.deepEqual(summary(await generateClients(jobs, { outDir: out, loadModel: v1 })), ["alpha unchanged", "beta unchanged"]);
    assert.deepEqual(summary(await generateClients(jobs, { outDir: out, loadModel: v1, check: true })), ["alpha current", "beta current"]);

    const before = await readFile(path.join(out, "beta.ts"), "utf8");
    const v2 = fakeSource({ alpha: [predict()], beta: [predict("UNARY_STREAMING")], gamma: [predict()] });
    const checked = await generateClients([...jobs, { spec: "gamma", load: {} }], { outDir: out, loadModel: v2, check: true });
    assert.deepEqual(summary(checked), ["alpha current", "beta stale", "gamma missing"]);
    assert.equal(await readFile(path.join(out, "beta.ts"), "utf8"), before, "--check writes nothing");
  });

  it("keeps going past failing models, one clear message each", async () => {
    await writeFile(path.join(out, "unrelated.txt"), "");
    const source = fakeSource({ ok: [predict()], empty: [], "../evil": [predict()], twin: [predict()] });
    const outcomes = await generateClients(
      ["broken", "empty", "../evil", "ok", "twin", "twin"].map((spec) => ({ spec, load: {} })),
      { outDir: out, loadModel: source },
    );
    assert.deepEqual(summary(outcomes), [
      "broken failed: no such model broken",
      "empty failed: model empty has no method signatures (an older model without typed methods); there is nothing to generate a typed client from",
      '../evil failed: model id "../evil" contains a path separator, a control character or one of <>:"|?*, so it cannot name the client file; give the model a plain id (letters, digits, - and _)',
      "ok written",
      "twin written",
      `twin failed: writes ${path.join(out, "twin.ts")}, which twin also writes; give the models distinct ids`,
    ]);
  });
});
