/**
 * Soak: 20,000 unary calls and 2,000 streams (1,000 server streaming + 1,000 bidi, 3 results each), 64 in flight,
 * through ONE client, against the test server in its own process (so this heap is the client's alone). Every
 * result is checked. Reports wall time, p50/p99 latency, heap before/after (after GC), open handles before/after,
 * and, as the baseline of the same run, raw @grpc/grpc-js doing the same unary calls with pre-encoded bytes.
 * Run: npm run bench:soak  (node --expose-gc --conditions=source --import tsx bench/soak.bench.ts [--append])
 */
import { appendFileSync } from "node:fs";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { createModelClient, closeClient } from "clarifai-typed";
import { encodeArguments } from "../runtime/codec/index.js";
import { encodeModelRequest } from "../runtime/transport/method-definitions.js";
import { asBuffer } from "../runtime/transport/as-buffer.js";
import { CALL_KINDS, callKind, echoSignatures, expectedItems, type CallKind, type EchoClient } from "../test/hardening/support/echo-model.js";
import { startServerProcess } from "../test/hardening/support/server-process-handle.js";
import { describeHandles, heapAfterGc, ioHandles, percentile, runPool } from "../test/hardening/support/load-measure.js";

const UNARY_CALLS = Number(process.env.SOAK_UNARY ?? 20_000);
const STREAMS = Number(process.env.SOAK_STREAMS ?? 2_000);
const IN_FLIGHT = 64;

const server = await startServerProcess();
const client = createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, { baseUrl: server.address, insecure: true });

/** One call of `kind`, checked against what the echo model must answer; returns its latency in ms. */
async function checkedCall(kind: CallKind, input: string): Promise<number> {
  const outcome = await callKind(client, kind, input);
  const want = expectedItems(kind, input);
  if (outcome.error !== undefined || JSON.stringify(outcome.items) !== JSON.stringify(want)) {
    throw new Error(`${kind} ${input}: want ${JSON.stringify(want)}, got ${JSON.stringify(outcome.items)} ${String(outcome.error ?? "")}`);
  }
  return outcome.elapsedMs;
}

// Warm-up: load and JIT every path once, so "heap before" already holds the code and the connection.
await runPool(300, IN_FLIGHT, (i) => checkedCall(CALL_KINDS[i % 3]!, `warm${i}`));
await settle();
const heapBefore = heapAfterGc();
const handlesBefore = ioHandles();

const unaryStart = performance.now();
const unaryLatencies = await runPool(UNARY_CALLS, IN_FLIGHT, (i) => checkedCall("unary", `u${i}`));
const unaryWallMs = performance.now() - unaryStart;

const streamStart = performance.now();
const streamLatencies = await runPool(STREAMS, IN_FLIGHT, (i) => checkedCall(i % 2 === 0 ? "server streaming" : "bidi", `s${i}`));
const streamWallMs = performance.now() - streamStart;

await settle();
const handlesAfter = ioHandles();
const heapAfter = heapAfterGc();
closeClient(client);

// Baseline, same run: raw grpc-js, same server, same concurrency, request bytes encoded once, responses not decoded.
const raw = new Client(server.address, credentials.createInsecure());
const identity = (b: Buffer) => b;
const requestBytes = asBuffer(encodeModelRequest({
  modelId: "echo", inputs: [{ data: await encodeArguments(echoSignatures[0]!, { prompt: "raw" }) }] }));
const rawCall = () => new Promise<number>((resolve, reject) => {
  const started = performance.now();
  raw.makeUnaryRequest("/clarifai.api.V2/PostModelOutputs", identity, identity, requestBytes, new Metadata(), {},
    (error) => (error ? reject(error) : resolve(performance.now() - started)));
});
await runPool(300, IN_FLIGHT, rawCall);
const rawStart = performance.now();
const rawLatencies = await runPool(UNARY_CALLS, IN_FLIGHT, rawCall);
const rawWallMs = performance.now() - rawStart;
raw.close();
await server.kill();
await settle();
const handlesClosed = ioHandles();

/** Lets pending immediates and socket closes run, so handle counts are not a mid-flight snapshot. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const lines = [
  `## Soak (bench/soak.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})`,
  "",
  `One client, ${IN_FLIGHT} calls in flight, echo model in a separate server process on loopback; every result checked.`,
  "Baseline: raw @grpc/grpc-js, same server and concurrency, pre-encoded request, undecoded response.",
  "",
  "| measure | runtime | raw grpc-js (baseline) | ratio |",
  "| --- | ---: | ---: | ---: |",
  `| ${UNARY_CALLS.toLocaleString("en")} unary calls, wall time | ${(unaryWallMs / 1000).toFixed(2)} s | ${(rawWallMs / 1000).toFixed(2)} s | ${(unaryWallMs / rawWallMs).toFixed(2)}× |`,
  `| unary latency p50 | ${ms(percentile(unaryLatencies, 50))} | ${ms(percentile(rawLatencies, 50))} | ${(percentile(unaryLatencies, 50) / percentile(rawLatencies, 50)).toFixed(2)}× |`,
  `| unary latency p99 | ${ms(percentile(unaryLatencies, 99))} | ${ms(percentile(rawLatencies, 99))} | ${(percentile(unaryLatencies, 99) / percentile(rawLatencies, 99)).toFixed(2)}× |`,
  `| ${STREAMS.toLocaleString("en")} streams (½ server streaming, ½ bidi, 3 results each), wall time | ${(streamWallMs / 1000).toFixed(2)} s | – | – |`,
  `| stream latency p50 / p99 | ${ms(percentile(streamLatencies, 50))} / ${ms(percentile(streamLatencies, 99))} | – | – |`,
  `| heap after GC: before → after the ${(UNARY_CALLS + STREAMS).toLocaleString("en")} calls | ${mib(heapBefore)} → ${mib(heapAfter)} (${heapAfter >= heapBefore ? "+" : ""}${mib(heapAfter - heapBefore)}) | – | ${(heapAfter / heapBefore).toFixed(3)}× |`,
  `| open handles before the calls | ${describeHandles(handlesBefore)} | – | – |`,
  `| open handles after the calls (client open) | ${describeHandles(handlesAfter)} | – | – |`,
  `| open handles after closing client and server | ${describeHandles(handlesClosed)} | – | – |`,
  "",
  `Results checked: ${UNARY_CALLS + STREAMS} calls, ${UNARY_CALLS + STREAMS * 3} results, 0 wrong, 0 errors.`,
  "",
];
process.stdout.write(`${lines.join("\n")}\n`);
if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), `\n${lines.join("\n")}`);
if (heapBefore === 0) process.stderr.write("note: run with --expose-gc for heap figures after GC\n");
