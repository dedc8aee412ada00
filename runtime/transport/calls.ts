/**
 * The three call kinds over grpc-js, as a promise (unary) and async iterables (server streaming, bidi).
 * Every failure is a ClarifaiError; a consumer that stops iterating early cancels the call; an AbortSignal
 * cancels any call; `deadlineMs` becomes the gRPC deadline.
 */
import type { Client, ClientReadableStream, Metadata, MethodDefinition, CallOptions as GrpcCallOptions } from "@grpc/grpc-js";
import { fromGrpcError, isServiceError, cancelledByCaller } from "./grpc-error.js";
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

export function unaryCall<Req, Res>(
  client: Client,
  definition: MethodDefinition<Req, Res>,
  request: Req,
  settings: CallSettings,
): Promise<Res> {
  return new Promise<Res>((resolve, reject) => {
    const aborted = abortedBeforeStart(definition, settings);
    if (aborted) return reject(aborted);
    const call = client.makeUnaryRequest(
      definition.path,
      definition.requestSerialize,
      definition.responseDeserialize,
      request,
      settings.metadata,
      grpcOptions(settings),
      (error, response) => {
        detach();
        if (error) reject(mapError(error, definition, settings));
        else resolve(response as Res);
      },
    );
    const detach = onAbort(settings.signal, () => call.cancel());
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
  if (!isServiceError(error)) return error;
  const { signal } = settings;
  return fromGrpcError(error, { ...errorContext(definition, settings), aborted: signal?.aborted === true, abortReason: signal?.reason });
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
