/**
 * The three call kinds over grpc-js, as a promise (unary) and async iterables (server streaming, bidi).
 * Every failure is a ClarifaiError; a consumer that stops iterating early cancels the call; an AbortSignal
 * cancels any call; `deadlineMs` becomes the gRPC deadline.
 */
import { status as GrpcStatus } from "@grpc/grpc-js";
import type { Client, ClientReadableStream, Metadata, MethodDefinition, CallOptions as GrpcCallOptions, StatusObject } from "@grpc/grpc-js";
import { fromGrpcError, isServiceError, cancelledByCaller, type GrpcFailure } from "./grpc-error.js";
import { AsyncQueue } from "./async-queue.js";
import type { ClarifaiError } from "../errors.js";

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
    const call = client.getChannel().createCall(definition.path, settings.deadlineMs ?? Infinity, null, null, null);
    let response: { value: Res } | undefined;
    let failure: GrpcFailure | undefined;
    const fail = (code: GrpcStatus, details: string) => {
      failure ??= { code, details };
      call.cancelWithStatus(code, details);
    };
    const detach = onAbort(settings.signal, () => call.cancelWithStatus(GrpcStatus.CANCELLED, "Cancelled on client"));
    call.start(settings.metadata, {
      onReceiveMetadata() {},
      onReceiveMessage(bytes: Buffer) {
        if (response) return fail(GrpcStatus.UNIMPLEMENTED, "Too many responses received");
        try {
          response = { value: definition.responseDeserialize(bytes) };
        } catch (error) {
          return fail(GrpcStatus.INTERNAL, `Response message parsing error: ${error instanceof Error ? error.message : String(error)}`);
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
  const call = client.makeServerStreamRequest(
    definition.path,
    definition.requestSerialize,
    definition.responseDeserialize,
    request,
    settings.metadata,
    grpcOptions(settings),
  );
  return receive(call, definition, settings);
}

/**
 * Writes `requests` as they come (respecting write backpressure) while yielding responses as they arrive, so it
 * works both with servers that answer while the client sends and with those that answer only after half-close.
 * If `requests` throws, the call is cancelled and that error is thrown to the consumer. Writing stops when the
 * call ends or the consumer stops reading.
 */
export function bidiCall<Req, Res>(
  client: Client,
  definition: MethodDefinition<Req, Res>,
  requests: AsyncIterable<Req>,
  settings: CallSettings,
): AsyncQueue<Res> {
  const aborted = abortedBeforeStart(definition, settings);
  if (aborted) throw aborted;
  const call = client.makeBidiStreamRequest(
    definition.path,
    definition.requestSerialize,
    definition.responseDeserialize,
    settings.metadata,
    grpcOptions(settings),
  );
  let stopped = false;
  const stop = new Promise<void>((resolve) => call.once("close", () => {
    stopped = true;
    resolve();
  }));
  const responses = receive(call, definition, settings, () => (stopped = true));
  void (async () => {
    for await (const request of requests) {
      if (stopped) return;
      if (!call.write(request)) await Promise.race([new Promise((r) => call.once("drain", r)), stop]);
      if (stopped) return;
    }
    call.end();
  })().catch((error: unknown) => {
    stopped = true;
    call.cancel();
    responses.fail(error);
  });
  return responses;
}

/** The call's responses as an async iterator; breaking out of it cancels the call. */
function receive<Res>(
  call: ClientReadableStream<Res>,
  definition: { path: string },
  settings: CallSettings,
  onStop?: () => void,
): AsyncQueue<Res> {
  const queue = new AsyncQueue<Res>({
    pause: () => call.pause(),
    resume: () => call.resume(),
    cancel: () => {
      onStop?.();
      call.cancel();
    },
  });
  call.on("data", (message: Res) => queue.push(message));
  call.on("end", () => queue.end());
  call.on("error", (error) => queue.fail(mapError(error, definition, settings)));
  const detach = onAbort(settings.signal, () => call.cancel());
  call.on("status", detach); // every call ends with a status, whoever ended it
  return queue;
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
function mapError(error: unknown, definition: { path: string }, settings: CallSettings): unknown {
  return isServiceError(error) ? failureError(error, definition, settings) : error;
}

function failureError(failure: GrpcFailure, definition: { path: string }, settings: CallSettings): ClarifaiError {
  const { signal } = settings;
  return fromGrpcError(failure, { ...errorContext(definition, settings), aborted: signal?.aborted === true, abortReason: signal?.reason });
}

/** Shared by every call without a deadline: grpc-js only reads call options. */
const NO_CALL_OPTIONS: GrpcCallOptions = Object.freeze({});

function grpcOptions(settings: CallSettings): GrpcCallOptions {
  return settings.deadlineMs === undefined ? NO_CALL_OPTIONS : { deadline: new Date(settings.deadlineMs) };
}

function onAbort(signal: AbortSignal | undefined, cancel: () => void): () => void {
  if (!signal) return () => {};
  signal.addEventListener("abort", cancel, { once: true });
  return () => signal.removeEventListener("abort", cancel);
}
