/**
 * End to end over real gRPC: the generated client of ../shared/vectors/model (the peer-test-model golden)
 * against the test server running TS ports of its methods gives the vectors' Python results; the API and
 * --grpc sources read the same signatures back; `gen-client --check` names a model whose signatures changed.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { closeClient } from "clarifai-typed";
import { startTestServer, type TestServer } from "clarifai-typed/testing";
import { emitClient } from "../../generator/emit/emit-client.js";
import { loadModel } from "../../generator/sources/index.js";
import { createPeerTestModelClient, signatures } from "../golden/peer-test-model/expected.js";
import { peerModelHandlers } from "./peer-model-handlers.js";

const repo = path.resolve(import.meta.dirname, "..", "..");
const vectors = path.resolve(repo, "..", "shared", "vectors");
const identity = { userId: "peer-user", appId: "peer-app", modelId: "peer-test-model" };
const vector = async (name: string): Promise<unknown> =>
  (JSON.parse(await readFile(path.join(vectors, `${name}.json`), "utf8")) as { python_result: unknown }).python_result;
const withoutBanner = (file: string): string => file.slice(file.indexOf("*/"));

describe("generated client end to end", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ signatures, handlers: peerModelHandlers, model: identity });
  });
  after(() => server.close());

  it("calls every ported method and gets the vectors' Python results", async () => {
    const client = createPeerTestModelClient({ baseUrl: server.address, insecure: true, pat: "test-pat" });
    try {
      assert.equal(await client.predict({ prompt: "hello" }), await vector("predict_basic"));
      assert.deepEqual(await client.with_params({ text: "Hi" }), await vector("with_params_defaults"));
      assert.deepEqual(await client.pair({ a: "x", b: 3 }), ["xxx", 30]);
      const chunks: string[] = [];
      for await (const chunk of client.generate({ prompt: "g" })) chunks.push(chunk);
      assert.deepEqual(chunks, await vector("generate_default"));
      await assert.rejects(client.fail(), { code: 10020 });
    } finally {
      closeClient(client);
    }
  });

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
