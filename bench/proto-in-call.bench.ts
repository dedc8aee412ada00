/**
 * What the proto library costs inside real calls, where the unary gap to raw grpc-js comes from.
 *
 * In a tight loop protobuf-es (de)serializes a typical request/response in about 15 µs; inside real calls, with
 * grpc-js and HTTP/2 code running between them, its reflective code is several times slower. This bench measures
 * it where it matters: during sequential unary calls to the loopback test server, the time spent building the
 * request, serializing it and deserializing the response, for protobuf-es (what the runtime uses) and for
 * protobufjs static code generated (into a temporary folder, at run time) from the same official .proto files.
 * Both encode the same messages to the same bytes (checked), and the round trip of each is timed against raw
 * grpc-js sending pre-encoded bytes, in interleaved rounds on fresh connections.
 *
 * Run: npm run build && node --import tsx bench/proto-in-call.bench.ts [--append]
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- protobufjs static code is loaded at run time, untyped; this bench compares speed only. */
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { create, toBinary } from "@bufbuild/protobuf";
import { startTestServer } from "clarifai-typed/testing";
import type { MethodSignature } from "clarifai-typed";
import { encodeArguments } from "../runtime/codec/index.js";
import { InputSchema } from "../runtime/gen/proto/clarifai/api/resources_pb.js";
import { PostModelOutputsRequestSchema } from "../runtime/gen/proto/clarifai/api/service_pb.js";
import { rpc } from "../runtime/transport/method-definitions.js";

const CALLS = 400; // per sample
const ROUNDS = 12;
const signature: MethodSignature = {
  name: "predict", method_type: "UNARY_UNARY",
  input_fields: [{ name: "prompt", type: "STR", required: true }], output_fields: [{ name: "return", type: "STR" }],
};

/**
 * protobufjs static code for the official service.proto, generated with pbjs into a temporary folder under
 * node_modules/.cache (so that its `require("protobufjs/minimal")` resolves to this project's copy).
 */
function protobufjsModule(): { api: any; dispose(): void } {
  const require = createRequire(import.meta.url);
  const cache = fileURLToPath(new URL("../node_modules/.cache/", import.meta.url));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, "pbjs-"));
  const out = join(dir, "service.cjs");
  const modules = fileURLToPath(new URL("../node_modules/", import.meta.url));
  const grpcRoot = join(modules, "clarifai-nodejs-grpc");
  const googleRoot = join(modules, "google-proto-files");
  execFileSync(process.execPath, [require.resolve("protobufjs-cli/bin/pbjs"), "-t", "static-module", "-w", "commonjs",
    "--no-verify", "--no-convert", "--no-delimited", "--no-comments", "-p", grpcRoot, "-p", googleRoot,
    join(grpcRoot, "proto/clarifai/api/service.proto"), "-o", out]);
  const api = (createRequire(out)(out) as any).clarifai.api;
  return { api, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main() {
  const pbjs = protobufjsModule();
  const server = await startTestServer({ signatures: [signature], handlers: { predict: ({ prompt }: { prompt: string }) => prompt } });
  const preEncoded = Buffer.from(toBinary(PostModelOutputsRequestSchema, create(PostModelOutputsRequestSchema, {
    modelId: "bench", inputs: [{ data: await encodeArguments(signature, { prompt: "hello" }) }] })));
  const pbjsRequest = () => ({ modelId: "bench", inputs: [{ data: {
    metadata: { fields: { _method_name: { stringValue: "predict" } } }, parts: [{ id: "prompt", data: { stringValue: "hello" } }] } }] });
  const same = Buffer.from(pbjs.api.PostModelOutputsRequest.encode(pbjsRequest()).finish()).equals(preEncoded);

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
  const esSerialize = timed("es", rpc.postModelOutputs.requestSerialize);
  const esDeserialize = timed("es", rpc.postModelOutputs.responseDeserialize);
  const pbSerialize = timed("pbjs", (m: object) => pbjs.api.PostModelOutputsRequest.encode(m).finish() as Buffer);
  const pbDeserialize = timed("pbjs", (b: Buffer) => pbjs.api.MultiOutputResponse.decode(b) as object);

  const variants = (raw: Client) => {
    const call = (serialize: (m: any) => Buffer, deserialize: (b: Buffer) => unknown, request: unknown) =>
      new Promise<void>((resolve, reject) => raw.makeUnaryRequest(rpc.postModelOutputs.path, serialize, deserialize, request,
        new Metadata(), {}, (error) => (error ? reject(error) : resolve())));
    return {
      raw: () => call(identity, identity, preEncoded),
      es: async () => {
        const start = performance.now();
        const request = create(PostModelOutputsRequestSchema, { modelId: "bench",
          inputs: [create(InputSchema, { data: await encodeArguments(signature, { prompt: "hello" }) })] });
        inCodec.es += performance.now() - start;
        return call(esSerialize, esDeserialize, request);
      },
      pbjs: () => {
        const start = performance.now();
        const request = pbjsRequest();
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
  pbjs.dispose();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const ratio = (name: Name) => median(times[name].map((t, i) => t / times.raw[i]!));
  const perCall = (ms: number) => ((ms * 1000) / (ROUNDS * (CALLS + 50))).toFixed(1); // timed rounds, their warm-up calls included
  const report = `
## Proto library inside real calls (bench/proto-in-call.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Sequential unary calls to the in-process test server; ${ROUNDS} interleaved rounds of ${CALLS} calls per variant on a
fresh connection each. "In the codec" = building the request + serializing it + deserializing the response, timed
inside the calls. Same request bytes from both libraries: ${same}.

| variant | round trip (µs/call) | vs raw grpc-js | in the codec (µs/call) |
| --- | ---: | ---: | ---: |
| raw grpc-js, pre-encoded bytes (baseline) | ${median(times.raw).toFixed(1)} | 1.000× | – |
| protobuf-es (the runtime's) | ${median(times.es).toFixed(1)} | ${ratio("es").toFixed(3)}× | ${perCall(inCodec.es)} |
| protobufjs static code | ${median(times.pbjs).toFixed(1)} | ${ratio("pbjs").toFixed(3)}× | ${perCall(inCodec.pbjs)} |
`;
  console.log(report);
  if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), report);
}

await main();
