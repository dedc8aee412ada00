/**
 * Flow control end to end: a consumer that stops pulling holds the server back (HTTP/2 flow control through the
 * transport's pause), so neither process buffers the rest of the stream; pulling again resumes it to the end.
 */
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { createModelClient, closeClient, type MethodSignature } from "clarifai-typed";
import { startTestServer, type TestServer } from "clarifai-typed/testing";

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
