import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { ClarifaiError, createModelClient, closeClient } from "clarifai-typed";
import type { TestServer } from "clarifai-typed/testing";
import type { PostModelOutputsRequest } from "../../runtime/wire/index.js";
import { collect, signatures, startModelServer, type TestClient } from "./fixtures.js";

let server: TestServer;
let buffered: TestServer;
let client: TestClient;
let bufferedClient: TestClient;
const identity = { userId: "owner", appId: "app", modelId: "test-model" };

before(async () => {
  server = await startModelServer();
  buffered = await startModelServer({ bufferBidiUntilHalfClose: true });
  client = createModelClient<TestClient>(signatures, identity, { baseUrl: server.address, insecure: true });
  bufferedClient = createModelClient<TestClient>(signatures, identity, { baseUrl: buffered.address, insecure: true });
});
after(async () => {
  closeClient(client);
  closeClient(bufferedClient);
  await server.close();
  await buffered.close();
});

test("unary calls return the decoded result", async () => {
  const cases = [
    { given: { prompt: "ab" }, want: "ab" },
    { given: { prompt: "ab", n: 3 }, want: "ababab" },
    { given: { prompt: "", n: 0 }, want: "" },
  ];
  for (const { given, want } of cases) assert.equal(await client.predict(given), want);
});

test("the request carries the template of spec §4.1", async () => {
  server.requests.length = 0;
  await client.predict({ prompt: "x" });
  const request = server.requests[0]!.request as PostModelOutputsRequest;
  assert.deepEqual(
    { userAppId: request.userAppId?.toJSON(), modelId: request.modelId, versionId: request.versionId, runnerSelector: request.runnerSelector },
    { userAppId: { userId: "owner", appId: "app" }, modelId: "test-model", versionId: "", runnerSelector: null },
  );
});

test("a batch is split into requests of at most 128 inputs, results in order", async () => {
  const cases = [{ size: 3, requests: [3] }, { size: 300, requests: [128, 128, 44] }, { size: 0, requests: [] }];
  for (const { size, requests } of cases) {
    server.requests.length = 0;
    const batch = Array.from({ length: size }, (_, i) => ({ prompt: `p${i}` }));
    const results = await client.predict(batch);
    assert.deepEqual(results, batch.map((b) => b.prompt));
    assert.deepEqual(server.requests.map((r) => (r.request as { inputs: unknown[] }).inputs.length), requests);
  }
});

test("server streaming yields every item, and breaking early cancels the call on the server", async () => {
  assert.deepEqual(await collect(client.generate({ count: 5 })), [0, 1, 2, 3, 4]);
  server.requests.length = 0;
  const seen: number[] = [];
  for await (const item of client.generate({ count: 100_000 })) {
    seen.push(item);
    if (seen.length === 2) break;
  }
  assert.deepEqual(seen, [0, 1]);
  await waitFor(() => server.requests[0]?.cancelled === true);
});

test("bidi streams answer while the client sends, and after half-close on a buffering server", async () => {
  const cases = [
    { name: "array", items: () => ["a", "b", "c"], want: ["0:a?", "1:b?", "2:c?"] },
    { name: "async generator", items: async function* () { yield "x"; yield "y"; }, want: ["0:x?", "1:y?"] },
  ];
  for (const target of [client, bufferedClient]) {
    for (const { items, want } of cases) {
      assert.deepEqual(await collect(target.stream({ items: items(), suffix: "?" })), want);
    }
  }
});

test("bidi: every message carries the whole template; later messages only the stream item", async () => {
  server.requests.length = 0;
  await collect(client.stream({ items: ["a", "b"], suffix: "?" }));
  const messages = server.requests[0]!.messages as PostModelOutputsRequest[];
  assert.deepEqual(
    messages.map((m) => ({ modelId: m.modelId, parts: m.inputs[0]!.data!.parts.map((p) => p.id), metadata: m.inputs[0]!.data!.metadata?.toJSON() })),
    [
      { modelId: "test-model", parts: ["items", "suffix"], metadata: { fields: { _method_name: { stringValue: "stream" } } } },
      { modelId: "test-model", parts: ["items"], metadata: { fields: { _method_name: { stringValue: "stream" } } } },
    ],
  );
});

test("bidi: results arrive before the input ends when the server answers as it reads", async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  async function* items() {
    yield "first";
    await gate; // the second item is only produced once the first result was seen
    yield "second";
  }
  const results: string[] = [];
  for await (const result of client.stream({ items: items() })) {
    results.push(result);
    release();
  }
  assert.deepEqual(results, ["0:first!", "1:second!"]);
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) assert.fail("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

test("recordRequests: false serves every call kind and keeps no log", async () => {
  const quiet = await startModelServer({ recordRequests: false });
  const quietClient = createModelClient<TestClient>(signatures, identity, { baseUrl: quiet.address, insecure: true });
  try {
    assert.equal(await quietClient.predict({ prompt: "q", n: 2 }), "qq");
    assert.deepEqual(await collect(quietClient.generate({ count: 3 })), [0, 1, 2]);
    assert.deepEqual(await collect(quietClient.stream({ items: ["a"] })), ["0:a!"]);
    assert.equal(quiet.requests.length, 0);
  } finally {
    closeClient(quietClient);
    await quiet.close();
  }
});

test("a call on a closed client is a ClarifaiError naming the method, for each call kind", async () => {
  const closed = createModelClient<TestClient>(signatures, identity, { baseUrl: server.address, insecure: true });
  assert.equal(await closed.predict({ prompt: "a" }), "a");
  closeClient(closed);
  const calls: [string, () => Promise<unknown>][] = [
    ["predict", () => closed.predict({ prompt: "a" })],
    ["predict", () => closed.predict([{ prompt: "a" }])],
    ["generate", () => collect(closed.generate({ count: 1 }))],
    ["stream", () => collect(closed.stream({ items: ["a"] }))],
  ];
  for (const [method, call] of calls) {
    await assert.rejects(call(), (error: unknown) => {
      assert.ok(error instanceof ClarifaiError, `expected a ClarifaiError, got ${String(error)}`);
      assert.equal(error.message, `${method}: this client was closed with closeClient(); create a new client to call the model again.`);
      assert.equal(error.method, method);
      return true;
    });
  }
});
