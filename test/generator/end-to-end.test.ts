/**
 * End to end over real gRPC, the generator's side: against the test server serving ../shared/vectors/model's
 * signatures, the API and --grpc sources read the signatures back and emit the golden client;
 * `gen-client --check` names a model whose signatures changed. Every recorded call through the generated
 * clients: end-to-end-vectors.test.ts.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { startTestServer, type TestServer } from "clarifai-typed/testing";
import { emitClient } from "../../generator/emit/emit-client.js";
import { loadModel } from "../../generator/sources/index.js";
import { signatures } from "../golden/peer-test-model/expected.js";
import { peerModelHandlers } from "./peer-model-handlers.js";

const repo = path.resolve(import.meta.dirname, "..", "..");
const identity = { userId: "peer-user", appId: "peer-app", modelId: "peer-test-model" };
const withoutBanner = (file: string): string => file.slice(file.indexOf("*/"));

describe("generated client end to end", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ signatures, handlers: peerModelHandlers, model: identity });
  });
  after(() => server.close());

  it("reads the same signatures from the API (GetModel) and from --grpc, giving the same client", async () => {
    const golden = await readFile(path.join(repo, "test", "golden", "peer-test-model", "expected.ts"), "utf8");
    const fromApi = await loadModel("peer-user/peer-app/peer-test-model", { api: { baseUrl: server.address, insecure: true, pat: "p" } });
    const fromServer = await loadModel("peer-user/peer-app/peer-test-model", { grpc: server.address });
    assert.deepEqual(fromApi.identity, identity);
    assert.equal(withoutBanner(await emitClient(fromApi)), withoutBanner(golden));
    assert.equal(withoutBanner(await emitClient(fromServer)), withoutBanner(golden));
  });

  it("gen-client --check exits 1 naming the model after a signature change, 0 when current", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "gen-client-check-"));
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ["--conditions=source", "--import", "tsx", path.join(repo, "generator", "bin.ts"), ...args], { cwd: repo }).then(
        (r) => ({ code: 0, stderr: r.stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
    const changed = await startTestServer({
      signatures: signatures.map((s) => (s.name === "predict" ? { ...s, description: "changed" } : s)),
      handlers: {},
    });
    try {
      const model = ["peer-user/peer-app/peer-test-model", "--out", out];
      assert.deepEqual(await run([...model, "--grpc", server.address]), { code: 0, stderr: "" });
      assert.deepEqual(await run([...model, "--grpc", server.address, "--check"]), { code: 0, stderr: "" });
      const stale = await run([...model, "--grpc", changed.address, "--check"]);
      assert.equal(stale.code, 1);
      assert.equal(
        stale.stderr,
        `gen-client: peer-user/peer-app/peer-test-model: ${path.relative(repo, path.join(out, "peer-test-model.ts"))} is stale (the model's signatures or the generator changed); run gen-client to update it\n`,
      );
    } finally {
      await changed.close();
      await rm(out, { recursive: true, force: true });
    }
  });
});
