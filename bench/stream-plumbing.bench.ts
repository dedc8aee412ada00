/**
 * CPU per streamed item of the runtime's stream plumbing, without network: a producer pushes one item per event-loop
 * turn (as messages arrive from a socket) into the AsyncQueue the transport fills, and a `for await` consumes it,
 * either straight from the queue (baseline) or through the CallStream a streaming method returns (decode = identity).
 * Same run, median of 7 rounds of 300,000 items each; process CPU time, so little else on the machine shows.
 *
 * Run: npm run build && node --import tsx bench/stream-plumbing.bench.ts  (the compiled modules, as users run them:
 * under tsx every closure created also gets a name defined on it, which would dominate these figures)
 */
import type { AsyncQueue as AsyncQueueType } from "../runtime/transport/async-queue.js";
import { median } from "./stats.js";
import { built } from "./built.js";

const { AsyncQueue } = (await import(built("transport/async-queue.js"))) as typeof import("../runtime/transport/async-queue.js");
const { CallStream } = (await import(built("client/call-stream.js"))) as typeof import("../runtime/client/call-stream.js");
type AsyncQueue<T> = AsyncQueueType<T>;

const ITEMS = 300_000;
const ROUNDS = 7;

/** A queue filled with ITEMS numbers, one per setImmediate turn, then ended. */
function producedQueue(): AsyncQueue<number> {
  const queue = new AsyncQueue<number>({ pause() {}, resume() {} });
  let next = 0;
  const produce = () => {
    if (next < ITEMS) {
      queue.push(next++);
      setImmediate(produce);
    } else queue.end();
  };
  setImmediate(produce);
  return queue;
}

async function cpuPerItem(consume: (queue: AsyncQueue<number>) => AsyncIterable<number>): Promise<number> {
  const queue = producedQueue();
  const start = process.cpuUsage();
  let count = 0;
  for await (const _ of consume(queue)) count++;
  const used = process.cpuUsage(start);
  if (count !== ITEMS) throw new Error(`consumed ${count} of ${ITEMS}`);
  return (used.user + used.system) / ITEMS;
}

const direct = (queue: AsyncQueue<number>) => queue;
const throughCallStream = (queue: AsyncQueue<number>) =>
  new CallStream<number, number>({
    prepare: async () => ({ open: () => queue, replayable: () => true, retry: { policy: undefined, rpc: "bench" } }),
    decode: (message) => message,
    fail: (error) => error,
  });

const samples = { direct: [] as number[], callStream: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  samples.direct.push(await cpuPerItem(direct));
  samples.callStream.push(await cpuPerItem(throughCallStream));
}
const base = median(samples.direct);
const runtime = median(samples.callStream);
console.log(`| consumer | CPU µs per item | vs queue alone |\n| --- | ---: | ---: |`);
console.log(`| for await over the AsyncQueue (baseline) | ${base.toFixed(3)} | 1.00× |`);
console.log(`| for await over the CallStream | ${runtime.toFixed(3)} | ${(runtime / base).toFixed(2)}× |`);
