/**
 * Transport overhead of the runtime against raw @grpc/grpc-js on the same loopback test server, same run:
 * unary round trip (runtime vs a raw call sending pre-encoded bytes), server-streaming throughput, import time.
 *
 * The machine is shared and noisy, so each figure is the median of many short paired samples: every round runs
 * the runtime and the raw call as runtime, raw, raw, runtime in even rounds and raw, runtime, runtime, raw in odd
 * ones (so drift, and whatever the previous sample leaves behind such as GC work, hit both alike) on a fresh
 * pair of connections, and the reported ratio is the median of the per-round ratios, with its spread. Two server placements: in this process
 * (client and server share one thread: the ratio shows the client's CPU cost per message) and a child process
 * (as in production, the server works in parallel with the client).
 *
 * Run: npm run build && node --import tsx bench/transport.bench.ts [--append] [--rounds=N] [--unary-calls=N]
 * (--append writes bench/RESULTS.md; defaults: 25 rounds, 500 unary calls per sample)
 * Without `--conditions=source`, "clarifai-typed" is the compiled build (what users run). With it, the runtime
 * is the TypeScript source under tsx, whose keepNames helper adds an Object.defineProperty to every closure
 * created, which inflates per-call costs.
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { existsSync } from "node:fs";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { createModelClient, closeClient, type MethodSignature } from "clarifai-typed";
import { encodeArguments } from "../runtime/codec/index.js";
import { channelOptions } from "../runtime/transport/channel.js";
import { encodeModelRequest } from "../runtime/transport/method-definitions.js";
import { asBuffer } from "../runtime/transport/as-buffer.js";
import {
  benchSignatures as signatures, childProcessServer, inProcessServer, publish, rawChannelUnary, serveIfChild, type BenchClient,
  type Placement,
} from "./bench-model.js";
import { median, option, quartiles } from "./stats.js";

const UNARY_CALLS = Number(option("unary-calls") ?? 500); // per sample
const STREAM_ITEMS = 10_000; // per sample
/** Rounds per placement (more rounds narrow the spread of the median on a noisy machine). */
const ROUNDS = Number(option("rounds") ?? 25);

interface Paired {
  runtime: number[];
  raw: number[];
}

/**
 * A fresh runtime client and a fresh raw channel (same channel options) to one server. Each round gets a new pair:
 * the speed of one HTTP/2 connection differs from another's by up to ±15% here, for the life of the connection,
 * so a single long-lived pair measures connection luck, not the runtime.
 */
async function connect(address: string, bytes: { predict: Buffer; generate: Buffer }) {
  const client = createModelClient<BenchClient>(signatures, { modelId: "bench" }, { baseUrl: address, insecure: true });
  const raw = new Client(address, credentials.createInsecure(), channelOptions());
  const identity = (b: Buffer) => b;
  const rawUnary = () => new Promise<void>((resolve, reject) =>
    raw.makeUnaryRequest("/clarifai.api.V2/PostModelOutputs", identity, identity, bytes.predict, new Metadata(), {},
      (error) => (error ? reject(error) : resolve())));
  // The same call one layer down: grpc-js' channel call API, which the runtime itself uses (no Client layer).
  const channelUnary = () => rawChannelUnary(raw, bytes.predict);
  const runtimeUnary = () => client.predict({ prompt: "hello" });
  const unaryLoop = async (call: () => Promise<unknown>, calls = UNARY_CALLS) => {
    for (let i = 0; i < calls; i++) await call();
  };
  const pairs = {
    unary: { runtime: () => unaryLoop(runtimeUnary), raw: () => unaryLoop(rawUnary) },
    unaryOnChannel: { runtime: () => unaryLoop(runtimeUnary), raw: () => unaryLoop(channelUnary) },
    stream: {
      runtime: async () => {
        let n = 0;
        for await (const _ of client.generate({ count: STREAM_ITEMS })) n++;
        if (n !== STREAM_ITEMS) throw new Error(`runtime stream delivered ${n} items`);
      },
      raw: () => new Promise<void>((resolve, reject) => {
        let n = 0;
        const call = raw.makeServerStreamRequest("/clarifai.api.V2/GenerateModelOutputs", identity, identity, bytes.generate, new Metadata(), {});
        call.on("data", () => n++);
        call.on("end", () => (n === STREAM_ITEMS ? resolve() : reject(new Error(`raw stream delivered ${n} items`))));
        call.on("error", reject);
      }),
    },
  };
  // Both connections open and in use before anything is timed.
  await unaryLoop(runtimeUnary, 20);
  await unaryLoop(rawUnary, 20);
  return {
    ...pairs,
    close() {
      closeClient(client);
      raw.close();
    },
  };
}

async function measurePlacement(placement: Placement) {
  const bytesOf = async (method: MethodSignature, args: Record<string, unknown>) =>
    asBuffer(encodeModelRequest({ modelId: "bench", inputs: [{ data: await encodeArguments(method, args) }] }));
  const bytes = {
    predict: await bytesOf(signatures[0]!, { prompt: "hello" }),
    generate: await bytesOf(signatures[1]!, { count: STREAM_ITEMS }),
  };

  // Warm-up: JIT and the server's first calls, on both sides.
  const first = await connect(placement.address, bytes);
  for (let i = 0; i < 2; i++) {
    for (const kind of [first.unary, first.stream]) {
      await kind.runtime();
      await kind.raw();
    }
  }
  first.close();
  const unary: Paired = { runtime: [], raw: [] };
  const unaryOnChannel: Paired = { runtime: [], raw: [] };
  const stream: Paired = { runtime: [], raw: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const connection = await connect(placement.address, bytes);
    await pair(unary, connection.unary.runtime, connection.unary.raw, round % 2 === 1);
    await pair(unaryOnChannel, connection.unaryOnChannel.runtime, connection.unaryOnChannel.raw, round % 2 === 1);
    await pair(stream, connection.stream.runtime, connection.stream.raw, round % 2 === 1);
    connection.close();
  }
  await placement.close();
  return { unary, unaryOnChannel, stream };
}

/**
 * One round: runtime, raw, raw, runtime (ABBA), or BAAB when `rawFirst`. ABBA alone cancels linear drift but not
 * what the sample before leaves to the first one (the previous kind's garbage, a GC it triggered): that would
 * always fall on the runtime.
 */
async function pair(into: Paired, runtime: () => Promise<unknown>, raw: () => Promise<unknown>, rawFirst: boolean) {
  const [outer, inner] = rawFirst ? [raw, runtime] : [runtime, raw];
  const o1 = await time(outer);
  const i1 = await time(inner);
  const i2 = await time(inner);
  const o2 = await time(outer);
  const [runtimeMs, rawMs] = rawFirst ? [i1 + i2, o1 + o2] : [o1 + o2, i1 + i2];
  into.runtime.push(runtimeMs / 2);
  into.raw.push(rawMs / 2);
}

// No forced GC between samples: tried, a full gc() before every sample halved both variants' speed (each sample
// started with a cold VM) and hit the allocating runtime hardest, so it measured the GC, not the calls.
async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Cold import: wall time of a fresh `node` process running `args` (median of 7). */
function importMs(args: string[]): number {
  return median(Array.from({ length: 7 }, () => {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: "ignore" });
    return performance.now() - start;
  }));
}

async function main() {
  const rows: string[] = [];
  const placements = [["in-process server", inProcessServer], ["child-process server", () => childProcessServer(import.meta.filename)]] as const;
  for (const [name, start] of placements) {
    const { unary, unaryOnChannel, stream } = await measurePlacement(await start());
    // Unary: time per call (lower is better) → ratio runtime/raw. Streaming: messages/s → ratio runtime/raw = raw time / runtime time.
    const unaryRatios = unary.runtime.map((t, i) => t / unary.raw[i]!);
    const onChannelRatios = unaryOnChannel.runtime.map((t, i) => t / unaryOnChannel.raw[i]!);
    const streamRatios = stream.runtime.map((t, i) => stream.raw[i]! / t);
    const us = (ms: number) => ((ms * 1000) / UNARY_CALLS).toFixed(1);
    const mps = (ms: number) => (STREAM_ITEMS / (ms / 1000)).toFixed(0);
    const spread = (xs: number[]) => quartiles(xs).map((x) => x.toFixed(3)).join("–");
    rows.push(
      `| ${name}: unary round trip (µs/call) | ${us(median(unary.runtime))} | ${us(median(unary.raw))} | ` +
        `**${median(unaryRatios).toFixed(3)}×** (${spread(unaryRatios)}) | ≤ 1.10× |`,
      `| ${name}: unary, raw side on grpc-js' channel call API (µs/call) | ${us(median(unaryOnChannel.runtime))} | ` +
        `${us(median(unaryOnChannel.raw))} | ${median(onChannelRatios).toFixed(3)}× (${spread(onChannelRatios)}) | – |`,
      `| ${name}: server streaming (messages/s) | ${mps(median(stream.runtime))} | ${mps(median(stream.raw))} | ` +
        `**${median(streamRatios).toFixed(3)}×** (${spread(streamRatios)}) | ≥ 0.9× |`,
    );
  }
  const built = new URL("../dist/runtime/index.js", import.meta.url);
  if (existsSync(built)) {
    const runtimeMs = importMs(["--input-type=module", "-e", `await import(${JSON.stringify(built.href)})`]);
    const grpcMs = importMs(["--input-type=module", "-e", `await import("@grpc/grpc-js")`]);
    rows.push(`| cold import, compiled build (ms, fresh node process) | ${runtimeMs.toFixed(0)} | ${grpcMs.toFixed(0)} | ${(runtimeMs / grpcMs).toFixed(2)}× | – |`);
  }

  const report = `
## Transport (bench/transport.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

${ROUNDS} rounds after warm-up, each on a fresh pair of connections and timed runtime, raw, raw, runtime or raw, runtime,
runtime, raw in alternate rounds (a sample =
${UNARY_CALLS} sequential unary calls or one ${STREAM_ITEMS}-message stream); ratio = median of the per-round ratios
(interquartile range in brackets). Baseline = raw @grpc/grpc-js on
the same server with pre-encoded request bytes and undecoded responses, through its Client (\`makeUnaryRequest\`,
\`makeServerStreamRequest\`). The runtime calls one layer lower, on the channel's call API; the row "raw side on
grpc-js' channel call API" gives the raw call that layer too, so it shows the runtime's own cost alone. Load average
when the run ended:
${loadavg().map((x) => x.toFixed(2)).join(", ")} (${cpus().length} CPUs; a load near or above that widens the spread).

| measure | runtime | raw grpc-js | ratio | target |
| --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
  publish(report);
}

if (!(await serveIfChild())) await main();
