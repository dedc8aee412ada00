/**
 * STREAMING_STREAMING methods: StreamModelOutputs. The first message carries every argument plus the first
 * stream item, each later message one item (spec §5.2); every message carries the whole request template.
 * Items are written as the caller's iterable yields them while results are read as they arrive.
 */
import { ArgumentError } from "../errors.js";
import type { MethodSignature, ModelTypeField } from "../signature.js";
import { encodeArguments, encodeStreamItem } from "../codec/index.js";
import { rpc } from "../transport/method-definitions.js";
import { bidiCall } from "../transport/calls.js";
import type { ClientContext, PreparedCall } from "./client-context.js";
import type { CallOptions } from "./options.js";
import { CallStream } from "./call-stream.js";
import { decodeStreamMessage } from "./response-status.js";
import { redactSecret } from "./secret.js";

export function bidiMethod(signature: MethodSignature, context: ClientContext) {
  const streamField = signature.input_fields?.find((field) => field.iterator);
  return (args?: Record<string, unknown>, options?: CallOptions): AsyncIterable<unknown> => {
    let items: SharedItems | undefined;
    return new CallStream<Buffer, unknown>({
      async prepare() {
        if (streamField === undefined) throw noStreamParameter(signature);
        const shared = new SharedItems(iteratorOf(signature, streamField, args?.[streamField.name]));
        items = shared;
        const first = await shared.next();
        if (first.done) {
          throw new ArgumentError({ method: signature.name, parameter: streamField.name,
            expected: "an iterable with at least one item", received: "an empty iterable" });
        }
        const firstData = await encodeArguments(signature, { ...args, [streamField.name]: first.value });
        const call = await context.prepare(signature.name, "StreamModelOutputs", options);
        // Encoded once and kept as bytes for the attempts that replay it (not the built message: see unary-method.ts).
        const firstRequest = call.encoder.encode([firstData]);
        return {
          open: () => bidiCall(context.channel, rpc.streamModelOutputs, requests(call, firstRequest, shared), call.settings),
          // Replaying is safe while only the retained first message has been taken from the caller's iterable.
          replayable: () => shared.taken === 1,
          retry: call.retry,
        };
      },
      decode: (message) => decodeStreamMessage(signature, message, "StreamModelOutputs"),
      fail: (error) => redactSecret(error, context.secrets),
      cleanup: async () => items?.close(),
    });
  };

  async function* requests(call: PreparedCall, firstRequest: Uint8Array, items: SharedItems): AsyncGenerator<Uint8Array> {
    yield firstRequest;
    for (;;) {
      const next = await items.next();
      if (next.done) return;
      yield call.encoder.encode([await encodeStreamItem(signature, next.value)]);
    }
  }
}

/**
 * The caller's iterator, shared by successive attempts: a `next()` still pending when an attempt failed is
 * handed to the next attempt instead of being issued twice (which would lose an item).
 */
class SharedItems {
  taken = 0;
  private pending: Promise<IteratorResult<unknown>> | undefined;
  constructor(private readonly iterator: AsyncIterator<unknown>) {}

  next(): Promise<IteratorResult<unknown>> {
    this.pending ??= this.iterator.next().then((result) => {
      this.pending = undefined;
      if (!result.done) this.taken++;
      return result;
    });
    return this.pending;
  }

  /** Lets the caller's generator run its cleanup; not awaited while it is still producing an item. */
  async close(): Promise<void> {
    const closing = this.iterator.return?.();
    if (this.pending === undefined) await closing;
    else closing?.catch(() => undefined); // the iterator reports its own failure through the pending next()
  }
}

function iteratorOf(signature: MethodSignature, field: ModelTypeField, value: unknown): AsyncIterator<unknown> {
  if (value !== null && typeof value === "object") {
    const asyncIterable = (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator];
    if (typeof asyncIterable === "function") return asyncIterable.call(value);
    const iterable = (value as Partial<Iterable<unknown>>)[Symbol.iterator];
    if (typeof iterable === "function") {
      const iterator = iterable.call(value);
      return { next: async () => iterator.next(), return: async () => iterator.return?.() ?? { done: true, value: undefined } };
    }
  }
  throw new ArgumentError({ method: signature.name, parameter: field.name,
    expected: "an Iterable or AsyncIterable of stream items",
    received: value === undefined ? "nothing" : typeof value,
    hint: "Pass e.g. an array, a generator or an async generator." });
}

function noStreamParameter(signature: MethodSignature): ArgumentError {
  return new ArgumentError({ method: signature.name, parameter: "(signature)",
    expected: "a STREAMING_STREAMING signature with one iterator parameter", received: "none marked iterator" });
}
