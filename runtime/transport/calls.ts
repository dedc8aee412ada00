/**
 * The three call kinds over grpc-js, as a promise (unary) and async iterables (server streaming, bidi), on the
 * channel's call API (`Channel.createCall`, what grpc-js' Client layer drives). Every failure is a ClarifaiError; a
 * consumer that stops iterating early cancels the call; an AbortSignal cancels any call; `deadlineMs` becomes the
 * gRPC deadline.
 */
import { status as GrpcStatus } from "@grpc/grpc-js";
import type { Client, Metadata, MethodDefinition, StatusObject } from "@grpc/grpc-js";
import { fromGrpcError, cancelledByCaller, type GrpcFailure } from "./grpc-error.js";
import { AsyncQueue } from "./async-queue.js";
import type { ClarifaiError } from "../errors.js";

/** A call on the channel (grpc-js' Call interface, which its Client layer drives). */
type GrpcCall = ReturnType<ReturnType<Client["getChannel"]>["createCall"]>;

export interface CallSettings {
  metadata: Metadata;
  /** Absolute deadline, epoch milliseconds. */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** The model method, for error messages. */
  method?: string;
}

/**
 * One request, one response, on the channel's call API rather than `Client.makeUnaryRequest`: the same grpc-js
 * call underneath, without the client layer's per-call work (an Error captured for its stack, an EventEmitter, the
 * interceptor chain and two listener wrappers). Loopback round trips were 5–11% shorter (bench/RESULTS.md, "Unary
 * calls on the channel"). The protocol checks that layer makes are kept: exactly one response message, and a
 * response that cannot be deserialized is an INTERNAL failure; a server that sends two answers gets an error
 * here, where that layer waits for ever.
 */
export function unaryCall<Req, Res>(
  client: Client,
  definition: MethodDefinition<Req, Res>,
  request: Req,
  settings: CallSettings,
): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    const aborted = abortedBeforeStart(definition, settings);
    if (aborted) return reject(aborted);
    const message = definition.requestSerialize(request);
    const call = openCall(client, definition, settings);
    let response: { value: Res } | undefined;
    let failure: GrpcFailure | undefined;
    const fail = (code: GrpcStatus, details: string) => {
      failure ??= { code, details };
      call.cancelWithStatus(code, details);
    };
    const detach = onAbort(settings.signal, () => cancel(call));
    call.start(settings.metadata, {
      onReceiveMetadata() {},
      onReceiveMessage(bytes: Buffer) {
        if (response) return fail(GrpcStatus.UNIMPLEMENTED, "Too many responses received");
        try {
          response = { value: definition.responseDeserialize(bytes) };
        } catch (error) {
          const parsing = parsingFailure(error);
          return fail(parsing.code, parsing.details);
        }
        // Read on: grpc-js delivers the status only once nothing unread is left, so a second message that was never
        // read would hold the call open for ever (grpc-js' own Client hangs on such a server).
        call.startRead();
      },
      onReceiveStatus(status: StatusObject) {
        detach();
        const outcome = failure ?? (status.code === GrpcStatus.OK && !response ? { code: GrpcStatus.UNIMPLEMENTED, details: "No message received" } : status);
        if (outcome.code === GrpcStatus.OK && response) resolve(response.value);
        else reject(failureError(outcome, definition, settings));
      },
    });
    call.sendMessageWithContext({}, message);
    call.halfClose();
    call.startRead();
  });
}

export function serverStreamCall<Req, Res>(
  client: Client,
  definition: MethodDefinition<Req, Res>,
  request: Req,
  settings: CallSettings,
): AsyncQueue<Res> {
  const aborted = abortedBeforeStart(definition, settings);
  if (aborted) throw aborted;
  const message = definition.requestSerialize(request);
  const call = openCall(client, definition, settings);
  const responses = receive(call, definition, settings);
  call.sendMessageWithContext({}, message);
  call.halfClose();
  return responses;
}

/**
 * Writes `requests` as they come (one message in grpc-js' hands at a time, as a Node stream would) while yielding
 * responses as they arrive, so it works both with servers that answer while the client sends and with those that
 * answer only after half-close. If `requests` throws, the call is cancelled and that error is thrown to the
 * consumer. Writing stops when the call ends or the consumer stops reading.
 */
export function bidiCall<Req, Res>(
  client: Client,
  definition: MethodDefinition<Req, Res>,
  requests: AsyncIterable<Req>,
  settings: CallSettings,
): AsyncQueue<Res> {
  const aborted = abortedBeforeStart(definition, settings);
  if (aborted) throw aborted;
  const call = openCall(client, definition, settings);
  let stopped = false;
  let resolveStop = () => {};
  const stop = new Promise<void>((resolve) => (resolveStop = resolve));
  const halt = () => {
    stopped = true;
    resolveStop();
  };
  const responses = receive(call, definition, settings, halt);
  void (async () => {
    for await (const request of requests) {
      if (stopped) return;
      const message = definition.requestSerialize(request);
      await Promise.race([new Promise((written) => call.sendMessageWithContext({ callback: written }, message)), stop]);
      if (stopped) return;
    }
    if (!stopped) call.halfClose();
  })().catch((error: unknown) => {
    halt();
    cancel(call);
    responses.fail(error);
  });
  return responses;
}

/**
 * The call's responses as an async iterator; breaking out of it cancels the call. Messages are read one
 * `startRead` at a time, and none while the queue holds its high-water mark, so a slow consumer holds the
 * server back through HTTP/2 flow control instead of filling memory. `onEnd` runs when the call ends or is
 * stopped, whoever ends it.
 */
function receive<Res>(
  call: GrpcCall,
  definition: Pick<MethodDefinition<unknown, Res>, "path" | "responseDeserialize">,
  settings: CallSettings,
  onEnd?: () => void,
): AsyncQueue<Res> {
  let paused = false;
  let reading = false;
  let failure: GrpcFailure | undefined;
  const read = () => {
    if (reading || paused) return;
    reading = true;
    call.startRead();
  };
  const queue = new AsyncQueue<Res>({
    pause: () => (paused = true),
    resume: () => {
      paused = false;
      read();
    },
    cancel: () => {
      onEnd?.();
      cancel(call);
    },
  });
  const detach = onAbort(settings.signal, () => cancel(call));
  call.start(settings.metadata, {
    onReceiveMetadata() {},
    onReceiveMessage(bytes: Buffer) {
      reading = false;
      // Deserialized in place, not through a result object: this runs once per streamed message.
      let message: Res;
      try {
        message = definition.responseDeserialize(bytes);
      } catch (error) {
        failure ??= parsingFailure(error);
        return call.cancelWithStatus(failure.code, failure.details);
      }
      queue.push(message);
      read();
    },
    onReceiveStatus(status: StatusObject) {
      detach();
      onEnd?.();
      const outcome = failure ?? status;
      if (outcome.code === GrpcStatus.OK) queue.end();
      else queue.fail(failureError(outcome, definition, settings));
    },
  });
  read();
  return queue;
}

/** What grpc-js' Client reports for a response its method's deserializer rejects. */
function parsingFailure(error: unknown): GrpcFailure {
  return { code: GrpcStatus.INTERNAL, details: `Response message parsing error: ${error instanceof Error ? error.message : String(error)}` };
}

/** The channel's call for one RPC, with the call's deadline (none = Infinity, as grpc-js' Client passes). */
function openCall(client: Client, definition: { path: string }, settings: CallSettings): GrpcCall {
  return client.getChannel().createCall(definition.path, settings.deadlineMs ?? Infinity, null, null, null);
}

/** What `ClientCall.cancel()` does: the status the server and the call's own listener see. */
function cancel(call: GrpcCall): void {
  call.cancelWithStatus(GrpcStatus.CANCELLED, "Cancelled on client");
}

type ErrorContext = { rpc: string; method?: string };

function errorContext(definition: { path: string }, settings: CallSettings): ErrorContext {
  return { rpc: definition.path.slice(definition.path.lastIndexOf("/") + 1), method: settings.method };
}

/** The error for a call whose signal was aborted before it started, if it was. */
function abortedBeforeStart(definition: { path: string }, settings: CallSettings): ClarifaiError | undefined {
  const { signal } = settings;
  return signal?.aborted ? cancelledByCaller(errorContext(definition, settings), signal.reason) : undefined;
}

/** Worked out only when a call fails: most calls never need it. */
function failureError(failure: GrpcFailure, definition: { path: string }, settings: CallSettings): ClarifaiError {
  const { signal } = settings;
  return fromGrpcError(failure, { ...errorContext(definition, settings), aborted: signal?.aborted === true, abortReason: signal?.reason });
}

function onAbort(signal: AbortSignal | undefined, cancel: () => void): () => void {
  if (!signal) return () => {};
  signal.addEventListener("abort", cancel, { once: true });
  return () => signal.removeEventListener("abort", cancel);
}
