/**
 * Fuzzing the client's response decoder with hostile MultiOutputResponse bytes: recorded responses mutated byte
 * by byte, generated ones, and a recorded response decoded against every other signature. Every input must
 * end in a typed result or a typed error — never a TypeError, RangeError, hang or leak. In-process this runs
 * the exact steps the client runs after gRPC (deserialize, check the status and outputs, decode by signature);
 * a sample also goes through a real client and a raw gRPC server.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { Server, ServerCredentials, type ServiceDefinition } from "@grpc/grpc-js";
import { ClarifaiError, createModelClient, closeClient, type MethodSignature } from "clarifai-typed";
import { rpc } from "../../runtime/transport/method-definitions.js";
import { checkedOutputs, readResponse } from "../../runtime/client/response-status.js";
import { decodeResult } from "../../runtime/codec/index.js";
import { deeplyNestedResponse, generatedResponse, mutatedResponse } from "./support/response-arbitraries.js";
import { responseSeeds, type ResponseSeed } from "./support/response-seeds.js";

const seeds = responseSeeds();
const signatures = [...new Map(seeds.map((s) => [s.signature.name + JSON.stringify(s.signature), s.signature])).values()];
const counts: Record<string, number> = {};
const tally = (key: string) => void (counts[key] = (counts[key] ?? 0) + 1);

type Outcome = "result" | "ClarifaiError" | "not a MultiOutputResponse";

/** What the client does with the bytes of one response (unary-method.ts, response-status.ts). */
function decodeResponse(signature: MethodSignature, bytes: Uint8Array, expectedOutputs: number): Outcome {
  let message;
  try {
    message = readResponse(bytes, signature.name, "PostModelOutputs");
  } catch (error) {
    if (error instanceof ClarifaiError && error.description === "malformed response") return "not a MultiOutputResponse";
    throw error;
  }
  try {
    for (const output of checkedOutputs(message, signature.name, expectedOutputs)) decodeResult(signature, output.data);
    return "result";
  } catch (error) {
    if (error instanceof ClarifaiError) return "ClarifaiError";
    throw error; // an untyped failure: the property fails and fast-check shrinks it
  }
}

const gc = exposeGc();
const heapBefore = heapAfterGc();

test("5,000 recorded responses with byte-level mutations decode to a result or a ClarifaiError", () => {
  fc.assert(
    fc.property(mutatedResponse(seeds), ({ seed, bytes }) => void tally(`mutated: ${decodeResponse(seed.signature, bytes, seed.outputs)}`)),
    { numRuns: 5_000, seed: 6 },
  );
});

test("5,000 generated responses decode to a result or a ClarifaiError under every signature", () => {
  fc.assert(
    fc.property(generatedResponse, fc.constantFrom(...signatures), fc.integer({ min: 1, max: 3 }), (bytes, signature, expected) =>
      void tally(`generated: ${decodeResponse(signature, bytes, expected)}`)),
    { numRuns: 5_000, seed: 6 },
  );
});

test("every recorded response decoded against every signature (wrong types) gives a result or a ClarifaiError", () => {
  for (const seed of seeds) for (const signature of signatures) tally(`cross-signature: ${decodeResponse(signature, seed.bytes, seed.outputs)}`);
  assert.equal(seeds.length * signatures.length >= 2_000, true, `${seeds.length} × ${signatures.length} pairs`);
});

test("absurd nesting: parts nested 100 and 5,000 deep are refused or decoded, never a stack overflow", () => {
  const nestedList: MethodSignature = { name: "nest", method_type: "UNARY_UNARY", output_fields: [{ name: "return", type: "LIST", type_args: [{ name: "x", type: "STR" }] }] };
  for (const depth of [100, 5_000]) {
    const outcome = decodeResponse(nestedList, deeplyNestedResponse(depth), 1);
    tally(`nested ${depth}: ${outcome}`);
    assert.notEqual(outcome, "result", "a list of strings cannot be 100 levels of parts");
  }
});

test("a sample of mutated responses through a real client: the same typed outcomes over gRPC", async () => {
  const sample = fc.sample(mutatedResponse(seeds.filter((s) => s.outputs === 1 && s.signature.method_type === "UNARY_UNARY")), { numRuns: 300, seed: 7 });
  let next: Uint8Array = new Uint8Array();
  const server = new Server();
  server.addService({ PostModelOutputs: { ...rpc.postModelOutputs, responseSerialize: (b: Uint8Array) => Buffer.from(b) } } as unknown as ServiceDefinition, {
    PostModelOutputs: (_call: unknown, callback: (e: null, r: Uint8Array) => void) => callback(null, next),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  try {
    for (const { seed, bytes } of sample) {
      const client = clientFor(seed, port);
      next = bytes;
      const want = decodeResponse(seed.signature, bytes, 1);
      const got = await (client[seed.signature.name] as (a: object, o: object) => Promise<unknown>)({}, { retry: false }).then(
        () => "result",
        (error: unknown) => (error instanceof ClarifaiError ? "ClarifaiError" : `untyped ${String(error)}`),
      );
      tally(`over gRPC: ${got}`);
      assert.equal(got, want === "result" ? "result" : "ClarifaiError", seed.name);
    }
  } finally {
    for (const client of clients.values()) closeClient(client);
    server.forceShutdown();
  }
});

const clients = new Map<string, Record<string, unknown>>();
function clientFor(seed: ResponseSeed, port: number): Record<string, unknown> {
  const key = JSON.stringify(seed.signature);
  let client = clients.get(key);
  if (!client) {
    // The arguments are not what we test: give the signature no required inputs so any call is sent.
    const signature = { ...seed.signature, input_fields: [] };
    client = createModelClient<Record<string, unknown>>([signature], { modelId: "fuzz" }, { baseUrl: `127.0.0.1:${port}`, insecure: true });
    clients.set(key, client);
  }
  return client;
}

test("no leak: the heap after ~10,000 decodes and a GC is within 16 MiB of the heap before", () => {
  const grew = heapAfterGc() - heapBefore;
  tally(`heap growth KiB: ${Math.round(grew / 1024)}`);
  assert.ok(grew < 16 * 1024 * 1024, `heap grew by ${grew} bytes`);
});

after(() => {
  const total = Object.entries(counts).filter(([k]) => !k.startsWith("heap")).reduce((sum, [, n]) => sum + n, 0);
  console.log(`# response fuzz: ${total} messages`, JSON.stringify(counts, null, 1));
});

function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
