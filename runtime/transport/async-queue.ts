/**
 * A push-to-pull bridge: a call's listener (or a Node readable) pushes messages in, one consumer pulls them with
 * `next()` or `for await`. It tells the producer to pause above `highWaterMark` buffered items and to resume once
 * drained, so a slow consumer never makes the process buffer a whole stream. The queue is its own async iterator (no
 * async generator around it): each streamed message then costs one promise, not one per wrapping layer.
 */
export interface FlowControl {
  pause(): void;
  resume(): void;
  /** The consumer stopped before the end (`return()`, e.g. `break` out of `for await`). */
  cancel?(): void;
}

const NOTHING_BUFFERED: unique symbol = Symbol("nothing buffered");

/** What the next item, the end or the failure of a queue becomes for its consumer (results may be promises). */
export interface ItemHandler<T, U> {
  item(value: T): U | PromiseLike<U>;
  ended(): U | PromiseLike<U>;
  failed(error: unknown): U | PromiseLike<U>;
}

/** The handler of `next()`: the iterator protocol. */
const AS_ITERATOR_RESULT: ItemHandler<unknown, IteratorResult<unknown>> = {
  item: (value) => ({ value, done: false }),
  ended: () => ({ value: undefined, done: true }),
  failed: (error) => Promise.reject(error),
};

/** The consumer waiting for the next item, the end or the failure. */
interface Waiter<T> {
  resolve(result: unknown): void;
  handler: ItemHandler<T, unknown>;
}

export class AsyncQueue<T> implements AsyncIterableIterator<T, void, undefined> {
  private readonly items: T[] = [];
  private waiting: Waiter<T> | undefined;
  private settled: { done: true } | { error: unknown } | undefined;
  private paused = false;

  constructor(
    private readonly flow: FlowControl,
    private readonly highWaterMark = 32,
  ) {}

  push(item: T): void {
    if (this.settled) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve(waiting.handler.item(item));
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
    return this.nextWith(AS_ITERATOR_RESULT as ItemHandler<T, IteratorResult<T>>);
  }

  /**
   * What the next item, the end or the failure becomes through `handler`, as one promise. Lets a consumer that is
   * itself an async iterator answer its own `next()` with this promise instead of chaining a second one on the
   * queue's; `handler` is one object for the whole stream, so an item costs no new functions.
   */
  nextWith<U>(handler: ItemHandler<T, U>): Promise<U> {
    const buffered = this.takeBuffered();
    if (buffered !== NOTHING_BUFFERED) return Promise.resolve(handler.item(buffered));
    if (this.settled) return Promise.resolve("error" in this.settled ? handler.failed(this.settled.error) : handler.ended());
    return new Promise<U>((resolve) => {
      this.waiting = { resolve: resolve as (result: unknown) => void, handler };
    });
  }

  private takeBuffered(): T | typeof NOTHING_BUFFERED {
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
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = undefined;
    waiting.resolve("error" in outcome ? waiting.handler.failed(outcome.error) : waiting.handler.ended());
  }
}
