/**
 * Transport overhead of the runtime against raw @grpc/grpc-js on the same loopback test server, same run:
 * unary round trip (runtime vs raw call sending pre-encoded bytes), server-streaming throughput, import time.
 * Run: node --conditions=source --import tsx bench/transport.bench.ts [--append]  (--append writes bench/RESULTS.md)
 */
import { execFileSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { create, toBinary } from "@bufbuild/protobuf";
import { createModelClient, closeClient, type MethodSignature } from "clarifai-typed";
import { startTestServer } from "clarifai-typed/testing";
import { encodeArguments } from "../runtime/codec/index.js";
import { PostModelOutputsRequestSchema } from "../runtime/gen/proto/clarifai/api/service_pb.js";

const signatures: MethodSignature[] = [
  { name: "predict", method_type: "UNARY_UNARY", input_fields: [{ name: "prompt", type: "STR", required: true }],
    output_fields: [{ name: "return", type: "STR" }] },
  { name: "generate", method_type: "UNARY_STREAMING", input_fields: [{ name: "count", type: "INT", required: true }],
    output_fields: [{ name: "return", type: "STR", iterator: true }] },
];
interface BenchClient {
  predict(args: { prompt: string }): Promise<string>;
  generate(args: { count: number }): AsyncIterable<string>;
}

const UNARY_CALLS = 3000;
const STREAM_ITEMS = 50_000;
const ROUNDS = 5;

const server = await startTestServer({
  signatures,
  handlers: {
    predict: ({ prompt }: { prompt: string }) => prompt,
    generate: function* ({ count }: { count: number }) {
      for (let i = 0; i < count; i++) yield "token";
    },
  },
});
const client = createModelClient<BenchClient>(signatures, { modelId: "bench" }, { baseUrl: server.address, insecure: true });
const raw = new Client(server.address, credentials.createInsecure());
const identity = (b: Buffer) => b;
const bytesOf = async (method: MethodSignature, args: Record<string, unknown>) =>
  Buffer.from(toBinary(PostModelOutputsRequestSchema, create(PostModelOutputsRequestSchema, {
    modelId: "bench", inputs: [{ data: await encodeArguments(method, args) }] })));
const predictBytes = await bytesOf(signatures[0]!, { prompt: "hello" });
const generateBytes = await bytesOf(signatures[1]!, { count: STREAM_ITEMS });

const rawUnary = () => new Promise<void>((resolve, reject) =>
  raw.makeUnaryRequest("/clarifai.api.V2/PostModelOutputs", identity, identity, predictBytes, new Metadata(), {},
    (error) => (error ? reject(error) : resolve())));
const rawStream = () => new Promise<number>((resolve, reject) => {
  let n = 0;
  const call = raw.makeServerStreamRequest("/clarifai.api.V2/GenerateModelOutputs", identity, identity, generateBytes, new Metadata(), {});
  call.on("data", () => n++);
  call.on("end", () => resolve(n));
  call.on("error", reject);
});

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function unaryLoop(call: () => Promise<unknown>) {
  for (let i = 0; i < UNARY_CALLS; i++) await call();
}

// Warm-up, then interleaved rounds so drift affects both sides alike.
await unaryLoop(() => client.predict({ prompt: "hello" }));
await unaryLoop(rawUnary);
const unary = { runtime: [] as number[], raw: [] as number[] };
const stream = { runtime: [] as number[], raw: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  unary.runtime.push(await time(() => unaryLoop(() => client.predict({ prompt: "hello" }))));
  unary.raw.push(await time(() => unaryLoop(rawUnary)));
  stream.runtime.push(await time(async () => {
    let n = 0;
    for await (const _ of client.generate({ count: STREAM_ITEMS })) n++;
    if (n !== STREAM_ITEMS) throw new Error(`runtime stream delivered ${n} items`);
  }));
  stream.raw.push(await time(rawStream));
}
closeClient(client);
raw.close();
await server.close();

const importMs = (specifier: string) => {
  const script = `const t=performance.now();await import(${JSON.stringify(specifier)});console.log(performance.now()-t)`;
  return median(Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, ["--conditions=source", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" }))));
};
const importRuntime = importMs("clarifai-typed");
const importGrpc = importMs("@grpc/grpc-js");

const usRuntime = (median(unary.runtime) * 1000) / UNARY_CALLS;
const usRaw = (median(unary.raw) * 1000) / UNARY_CALLS;
const mpsRuntime = STREAM_ITEMS / (median(stream.runtime) / 1000);
const mpsRaw = STREAM_ITEMS / (median(stream.raw) / 1000);
const report = `
## Transport (bench/transport.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Loopback test server, median of ${ROUNDS} interleaved rounds; baseline = raw @grpc/grpc-js on the same server with
pre-encoded request bytes and undecoded responses.

| measure | runtime | raw grpc-js | ratio | target |
| --- | --- | --- | --- | --- |
| unary round trip (µs/call, ${UNARY_CALLS} sequential) | ${usRuntime.toFixed(1)} | ${usRaw.toFixed(1)} | ${(usRuntime / usRaw).toFixed(3)}× | ≤ 1.10× |
| server streaming (messages/s, ${STREAM_ITEMS} items) | ${mpsRuntime.toFixed(0)} | ${mpsRaw.toFixed(0)} | ${(mpsRuntime / mpsRaw).toFixed(3)}× | ≥ 0.9× |
| import time (ms, tsx from source; vs importing @grpc/grpc-js alone) | ${importRuntime.toFixed(0)} | ${importGrpc.toFixed(0)} | ${(importRuntime / importGrpc).toFixed(2)}× | – |
`;
console.log(report);
if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), report);
