/**
 * Flow control end to end: a consumer that stops pulling holds the server back (HTTP/2 flow control through the
 * transport's pause), so neither process buffers the rest of the stream; pulling again resumes it to the end. The
 * other way, a server that does not read holds back a bidi call's writes, so the caller's items are not all pulled.
 */
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { Server, ServerCredentials, status, type ServerDuplexStream } from "@grpc/grpc-js";
import { ClarifaiError, createModelClient, closeClient, type MethodSignature } from "clarifai-typed";
import { startTestServer, type TestServer } from "clarifai-typed/testing";
import { rpc } from "../../runtime/transport/method-definitions.js";

const ITEMS = 2_000;
const ITEM = "x".repeat(16 * 1024); // 2,000 × 16 KiB = 31 MiB if nothing held the server back
const signatures: MethodSignature[] = [
  { name: "generate", method_type: "UNARY_STREAMING", input_fields: [{ name: "count", type: "INT", required: true }],
    output_fields: [{ name: "return", type: "STR", iterator: true }] },
];
let produced = 0;
let server: TestServer;
let client: { generate(args: { count: number }): AsyncIterable<string> };

before(async () => {
  server = await startTestServer({
    signatures,
    recordRequests: false,
    handlers: {
      generate: function* ({ count }: { count: number }) {
        for (let i = 0; i < count; i++) {
          produced++;
          yield ITEM;
        }
      },
    },
  });
  client = createModelClient(signatures, { modelId: "m" }, { baseUrl: server.address, insecure: true });
});
after(async () => {
  closeClient(client);
  await server.close();
});

test("a consumer that stops pulling holds the server back, then gets every item", async () => {
  produced = 0;
  const stream = client.generate({ count: ITEMS })[Symbol.asyncIterator]();
  assert.equal((await stream.next()).value, ITEM);
  await sleep(300); // the consumer stalls; the server keeps writing until flow control stops it
  const heldAt = produced;
  await sleep(200);
  assert.equal(produced, heldAt, "the server went on producing while the consumer did not pull");
  assert.ok(heldAt < ITEMS / 4, `the server produced ${heldAt} of ${ITEMS} items while the consumer pulled one`);
  let received = 1;
  for (let next = await stream.next(); !next.done; next = await stream.next()) {
    assert.equal(next.value.length, ITEM.length);
    received++;
  }
  assert.equal(received, ITEMS);
  assert.equal(produced, ITEMS);
});

test("a bidi call whose server does not read stops pulling the caller's items, and an abort ends it", async () => {
  // A raw server that accepts the stream and never reads it: HTTP/2 flow control fills, writes stop completing.
  const deaf = new Server();
  const asBytes = (b: Buffer) => b;
  let cancelledAtServer = false;
  deaf.addService(
    { StreamModelOutputs: { path: rpc.streamModelOutputs.path, requestStream: true, responseStream: true,
      requestSerialize: asBytes, requestDeserialize: asBytes, responseSerialize: asBytes, responseDeserialize: asBytes } },
    {
      StreamModelOutputs: (call: ServerDuplexStream<Buffer, Buffer>) => {
        call.pause();
        call.on("cancelled", () => (cancelledAtServer = true));
      },
    },
  );
  const port = await new Promise<number>((resolve, reject) =>
    deaf.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  const chat = createModelClient<{ chat(args: { items: AsyncIterable<string> }, opts?: { signal?: AbortSignal }): AsyncIterable<string> }>(
    [{ name: "chat", method_type: "STREAMING_STREAMING", input_fields: [{ name: "items", type: "STR", required: true, iterator: true }],
      output_fields: [{ name: "return", type: "STR", iterator: true }] }],
    { modelId: "m" },
    { baseUrl: `127.0.0.1:${port}`, insecure: true, retry: false },
  );
  let pulled = 0;
  let finished = false;
  async function* endless() {
    try {
      for (;;) {
        pulled++;
        yield ITEM;
      }
    } finally {
      finished = true;
    }
  }
  const abort = new AbortController();
  try {
    const reading = (async () => {
      for await (const _ of chat.chat({ items: endless() }, { signal: abort.signal })) assert.fail("the deaf server answered");
    })();
    await sleep(300);
    const heldAt = pulled;
    await sleep(200);
    assert.equal(pulled, heldAt, "the client went on pulling items the server did not read");
    assert.ok(heldAt < 500, `the client pulled ${heldAt} items of 16 KiB while the server read none`);
    abort.abort();
    await assert.rejects(reading, (error: unknown) => error instanceof ClarifaiError && error.grpcCode === status.CANCELLED);
    await sleep(50);
    assert.ok(cancelledAtServer, "the server did not see the cancel");
  } finally {
    abort.abort();
    closeClient(chat);
    deaf.forceShutdown();
  }
  // The caller's generator is returned once the pending write gives way, so its finally block runs.
  assert.ok(finished, "the caller's iterable was left suspended");
});
