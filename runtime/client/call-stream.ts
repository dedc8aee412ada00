/**
 * The async iterator a streaming method returns. Its first `next()` prepares the call (validation, encoding,
 * routing) and opens it, retrying while nothing has been delivered; every later `next()` is one pull from the
 * call and one decode. Written as one object rather than nested async generators, each of which would add a
 * promise and several microtask hops per item.
 */
import type { ItemHandler } from "../transport/async-queue.js";
import { withRetries, type RetryContext } from "./retry.js";

export interface StreamPlan<Raw, Out> {
  /** Runs once, on the first `next()`; its errors reach the consumer through `fail`. */
  prepare(): Promise<PreparedStream<Raw>>;
  /** One message → one result; throws for in-band failures (which are retried if nothing was delivered yet). */
  decode(message: Raw): Out;
  /** What the consumer sees for an error (e.g. with the PAT redacted). */
  fail(error: unknown): unknown;
  /** Runs once when the stream ends, fails or is stopped early. */
  cleanup?(): Promise<void>;
}

export interface PreparedStream<Raw> {
  /** Opens one attempt of the call; `return()` on it cancels the call. */
  open(): CallSource<Raw>;
  /** Whether a failed attempt may be opened again (e.g. a bidi call has not consumed unreplayable input). */
  replayable(): boolean;
  retry: RetryContext;
}

/** The messages of one attempt (an AsyncQueue): `nextWith` turns the next one into a result with one promise. */
export interface CallSource<Raw> extends AsyncIterator<Raw> {
  nextWith<U>(handler: ItemHandler<Raw, U>): Promise<U>;
}

const DONE: IteratorReturnResult<void> = { done: true, value: undefined };

export class CallStream<Raw, Out> implements AsyncIterableIterator<Out, void, undefined> {
  #source: CallSource<Raw> | undefined;
  #finished = false;
  /** Calls are served one at a time, in order, as an async generator would. */
  #tail: Promise<unknown> = Promise.resolve();
  /** Calls of `next`/`return` not yet settled. */
  #busy = 0;

  constructor(private readonly plan: StreamPlan<Raw, Out>) {}

  next(): Promise<IteratorResult<Out, void>> {
    if (this.#busy === 0 && this.#source !== undefined) return this.#pull(this.#source);
    return this.#serialized(() => this.#step());
  }

  /**
   * `next()` of a running call with nothing else in flight (every item after the first, for a `for await`): the
   * message is decoded as the source delivers it, so that an item costs the one promise the caller awaits rather
   * than the four of `#serialized(#step)`.
   */
  #pull(source: CallSource<Raw>): Promise<IteratorResult<Out, void>> {
    const result = this.#nextOf(source);
    this.#tail = result;
    return result;
  }

  /** The next message of `source` through `#pulled` (which settles the count taken here). */
  #nextOf(source: CallSource<Raw>): Promise<IteratorResult<Out, void>> {
    this.#busy++;
    return source.nextWith(this.#pulled);
  }

  /** What a pulled message, the end or a failure of the call becomes (one object for the stream's life). */
  readonly #pulled: ItemHandler<Raw, IteratorResult<Out, void>> = {
    item: (message) => {
      this.#busy--;
      try {
        return { done: false, value: this.plan.decode(message) };
      } catch (error) {
        return this.#failWith(error);
      }
    },
    ended: () => {
      this.#busy--;
      return this.#finish().then(() => DONE);
    },
    failed: (error) => {
      this.#busy--;
      return this.#failWith(error);
    },
  };

  /** Ends the stream with `error`, as the consumer sees it. */
  async #failWith(error: unknown): Promise<never> {
    await this.#finish();
    throw this.plan.fail(error);
  }

  /** Stops early: cancels the call if it is still running. */
  return(): Promise<IteratorResult<Out, void>> {
    return this.#serialized(async () => {
      await this.#finish();
      return DONE;
    });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #serialized<T>(run: () => Promise<T>): Promise<T> {
    this.#busy++;
    const result = this.#tail.then(run, run);
    const settled = () => void this.#busy--;
    this.#tail = result.then(settled, settled);
    return result;
  }

  async #step(): Promise<IteratorResult<Out, void>> {
    if (this.#finished) return DONE;
    if (this.#source !== undefined) return this.#nextOf(this.#source);
    try {
      return await this.#start();
    } catch (error) {
      return this.#failWith(error);
    }
  }

  /** Opens the call and waits for its first result, retrying the attempts that fail before it. */
  async #start(): Promise<IteratorResult<Out, void>> {
    const prepared = await this.plan.prepare();
    const first = await withRetries(async (): Promise<IteratorResult<Out, void>> => {
      const source = prepared.open();
      this.#source = source;
      try {
        const message = await source.next();
        return message.done ? DONE : { done: false, value: this.plan.decode(message.value) };
      } catch (error) {
        this.#source = undefined;
        await source.return?.(); // an in-band failure leaves the call open
        throw error;
      }
    }, prepared.retry, prepared.replayable);
    if (first.done) await this.#finish();
    return first;
  }

  async #finish(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    const source = this.#source;
    this.#source = undefined;
    try {
      await source?.return?.();
    } finally {
      await this.plan.cleanup?.();
    }
  }
}
