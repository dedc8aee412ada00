import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createModelClient, closeClient, ClarifaiError } from "clarifai-typed";
import type { Fault, TestServer } from "clarifai-typed/testing";
import { collect, signatures, startModelServer, type TestClient } from "./fixtures.js";

let server: TestServer;
let client: TestClient;
const fastRetry = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 };

before(async () => {
  server = await startModelServer();
  client = createModelClient<TestClient>(signatures, { modelId: "test-model" }, { baseUrl: server.address, insecure: true, retry: fastRetry });
});
after(async () => {
  closeClient(client);
  await server.close();
});

/** The fields of the ClarifaiError a promise rejects with. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ClarifaiError, `expected a ClarifaiError, got ${String(error)}`);
    return { code: error.code, codeName: error.codeName, grpcCode: error.grpcCode, method: error.method, details: error.details };
  }
  return assert.fail("expected a rejection");
}

function reset(faults: TestServer["faults"] = {}) {
  server.requests.length = 0;
  for (const key of Object.keys(server.faults)) delete server.faults[key];
  Object.assign(server.faults, faults);
}

test("a handler error is an in-band FAILURE with details and stack trace", async () => {
  reset();
  const error = await client.fail({ message: "oops" }).catch((e: unknown) => e as ClarifaiError);
  assert.ok(error instanceof ClarifaiError);
  assert.deepEqual(
    { code: error.code, codeName: error.codeName, details: error.details, method: error.method, firstLine: error.stackTrace[0] },
    { code: 10020, codeName: "FAILURE", details: "intentional failure: oops", method: "fail", firstLine: "Error: intentional failure: oops" },
  );
});

test("each failure kind ends in the right ClarifaiError", async () => {
  const cases: { name: string; faults: Record<string, Fault>; call: () => Promise<unknown>; want: object; attempts: number }[] = [
    { name: "retry exhausted (in-band MODEL_LOADING)", faults: { predict: { fail: { code: 21355 } } },
      call: () => client.predict({ prompt: "x" }), want: { code: 21355, codeName: "MODEL_LOADING", grpcCode: undefined }, attempts: 3 },
    { name: "retry exhausted (gRPC UNAVAILABLE)", faults: { predict: { fail: { grpcCode: 14 } } },
      call: () => client.predict({ prompt: "x" }), want: { code: 40031, codeName: "RPC_SERVER_UNAVAILABLE", grpcCode: 14 }, attempts: 3 },
    { name: "not retryable (MODEL_NOT_DEPLOYED)", faults: { predict: { fail: { code: 21353 } } },
      call: () => client.predict({ prompt: "x" }), want: { code: 21353, codeName: "MODEL_NOT_DEPLOYED", grpcCode: undefined }, attempts: 1 },
    { name: "malformed unary response", faults: { predict: { malformed: true } },
      call: () => client.predict({ prompt: "x" }), want: { code: 99009, codeName: "INTERNAL_UNCATEGORIZED", grpcCode: 13 }, attempts: 1 },
    { name: "malformed stream message", faults: { generate: { malformed: true } },
      call: () => collect(client.generate({ count: 2 })), want: { code: 99009, codeName: "INTERNAL_UNCATEGORIZED", grpcCode: 13 }, attempts: 1 },
    { name: "timeout", faults: { predict: { delayMs: 2000 } },
      call: () => client.predict({ prompt: "x" }, { timeoutMs: 50 }), want: { code: 40032, codeName: "RPC_REQUEST_TIMEOUT", grpcCode: 4 }, attempts: 1 },
  ];
  for (const { name, faults, call, want, attempts } of cases) {
    reset(faults);
    const got = await failure(call());
    assert.deepEqual({ code: got.code, codeName: got.codeName, grpcCode: got.grpcCode }, want, name);
    assert.equal(server.requests.length, attempts, `${name}: attempts`);
  }
});

test("retry then success: two MODEL_LOADING answers, then the result", async () => {
  reset({ predict: { fail: { times: 2, code: 21355 } } });
  assert.equal(await client.predict({ prompt: "ok" }), "ok");
  assert.equal(server.requests.length, 3);
});

test("retry: false sends exactly one request", async () => {
  reset({ predict: { fail: { times: 1, code: 21355 } } });
  const got = await failure(client.predict({ prompt: "x" }, { retry: false }));
  assert.deepEqual([got.code, server.requests.length], [21355, 1]);
});

test("a stream is retried before its first item, never after", async () => {
  reset({ generate: { fail: { times: 1, grpcCode: 14 } } });
  assert.deepEqual(await collect(client.generate({ count: 3 })), [0, 1, 2]);
  assert.equal(server.requests.length, 2);

  reset({ generate: { dieAfterItems: 2 } });
  const seen: number[] = [];
  const error = await (async () => {
    for await (const item of client.generate({ count: 5 })) seen.push(item);
  })().catch((e: unknown) => e as ClarifaiError);
  assert.ok(error instanceof ClarifaiError);
  assert.deepEqual({ seen, grpcCode: error.grpcCode, requests: server.requests.length }, { seen: [0, 1], grpcCode: 14, requests: 1 });
});

test("a server crash mid-bidi-stream ends the stream with the error", async () => {
  reset({ stream: { dieAfterItems: 1 } });
  const seen: string[] = [];
  const error = await (async () => {
    for await (const item of client.stream({ items: ["a", "b", "c"] })) seen.push(item);
  })().catch((e: unknown) => e as ClarifaiError);
  assert.ok(error instanceof ClarifaiError);
  assert.deepEqual({ seen, grpcCode: error.grpcCode }, { seen: ["0:a!"], grpcCode: 14 });
});

test("an AbortSignal cancels each call kind and the server sees the cancel", async () => {
  const cases = [
    { method: "predict", run: (signal: AbortSignal) => client.predict({ prompt: "x" }, { signal }) },
    { method: "generate", run: (signal: AbortSignal) => collect(client.generate({ count: 3 }, { signal })) },
    { method: "stream", run: (signal: AbortSignal) => collect(client.stream({ items: ["a"] }, { signal })) },
  ];
  for (const { method, run } of cases) {
    reset({ [method]: { delayMs: 5000 } });
    const controller = new AbortController();
    const pending = failure(run(controller.signal));
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    assert.deepEqual((await pending).code, 40037, method);
    await waitFor(() => server.requests[0]!.cancelled);
  }
  reset();
  const aborted = AbortSignal.abort();
  assert.equal((await failure(client.predict({ prompt: "x" }, { signal: aborted }))).code, 40037);
  assert.equal(server.requests.length, 0);
});

test("the PAT never appears in an error, even when the server echoes it", async () => {
  const pat = "secret-pat-123456";
  const echoing = await startModelServer({
    handlers: { predict: (_args: unknown, ctx: { metadata: { get(k: string): unknown[] } }) => {
      throw new Error(`bad header ${String(ctx.metadata.get("authorization")[0])}`);
    } },
  });
  const patClient = createModelClient<TestClient>(signatures, { modelId: "m" }, { baseUrl: echoing.address, insecure: true, pat });
  try {
    const error = await patClient.predict({ prompt: "x" }).catch((e: unknown) => e as ClarifaiError);
    assert.ok(error instanceof ClarifaiError);
    assert.equal(error.details, "bad header Key [REDACTED]");
    assert.equal(JSON.stringify({ ...error, message: error.message, stack: error.stack }).includes(pat), false);
  } finally {
    closeClient(patClient);
    await echoing.close();
  }
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) assert.fail("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}
