/** Tiny timing helpers shared by the codec benchmarks: ops/s over a fixed time, after a warm-up. */
export function opsPerSecond(run: () => unknown, millis = 400): number {
  for (let i = 0; i < 3; i++) run();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < millis) {
    run();
    count++;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

export async function opsPerSecondAsync(run: () => Promise<unknown>, millis = 400): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < millis) {
    await run();
    count++;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** ArrayBuffer bytes held after `run` (garbage included, so transient buffers count): a peak estimate. */
export async function arrayBufferGrowth(run: () => unknown): Promise<number> {
  gc?.();
  const before = process.memoryUsage().arrayBuffers;
  const kept = await run();
  const after = process.memoryUsage().arrayBuffers;
  void kept;
  return after - before;
}

export const hasGc = gc !== undefined;
