/**
 * Hostile arguments through a real client: each is refused before anything reaches the server (the test server
 * counts requests), with an ArgumentError naming the method and the parameter. Stream items that turn bad
 * half-way are refused the same way and end the call. Messages over the size limit fail with a clear error.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ArgumentError, ClarifaiError, Image, createModelClient, closeClient, type MethodSignature } from "clarifai-typed";
import { startTestServer, type TestServer } from "clarifai-typed/testing";
import { StatusCode } from "../../runtime/gen/proto/clarifai/api/status/status_code_pb.js";
import { vectorsDir } from "../codec/vector-support.js";
import { waitUntil } from "./support/load-measure.js";

const peer = (JSON.parse(readFileSync(path.join(vectorsDir, "signatures.json"), "utf8")) as { signatures: MethodSignature[] }).signatures;
type Call = (args: unknown, options?: object) => Promise<unknown> | AsyncIterable<unknown>;

let server: TestServer;
let client: Record<string, Call>;
before(async () => {
  server = await startTestServer({
    signatures: peer,
    handlers: {
      predict: ({ prompt }: { prompt: string }) => (prompt === "big" ? "y".repeat(256 * 1024) : "ok"),
      json_echo: ({ data }: { data: unknown }) => data,
      generate: function* () {
        yield "ok";
      },
      stream: async function* ({ input_iterator }: { input_iterator: AsyncIterable<string> }) {
        for await (const item of input_iterator) yield item;
      },
    },
  });
  client = createModelClient(peer, { modelId: "peer" }, { baseUrl: server.address, insecure: true, retry: false });
});
after(async () => {
  closeClient(client);
  await server.close();
});

const cyclic: Record<string, unknown> = { a: 1 };
cyclic["self"] = cyclic;
const deepJson = (depth: number) => {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { v: value };
  return value;
};
const sparse = new Array<string>(2 ** 32 - 1); // the longest array JS allows, all holes
// eslint-disable-next-line no-sparse-arrays
const withHole = ["a", , "b"];
const fakeNdarray = { dtype: "float32", shape: [2], data: new Int32Array(2) };

const cases: { name: string; method: string; args: Record<string, unknown>; parameter: string }[] = [
  { name: "cyclic object for JSON_DATA", method: "json_echo", args: { data: cyclic }, parameter: "data.self" },
  { name: "JSON 10,000 levels deep", method: "json_echo", args: { data: deepJson(10_000) }, parameter: `data${".v".repeat(32)}` },
  { name: "a JSON array with a hole", method: "json_echo", args: { data: { list: withHole } }, parameter: "data.list[1]" },
  { name: "NaN for FLOAT", method: "predict", args: { prompt: "x", temperature: NaN }, parameter: "temperature" },
  { name: "-Infinity for FLOAT", method: "predict", args: { prompt: "x", temperature: -Infinity }, parameter: "temperature" },
  { name: "NaN for INT", method: "predict", args: { prompt: "x", max_tokens: NaN }, parameter: "max_tokens" },
  { name: "Infinity for INT", method: "predict", args: { prompt: "x", max_tokens: Infinity }, parameter: "max_tokens" },
  { name: "bigint above int64", method: "predict", args: { prompt: "x", max_tokens: 2n ** 63n }, parameter: "max_tokens" },
  { name: "bigint below int64", method: "predict", args: { prompt: "x", max_tokens: -(2n ** 63n) - 1n }, parameter: "max_tokens" },
  { name: "typed array instead of NDArray", method: "array_scale", args: { arr: new Float32Array(4) }, parameter: "arr" },
  { name: "NDArray look-alike with an Int32Array for float32", method: "array_scale", args: { arr: fakeNdarray }, parameter: "arr" },
  { name: "Image from a missing file", method: "image_size", args: { image: Image.fromFile("/nonexistent/missing.png") }, parameter: "image" },
  { name: "a list with a hole", method: "list_mix", args: { texts: withHole, images: [] }, parameter: "texts[1]" },
  { name: "a 2^32-1 long sparse array", method: "list_mix", args: { texts: sparse, images: [] }, parameter: "texts[0]" },
  { name: "a list of 1,000,000 strings with one number", method: "list_mix", args: { texts: hugeWithOneBad(), images: [] }, parameter: "texts[999999]" },
  { name: "server streaming: INT as a string", method: "generate", args: { prompt: "x", n: "3" }, parameter: "n" },
  { name: "bidi: first item not a string", method: "stream", args: { input_iterator: [7] }, parameter: "input_iterator" },
];

function hugeWithOneBad(): unknown[] {
  const list: unknown[] = new Array(1_000_000).fill("a");
  list[999_999] = 42;
  return list;
}

for (const c of cases) {
  test(`${c.name}: ArgumentError naming ${c.method}(${c.parameter}), nothing sent`, { timeout: 10_000 }, async () => {
    const sent = server.requests.length;
    const error = await outcome(client[c.method]!(c.args));
    assert.ok(error instanceof ArgumentError, `want an ArgumentError, got ${String(error)}`);
    assert.deepEqual({ method: error.method, parameter: error.parameter }, { method: c.method, parameter: c.parameter });
    assert.ok(error.message.startsWith(`${c.method}: argument "${c.parameter}" must be `), error.message);
    assert.equal(server.requests.length, sent, "requests the server received");
  });
}

test("batch: the bad item is named by its index; a file read still pending elsewhere in the batch is no unhandled rejection", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const sent = server.requests.length;
    const batch = [{ image: Image.fromFile("/nonexistent/first.png") }, { image: Image.fromBytes(new Uint8Array(4)) }, { image: 42 }];
    const error = await outcome(client["image_size"]!(batch));
    assert.ok(error instanceof ArgumentError, `want an ArgumentError, got ${String(error)}`);
    assert.deepEqual({ parameter: error.parameter, batchIndex: error.batchIndex }, { parameter: "image", batchIndex: 2 });
    assert.ok(error.message.startsWith('image_size: argument "image" of batch item 2 must be Image'), error.message);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the missing file's read settles meanwhile
    assert.deepEqual(unhandled, []);
    assert.equal(server.requests.length, sent, "requests the server received");
    const missing = await outcome(client["image_size"]!([{ image: Image.fromBytes(new Uint8Array(4)) }, { image: Image.fromFile("/nonexistent/second.png") }]));
    assert.ok(missing instanceof ArgumentError && missing.batchIndex === 1, String(missing));
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});

test("bidi: a bad second item ends the call with an ArgumentError naming the stream parameter; the first was answered", async () => {
  let firstAnswered = () => {};
  const answered = new Promise<void>((resolve) => (firstAnswered = resolve));
  async function* items() {
    yield "a";
    await answered;
    yield NaN;
  }
  const received: unknown[] = [];
  const error = await outcome(client.stream!({ input_iterator: items() }), received, firstAnswered);
  assert.ok(error instanceof ArgumentError, String(error));
  assert.deepEqual({ method: error.method, parameter: error.parameter, received }, { method: "stream", parameter: "input_iterator", received: ["a"] });
  const call = server.requests.at(-1)!;
  assert.deepEqual({ rpc: call.rpc, messages: call.messages.length }, { rpc: "StreamModelOutputs", messages: 1 });
  await waitUntil(() => call.cancelled);
  assert.equal(call.cancelled, true, "the server saw the call cancelled");
});

test("an argument over maxMessageBytes: a clear error, nothing received by the server", async () => {
  const small = createModelClient<Record<string, Call>>(peer, { modelId: "peer" }, { baseUrl: server.address, insecure: true, retry: false, maxMessageBytes: 64 * 1024 });
  try {
    const sent = server.requests.length;
    const error = await outcome(small.predict!({ prompt: "x".repeat(256 * 1024) }));
    assert.ok(error instanceof ClarifaiError, String(error));
    assert.deepEqual({ code: error.code, method: error.method }, { code: StatusCode.RPC_MAX_MESSAGE_SIZE_EXCEEDED, method: "predict" }, error.message);
    assert.match(error.message, /maxMessageBytes/);
    assert.equal(server.requests.length, sent);
  } finally {
    closeClient(small);
  }
});

test("a response over maxMessageBytes: a clear error naming the limit, not an out-of-memory", async () => {
  const small = createModelClient<Record<string, Call>>(peer, { modelId: "peer" }, { baseUrl: server.address, insecure: true, retry: false, maxMessageBytes: 64 * 1024 });
  try {
    const error = await outcome(small.predict!({ prompt: "big" }));
    assert.ok(error instanceof ClarifaiError, String(error));
    assert.deepEqual({ code: error.code, method: error.method }, { code: StatusCode.RPC_MAX_MESSAGE_SIZE_EXCEEDED, method: "predict" }, error.message);
    assert.match(error.message, /maxMessageBytes/);
  } finally {
    closeClient(small);
  }
});

/** The error a call (promise or stream) ends with, or undefined; stream items go to `received`. */
async function outcome(call: Promise<unknown> | AsyncIterable<unknown>, received: unknown[] = [], onItem = () => {}): Promise<unknown> {
  try {
    if (Symbol.asyncIterator in call) {
      for await (const item of call) {
        received.push(item);
        onItem();
      }
    }
    else await call;
    return undefined;
  } catch (error) {
    return error;
  }
}
