/**
 * Where the runtime's unary overhead over raw grpc-js goes: the same sequential unary call to the in-process test
 * server, built up step by step from raw grpc-js (pre-encoded bytes) to the full generated-client call. Interleaved
 * rounds on fresh connections; each step's figure is the median of per-round ratios against raw.
 *
 * Run: npm run build && node --import tsx bench/unary-breakdown.bench.ts [--append]  (--append writes
 * bench/RESULTS.md). The client and the server are the compiled build ("clarifai-typed"); the intermediate steps
 * call runtime modules from source, under tsx.
 */
import { appendFileSync } from "node:fs";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { createModelClient, closeClient, type MethodSignature } from "clarifai-typed";
import { startTestServer } from "clarifai-typed/testing";
import { decodeResult, encodeArguments } from "../runtime/codec/index.js";
import { decodeModelResponse, encodeModelRequest, rpc } from "../runtime/transport/method-definitions.js";
import { asBuffer } from "../runtime/transport/as-buffer.js";
import { unaryCall } from "../runtime/transport/calls.js";
import { DEFAULT_MAX_MESSAGE_BYTES } from "../runtime/transport/channel.js";

const signature: MethodSignature = { name: "predict", method_type: "UNARY_UNARY",
  input_fields: [{ name: "prompt", type: "STR", required: true }], output_fields: [{ name: "return", type: "STR" }] };
const CALLS = 400;
const ROUNDS = 9;

const server = await startTestServer({ signatures: [signature], recordRequests: false, handlers: { predict: ({ prompt }: { prompt: string }) => prompt } });
const prebuilt = { modelId: "bench", inputs: [{ data: await encodeArguments(signature, { prompt: "hello" }) }] };
const serialize = (request: typeof prebuilt) => asBuffer(encodeModelRequest(request));
const bytes = serialize(prebuilt);
const identity = (b: Buffer) => b;

function steps(channel: Client, client: { predict(a: { prompt: string }): Promise<string> }) {
  const call = <Req, Res>(serialize: (r: Req) => Buffer, deserialize: (b: Buffer) => Res, request: Req) =>
    new Promise<Res>((resolve, reject) => channel.makeUnaryRequest(rpc.postModelOutputs.path, serialize, deserialize, request,
      new Metadata(), {}, (error, response) => (error ? reject(error) : resolve(response!))));
  return {
    "raw grpc-js, pre-encoded bytes": () => call(identity, identity, bytes),
    "raw grpc-js again (noise floor)": () => call(identity, identity, bytes),
    "+ protobufjs serialize only": () => call(serialize, identity, prebuilt),
    "+ protobufjs deserialize only": () => call(identity, decodeModelResponse, bytes),
    "+ protobufjs serialize/deserialize": () => call(serialize, decodeModelResponse, prebuilt),
    "+ encodeArguments, decodeResult": async () => {
      const request = { modelId: "bench", inputs: [{ data: await encodeArguments(signature, { prompt: "hello" }) }] };
      const response = await call(serialize, decodeModelResponse, request);
      return decodeResult(signature, response.outputs[0]!.data);
    },
    "transport unaryCall (pre-encoded request)": () => unaryCall(channel, rpc.postModelOutputs, bytes, { metadata: new Metadata() }),
    "full client.predict": () => client.predict({ prompt: "hello" }),
  };
}

type Name = keyof ReturnType<typeof steps>;
const times = new Map<Name, number[]>();
let stepNames: Name[] = [];
for (let round = 0; round <= ROUNDS; round++) {
  const channel = new Client(server.address, credentials.createInsecure(), {
    "grpc.max_send_message_length": DEFAULT_MAX_MESSAGE_BYTES, "grpc.max_receive_message_length": DEFAULT_MAX_MESSAGE_BYTES });
  const client = createModelClient<{ predict(a: { prompt: string }): Promise<string> }>([signature], { modelId: "bench" },
    { baseUrl: server.address, insecure: true });
  const all = steps(channel, client);
  const names = Object.keys(all) as Name[];
  stepNames = names;
  for (const name of names) for (let i = 0; i < 30; i++) await all[name]();
  for (const name of round % 2 ? [...names].reverse() : names) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) await all[name]();
    if (round > 0) times.set(name, [...(times.get(name) ?? []), ((performance.now() - start) * 1000) / CALLS]);
  }
  channel.close();
  closeClient(client);
}
await server.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const raw = times.get("raw grpc-js, pre-encoded bytes")!;
const rows = stepNames.map((name) => [name, times.get(name)!] as const).map(([name, xs]) =>
  `| ${name} | ${median(xs).toFixed(1)} | ${median(xs.map((x, i) => x / raw[i]!)).toFixed(3)}× |`);
const report = `
## Unary call, step by step (bench/unary-breakdown.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Sequential unary calls to the in-process test server, ${ROUNDS} interleaved rounds of ${CALLS} calls per step on fresh
connections; ratio = median of per-round ratios to raw grpc-js sending pre-encoded bytes.

| step | µs/call | vs raw |
| --- | ---: | ---: |
${rows.join("\n")}
`;
console.log(report);
if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), report);
