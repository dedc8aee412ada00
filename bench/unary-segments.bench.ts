/**
 * Where a unary call's time goes, inside real calls: the runtime's own synchronous work before grpc-js is asked to
 * send (validation, encoding, routing, protobufjs), the time from there to grpc-js' callback (grpc-js, the network
 * and the server), and the runtime's work from that callback to the caller's result (decoding, promise hops),
 * against the same segments of a raw grpc-js call that sends pre-encoded bytes and decodes nothing, and of a raw call
 * that does the codec work any typed client must do (encode the arguments, decode the result) with the runtime's codec.
 * Raw calls go through grpc-js' Client (`makeUnaryRequest`) or one layer lower, through the channel's call API, as the
 * runtime does.
 *
 * The segments are cut at the channel layer, which every variant goes through: a timestamp when
 * `Channel.prototype.createCall` is called and one when the call's listener gets the status. So the Client layer's
 * own work shows in the raw Client rows' "before" and "after" segments. Work inside real calls runs with cold caches,
 * several times slower than in a tight loop, so this is the figure to compare with the round trip. Server in a child
 * process (as in production) and in this process.
 *
 * Run: npm run build && node --import tsx bench/unary-segments.bench.ts [--append]  (--append writes bench/RESULTS.md)
 */
import v8 from "node:v8";
import { Channel, Client, credentials, Metadata } from "@grpc/grpc-js";
import { createModelClient, closeClient } from "clarifai-typed";
import type { ArgumentData } from "../runtime/wire/request-encoder.js";
import {
  benchSignatures, childProcessServer, inProcessServer, publish, rawChannelUnary, serveIfChild, type BenchClient, type Placement,
} from "./bench-model.js";
import { median } from "./stats.js";
import { built } from "./built.js";

const { encodeArguments, encodeArgumentsNow, decodeResult } = (await import(built("codec/index.js"))) as typeof import("../runtime/codec/index.js");
const { asBuffer } = (await import(built("transport/as-buffer.js"))) as typeof import("../runtime/transport/as-buffer.js");
const { channelOptions } = (await import(built("transport/channel.js"))) as typeof import("../runtime/transport/channel.js");
const { encodeModelRequest, decodeModelResponse, rpc } = (await import(built("transport/method-definitions.js"))) as typeof import("../runtime/transport/method-definitions.js");
const { RequestEncoder } = (await import(built("wire/request-encoder.js"))) as typeof import("../runtime/wire/request-encoder.js");

const signature = benchSignatures[0]!;
const CALLS = 1000; // per sample
const ROUNDS = 10; // after 2 warm-up rounds

/** The moments grpc-js was asked for the call and reported its status, for the call in flight (calls are sequential). */
const moments = { send: 0, callback: 0 };
type GrpcCall = ReturnType<Channel["createCall"]>;
const createCall = Channel.prototype.createCall;
Channel.prototype.createCall = function (this: Channel, ...args: Parameters<Channel["createCall"]>): GrpcCall {
  moments.send = performance.now();
  const call = createCall.apply(this, args);
  const start = call.start.bind(call);
  call.start = (metadata, listener) => start(metadata, {
    onReceiveMetadata: (received) => listener.onReceiveMetadata(received),
    onReceiveMessage: (message) => listener.onReceiveMessage(message),
    onReceiveStatus: (status) => {
      moments.callback = performance.now();
      listener.onReceiveStatus(status);
    },
  });
  return call;
};

interface Segments { before: number; between: number; after: number; total: number; cpu: number; allocated: number }

/** The clients compared, in table order. */
const CLIENTS = {
  rawDefault: "raw grpc-js, grpc-js' default channel options",
  raw: "raw grpc-js, the runtime's channel options",
  rawChannel: "raw grpc-js on the channel call API",
  rawChannelCodec: "raw grpc-js on the channel call API + the runtime's codec (encodes the arguments, decodes the result)",
  runtime: "runtime",
} as const;
type ClientName = keyof typeof CLIENTS;

async function measure(address: string): Promise<Record<ClientName, Segments>> {
  const runtime = createModelClient<BenchClient>(benchSignatures, { modelId: "bench" }, { baseUrl: address, insecure: true });
  const raw = new Client(address, credentials.createInsecure(), channelOptions());
  const rawDefault = new Client(address, credentials.createInsecure(), {});
  const bytes = asBuffer(encodeModelRequest({ modelId: "bench", inputs: [{ data: await encodeArguments(signature, { prompt: "hello" }) }] }));
  const identity = (b: Buffer) => b;
  const rawCall = (channel: Client) => () => new Promise((resolve, reject) => channel.makeUnaryRequest(rpc.postModelOutputs.path,
    identity, identity, bytes, new Metadata(), {}, (error, value) => (error ? reject(error) : resolve(value))));
  // The work any typed client does and raw grpc-js with pre-encoded bytes does not: validate and encode the arguments,
  // decode the response and its result. The difference to the runtime row is the runtime's own plumbing (options,
  // routing, retries, error mapping, promises).
  const encoder = new RequestEncoder({ modelId: "bench" });
  const calls: Record<ClientName, () => Promise<unknown>> = {
    rawDefault: rawCall(rawDefault),
    raw: rawCall(raw),
    rawChannel: () => rawChannelUnary(raw, bytes),
    rawChannelCodec: () =>
      rawChannelUnary(raw, asBuffer(encoder.encode([encodeArgumentsNow(signature, { prompt: "hello" }) as ArgumentData])))
        .then((answer) => decodeResult(signature, decodeModelResponse(answer).outputs[0]?.data)),
    runtime: () => runtime.predict({ prompt: "hello" }),
  };
  const names = Object.keys(CLIENTS) as ClientName[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as Segments[]])) as Record<ClientName, Segments[]>;
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) {
      const sum: Segments = { before: 0, between: 0, after: 0, total: 0, cpu: 0, allocated: 0 };
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < CALLS; i++) {
        const called = performance.now();
        await calls[name]();
        const done = performance.now();
        sum.before += moments.send - called;
        sum.between += moments.callback - moments.send;
        sum.after += done - moments.callback;
      }
      sum.total = performance.now() - start;
      const used = process.cpuUsage(cpu);
      sum.cpu = (used.user + used.system) / 1000;
      if (round >= 2) samples[name].push(sum);
    }
  }
  const allocated: Partial<Record<ClientName, number>> = {};
  for (const name of names) allocated[name] = await bytesPerCall(calls[name]); // one client at a time
  closeClient(runtime);
  raw.close();
  rawDefault.close();
  const perCall = (name: ClientName): Segments => {
    const of = (key: keyof Segments) => (median(samples[name].map((s) => s[key])) * 1000) / CALLS; // ms per sample → µs per call
    return { before: of("before"), between: of("between"), after: of("after"), total: of("total"), cpu: of("cpu"), allocated: allocated[name]! };
  };
  return Object.fromEntries(names.map((name) => [name, perCall(name)])) as Record<ClientName, Segments>;
}

/**
 * JavaScript heap allocated per call (this process, client and an in-process server alike): the young generation's
 * growth over 20 sequential calls, median of the runs of 20 that no scavenge interrupted. Allocation is what
 * young-generation GCs and cache misses scale with.
 */
async function bytesPerCall(call: () => Promise<unknown>): Promise<number> {
  const youngUsed = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space")!.space_used_size;
  const runs: number[] = [];
  for (let run = 0; run < 200; run++) {
    const before = youngUsed();
    for (let i = 0; i < 20; i++) await call();
    const grown = youngUsed() - before;
    if (grown > 0) runs.push(grown / 20);
  }
  return median(runs);
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const row = (placement: string, name: string, s: Segments) =>
    `| ${placement} | ${name} | ${s.before.toFixed(1)} | ${s.between.toFixed(1)} | ${s.after.toFixed(1)} | ${s.total.toFixed(1)} | ${s.cpu.toFixed(1)} | ${(s.allocated / 1024).toFixed(1)} |`;
  const placements = [["child process", () => childProcessServer(import.meta.filename)], ["this process", inProcessServer]] as const;
  for (const [name, start] of placements) {
    const server: Placement = await start();
    try {
      const result = await measure(server.address);
      for (const client of Object.keys(CLIENTS) as ClientName[]) rows.push(row(name, CLIENTS[client], result[client]));
    } finally {
      await server.close();
    }
  }
  const report = `
## Unary call segments (bench/unary-segments.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Sequential unary calls, median of ${ROUNDS} interleaved samples of ${CALLS} calls; µs per call. "Before send" = from the
call to grpc-js' \`Channel.createCall\`; "grpc-js + server" = from there to the status reaching the call's listener;
"after status" = from there to the caller's result (a raw Client row's before and after include the Client layer);
CPU = this process's CPU time (a child-process server's is not counted); KiB = JavaScript
heap allocated per call in this process (young-generation growth over 20 calls, median of the runs no GC interrupted).

| server | client | before send | grpc-js + server | after status | round trip | client CPU | KiB allocated |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}
`;
  publish(report);
}

if (!(await serveIfChild())) await main();
