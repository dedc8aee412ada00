/**
 * A push-to-pull bridge: a grpc-js readable pushes messages in, one consumer pulls them with `next()` or
 * `for await`. It tells the producer to pause above `highWaterMark` buffered items and to resume once drained,
 * so a slow consumer never makes the process buffer a whole stream. The queue is its own async iterator (no
 * async generator around it): each streamed message then costs one promise, not one per wrapping layer.
 */
export interface FlowControl {
  pause(): void;
  resume(): void;
  /** The consumer stopped before the end (`return()`, e.g. `break` out of `for await`). */
  cancel?(): void;
}

export const NOTHING_BUFFERED: unique symbol = Symbol("nothing buffered");

export class AsyncQueue<T> implements AsyncIterableIterator<T, void, undefined> {
  private readonly items: T[] = [];
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  private settled: { done: true } | { error: unknown } | undefined;
  private paused = false;

  constructor(
    private readonly flow: FlowControl,
    private readonly highWaterMark = 32,
  ) {}

  push(item: T): void {
    if (this.settled) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    this.items.push(item);
    if (!this.paused && this.items.length >= this.highWaterMark) {
      this.paused = true;
      this.flow.pause();
    }
  }

  /** Normal end; items already buffered are still delivered. */
  end(): void {
    this.settle({ done: true });
  }

  /** Failure; delivered after the buffered items. The first end or failure wins. */
  fail(error: unknown): void {
    this.settle({ error });
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.takeBuffered();
    if (item !== NOTHING_BUFFERED) return Promise.resolve({ value: item, done: false });
    if (this.settled) {
      return "error" in this.settled
        ? Promise.reject(this.settled.error)
        : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /**
   * The next buffered item, taken synchronously, or NOTHING_BUFFERED. Lets a consumer that is itself an async
   * iterator answer its own `next()` with one promise instead of chaining on this queue's.
   */
  takeBuffered(): T | typeof NOTHING_BUFFERED {
    if (this.items.length === 0) return NOTHING_BUFFERED;
    const item = this.items.shift() as T;
    if (this.paused && this.items.length < this.highWaterMark / 2) {
      this.paused = false;
      this.flow.resume();
    }
    return item;
  }

  /** Stops early: buffered items are dropped and the producer is told to cancel. */
  return(): Promise<IteratorResult<T, void>> {
    const early = !this.settled;
    this.items.length = 0;
    this.settle({ done: true });
    if (early) this.flow.cancel?.();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private settle(outcome: { done: true } | { error: unknown }): void {
    if (this.settled) return;
    this.settled = outcome;
    if (!this.waiting) return;
    const { resolve, reject } = this.waiting;
    this.waiting = undefined;
    if ("error" in outcome) reject(outcome.error);
    else resolve({ value: undefined, done: true });
  }
}
