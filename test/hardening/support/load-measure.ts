/** Helpers of the hardening tests and load benchmarks: a bounded pool, polling, GC'd heap, open handles. */

/** Runs `task(0…count-1)` with at most `inFlight` running at once; resolves with their results in order. */
export async function runPool<T>(count: number, inFlight: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  return results;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** heapUsed after two full GCs (run node with --expose-gc); 0 without it. */
export function heapAfterGc(): number {
  if (!gc) return 0;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Sockets, timers and child processes still open: what would keep a test runner from exiting. */
export function leakableHandles(): string[] {
  return process.getActiveResourcesInfo().filter((resource) => /TCP|Timeout|Process|Pipe|Immediate/.test(resource));
}

/** Resolves true once `condition()` holds, or false after `timeoutMs`; polls every 5 ms. */
export async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

/** Every active resource (sockets, timers, child processes, pipes, …) by kind (e.g. `{ TCPSocketWrap: 1, Timeout: 2 }`). */
export function ioHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) counts[resource] = (counts[resource] ?? 0) + 1;
  return counts;
}

/** `ioHandles()` as one line: `TCPSocketWrap 1, Timeout 2`. */
export function describeHandles(counts: Record<string, number>): string {
  return Object.entries(counts).sort().map(([kind, n]) => `${kind} ${n}`).join(", ") || "none";
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
