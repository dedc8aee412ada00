/**
 * Cancellation under load: 1,000 calls (400 unary, 300 server streaming, 300 bidi) held open by a model that
 * never answers, all in flight through ONE client, then every AbortSignal fires. Checks that every call rejects
 * with the typed CANCELLED error, that the server sees every cancel, and that handles and heap return to where
 * they were. Baseline of the same run: the same 1,000 calls answered normally.
 * Run: npm run bench:cancel  (node --expose-gc --conditions=source --import tsx bench/cancel.bench.ts [--append])
 */
import { appendFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { status as GrpcStatus } from "@grpc/grpc-js";
import { ClarifaiError, createModelClient, closeClient } from "clarifai-typed";
import { startTestServer } from "clarifai-typed/testing";
import { callKind, echoHandlers, echoSignatures, type CallKind, type EchoClient } from "../test/hardening/support/echo-model.js";
import { describeHandles, heapAfterGc, ioHandles, waitUntil } from "../test/hardening/support/load-measure.js";

const CALLS = 1_000;
const kindOf = (i: number): CallKind => (i < 400 ? "unary" : i < 700 ? "server streaming" : "bidi");

/** The echo model, except that inputs containing "hang" wait until the call is cancelled. */
const untilCancelled = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
const server = await startTestServer({
  signatures: echoSignatures,
  handlers: {
    predict: async (args: { prompt: string }, context) => {
      if (args.prompt.includes("hang")) await untilCancelled(context.signal);
      return echoHandlers.predict!(args, context);
    },
    generate: async function* (args: { prompt: string }, context) {
      if (args.prompt.includes("hang")) await untilCancelled(context.signal);
      yield* echoHandlers.generate!(args, context) as Iterable<string>;
    },
    stream: async function* (args: { input_iterator: AsyncIterable<string> }, context) {
      for await (const item of args.input_iterator) {
        if (item.includes("hang")) await untilCancelled(context.signal);
        yield `${item}!`;
      }
    },
  },
});
const client = createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, { baseUrl: server.address, insecure: true, retry: false });


// Baseline: the same 1,000 calls, all in flight, answered normally (this also warms every path up).
const baselineStart = performance.now();
const answered = await Promise.all(Array.from({ length: CALLS }, (_, i) => callKind(client, kindOf(i), `ok${i}`)));
const baselineMs = performance.now() - baselineStart;
if (answered.some((o) => o.error !== undefined)) throw new Error("baseline calls failed");

await sleep(100);
server.requests.splice(0);
const heapBefore = heapAfterGc();
const handlesBefore = ioHandles();
const seenBefore = server.requests.length;

/** 1,000 calls held open, then all aborted at once; returns only figures, so nothing of the calls stays reachable. */
async function abortUnderLoad() {
  const controllers = Array.from({ length: CALLS }, () => new AbortController());
  const outcomes = Array.from({ length: CALLS }, (_, i) => callKind(client, kindOf(i), `hang${i}`, { options: { signal: controllers[i]!.signal } }));
  const ours = () => server.requests.slice(seenBefore);
  const allInFlight = await waitUntil(() => ours().length === CALLS, 30_000);
  const handlesInFlight = ioHandles();
  const abortStart = performance.now();
  for (const controller of controllers) controller.abort(new Error("bench abort"));
  const results = await Promise.all(outcomes);
  const allRejectedMs = performance.now() - abortStart;
  const serverSawAll = await waitUntil(() => ours().every((r) => r.cancelled), 30_000);
  const serverSawAllMs = performance.now() - abortStart;
  const typedCancels = results.filter((o) => o.error instanceof ClarifaiError && o.error.grpcCode === GrpcStatus.CANCELLED).length;
  const figures = { inFlight: ours().length, allInFlight, handlesInFlight, allRejectedMs, serverSawAll, serverSawAllMs, cancelsSeen: ours().filter((r) => r.cancelled).length, typedCancels };
  server.requests.splice(0); // the test server's own log of the calls is not the client's memory
  return figures;
}

const { inFlight, allInFlight, handlesInFlight, allRejectedMs, serverSawAll, serverSawAllMs, cancelsSeen, typedCancels } = await abortUnderLoad();
await sleep(100);
const handlesAfter = ioHandles();
const heapAfter = heapAfterGc();
closeClient(client);
await server.close();
await sleep(100);
const handlesClosed = ioHandles();

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const lines = [
  `## Cancellation under load (bench/cancel.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})`,
  "",
  `${CALLS} calls (400 unary, 300 server streaming, 300 bidi) through one client, held open by the model, then all aborted.`,
  "Baseline: the same calls answered normally, all in flight at once.",
  "",
  "| measure | value | vs baseline |",
  "| --- | ---: | ---: |",
  `| ${CALLS} calls answered normally (baseline) | ${baselineMs.toFixed(0)} ms | 1.00× |`,
  `| all ${CALLS} in flight at the server before the abort | ${allInFlight ? "yes" : "NO"} (${inFlight}) | – |`,
  `| abort → every call rejected | ${allRejectedMs.toFixed(0)} ms | ${(allRejectedMs / baselineMs).toFixed(2)}× |`,
  `| calls rejected with ClarifaiError, grpcCode CANCELLED | ${typedCancels} / ${CALLS} | – |`,
  `| abort → the server saw every cancel | ${serverSawAll ? `${serverSawAllMs.toFixed(0)} ms` : "NO"} (${cancelsSeen} / ${CALLS}) | ${(serverSawAllMs / baselineMs).toFixed(2)}× |`,
  `| heap after GC, before → after | ${mib(heapBefore)} → ${mib(heapAfter)} | ${(heapAfter / heapBefore).toFixed(3)}× |`,
  `| open handles: before / in flight / after / closed | ${describeHandles(handlesBefore)} / ${describeHandles(handlesInFlight)} / ${describeHandles(handlesAfter)} / ${describeHandles(handlesClosed)} | – |`,
  "",
];
process.stdout.write(`${lines.join("\n")}\n`);
if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), `\n${lines.join("\n")}`);
if (typedCancels !== CALLS || !serverSawAll || !allInFlight) process.exitCode = 1;
