/**
 * What the proto library costs inside real calls, where the unary gap to raw grpc-js comes from.
 *
 * In a tight loop protobuf-es (de)serializes a typical request/response in about 15 µs; inside real calls, with
 * grpc-js and HTTP/2 code running between them, its reflective code is several times slower. This bench measures
 * it where it matters: during sequential unary calls to the loopback test server, the time spent building the
 * request, serializing it and deserializing the response, for protobuf-es (what the runtime used until it moved
 * to protobufjs) and for the runtime's protobufjs coders (runtime/wire, the official .proto files trimmed to the
 * fields it uses). Both encode the same messages to the same bytes (checked), and the round trip of each is timed
 * against raw grpc-js sending pre-encoded bytes, in interleaved rounds on fresh connections.
 *
 * Run: npm run build && node --import tsx bench/proto-in-call.bench.ts [--append]
 */
import { appendFileSync } from "node:fs";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { startTestServer } from "clarifai-typed/testing";
import type { MethodSignature } from "clarifai-typed";
import { encodeArguments } from "../runtime/codec/index.js";
import { MultiOutputResponseSchema, PostModelOutputsRequestSchema } from "../runtime/gen/proto/clarifai/api/service_pb.js";
import { decodeModelResponse, encodeModelRequest, rpc } from "../runtime/transport/method-definitions.js";
import { asBuffer } from "../runtime/transport/as-buffer.js";
import { median } from "./stats.js";

const CALLS = 400; // per sample
const ROUNDS = 12;
const signature: MethodSignature = {
  name: "predict", method_type: "UNARY_UNARY",
  input_fields: [{ name: "prompt", type: "STR", required: true }], output_fields: [{ name: "return", type: "STR" }],
};

async function main() {
  const server = await startTestServer({ signatures: [signature], recordRequests: false, handlers: { predict: ({ prompt }: { prompt: string }) => prompt } });
  const esRequest = () => create(PostModelOutputsRequestSchema, { modelId: "bench", inputs: [{ data: {
    metadata: { _method_name: "predict" }, parts: [{ id: "prompt", data: { stringValue: "hello" } }] } }] });
  const runtimeRequest = async () => ({ modelId: "bench", inputs: [{ data: await encodeArguments(signature, { prompt: "hello" }) }] });
  const preEncoded = asBuffer(encodeModelRequest(await runtimeRequest()));
  const same = Buffer.from(toBinary(PostModelOutputsRequestSchema, esRequest())).equals(preEncoded);

  const inCodec = { es: 0, pbjs: 0 };
  const timed = <A, R>(lib: keyof typeof inCodec, f: (a: A) => R) => (a: A): R => {
    const start = performance.now();
    try {
      return f(a);
    } finally {
      inCodec[lib] += performance.now() - start;
    }
  };
  const identity = (b: Buffer) => b;
  const esSerialize = timed("es", (m: ReturnType<typeof esRequest>) => Buffer.from(toBinary(PostModelOutputsRequestSchema, m)));
  const esDeserialize = timed("es", (b: Buffer) => fromBinary(MultiOutputResponseSchema, b));
  const pbSerialize = timed("pbjs", (m: Awaited<ReturnType<typeof runtimeRequest>>) => asBuffer(encodeModelRequest(m)));
  const pbDeserialize = timed("pbjs", decodeModelResponse);

  const variants = (raw: Client) => {
    const call = <Req>(serialize: (m: Req) => Buffer, deserialize: (b: Buffer) => unknown, request: Req) =>
      new Promise<void>((resolve, reject) => raw.makeUnaryRequest(rpc.postModelOutputs.path, serialize, deserialize, request,
        new Metadata(), {}, (error) => (error ? reject(error) : resolve())));
    return {
      raw: () => call(identity, identity, preEncoded),
      es: () => {
        const start = performance.now();
        const request = esRequest();
        inCodec.es += performance.now() - start;
        return call(esSerialize, esDeserialize, request);
      },
      pbjs: async () => {
        const start = performance.now();
        const request = await runtimeRequest();
        inCodec.pbjs += performance.now() - start;
        return call(pbSerialize, pbDeserialize, request);
      },
    };
  };
  type Name = "raw" | "es" | "pbjs";
  const times: Record<Name, number[]> = { raw: [], es: [], pbjs: [] };
  const order: Name[] = ["raw", "es", "pbjs"];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const channel = new Client(server.address, credentials.createInsecure(), {});
    const v = variants(channel);
    for (const name of order) for (let i = 0; i < 50; i++) await v[name]();
    if (round === 0) inCodec.es = inCodec.pbjs = 0; // round 0 is warm-up
    for (const name of round % 2 ? [...order].reverse() : order) {
      const start = performance.now();
      for (let i = 0; i < CALLS; i++) await v[name]();
      if (round > 0) times[name].push(((performance.now() - start) * 1000) / CALLS);
    }
    channel.close();
  }
  await server.close();

  const ratio = (name: Name) => median(times[name].map((t, i) => t / times.raw[i]!));
  const perCall = (ms: number) => ((ms * 1000) / (ROUNDS * (CALLS + 50))).toFixed(1); // timed rounds, their warm-up calls included
  const report = `
## Proto library inside real calls (bench/proto-in-call.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Sequential unary calls to the in-process test server; ${ROUNDS} interleaved rounds of ${CALLS} calls per variant on a
fresh connection each. "In the codec" = building the request + serializing it + deserializing the response, timed
inside the calls; the runtime's variant also validates and encodes the arguments (encodeArguments), protobuf-es gets
a prebuilt shape. Same request bytes from both libraries: ${same}.

| variant | round trip (µs/call) | vs raw grpc-js | in the codec (µs/call) |
| --- | ---: | ---: | ---: |
| raw grpc-js, pre-encoded bytes (baseline) | ${median(times.raw).toFixed(1)} | 1.000× | – |
| protobuf-es (building with create) | ${median(times.es).toFixed(1)} | ${ratio("es").toFixed(3)}× | ${perCall(inCodec.es)} |
| the runtime: encodeArguments + protobufjs (runtime/wire) | ${median(times.pbjs).toFixed(1)} | ${ratio("pbjs").toFixed(3)}× | ${perCall(inCodec.pbjs)} |
`;
  console.log(report);
  if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), report);
}

await main();
