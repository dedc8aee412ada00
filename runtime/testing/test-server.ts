/**
 * `startTestServer`: a real gRPC server on loopback speaking the Clarifai V2 protos, running TypeScript handlers
 * in place of a model. See README.md in this folder.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { once } from "node:events";
import { create } from "@bufbuild/protobuf";
import {
  Server,
  ServerCredentials,
  status as GrpcStatus,
  type Metadata,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type MethodDefinition,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from "@grpc/grpc-js";
import {
  SingleModelResponseSchema,
  SingleModelVersionResponseSchema,
  SingleUserResponseSchema,
  type GetModelRequest,
  type GetModelVersionRequest,
} from "../gen/proto/clarifai/api/service_pb.js";
import { createWire, type PostModelOutputsRequest } from "../wire/index.js";
import { StatusCode } from "../wire/status-code.js";
import { decodeArguments } from "../codec/index.js";
import { signatureToProto } from "../signature-proto.js";
import type { MethodSignature } from "../signature.js";
import { rpc, type ModelMethod } from "../transport/method-definitions.js";
import { asBuffer } from "../transport/as-buffer.js";
import { apiRpc } from "../transport/api-method-definitions.js";
import { AsyncQueue } from "../transport/async-queue.js";
import { MALFORMED_BYTES, takeFailure, type Fault } from "./faults.js";
import {
  GET_SIGNATURES, failure, methodNameOf, resolveMethod, runStreaming, runUnary, signaturesAnswer,
  type Answer, type Handler, type HandlerContext,
} from "./model-calls.js";

export interface TestServerOptions {
  signatures: readonly MethodSignature[];
  /** One handler per method name (see `Handler`). */
  handlers: Readonly<Record<string, Handler>>;
  /** Default 0: any free port. The server always binds 127.0.0.1. */
  port?: number;
  /** What GetModel / GetModelVersion answer; defaults test-user / test-app / test-model / version "1". */
  model?: { userId?: string; appId?: string; modelId?: string; versionId?: string };
  /** The user id GetUser answers for "me" (the PAT owner); default "test-user". */
  ownerId?: string;
  /** Mimic the local model server: read the whole bidi request stream before calling the handler (spec §5.2). */
  bufferBidiUntilHalfClose?: boolean;
  /** Faults by model method name, or by RPC name (`GetModel`, `GetUser`, …) for the other RPCs. Mutable. */
  faults?: Record<string, Fault>;
  /**
   * Default true: keep every request in `requests`. Set false for a server that runs long (a demo, a benchmark, a
   * soak test): the log holds each request for the server's life, which grows memory and GC work without bound.
   */
  recordRequests?: boolean;
  /**
   * Serve TLS with this PEM key and certificate chain instead of plaintext, e.g. to test clients that trust a private
   * CA (`rootCertificatesPath`). Clients then connect without `insecure`, to a name the certificate holds.
   */
  tls?: { key: string | Uint8Array; cert: string | Uint8Array };
}

export interface ReceivedRequest {
  /** `PostModelOutputs`, `GenerateModelOutputs`, `StreamModelOutputs`, `GetModel`, `GetModelVersion`, `GetUser`. */
  rpc: string;
  /** The model method (`_method_name`) for model calls. */
  method?: string;
  /** Request metadata as plain strings, e.g. `authorization`. */
  metadata: Record<string, string>;
  /** The request; for bidi calls the first message. */
  request: unknown;
  /** Every message of a bidi call, as they arrive. */
  messages: unknown[];
  /** Set when the client cancelled the call (or its deadline passed). */
  cancelled: boolean;
}

export interface TestServer {
  /** `127.0.0.1:<port>`, for `baseUrl` with `insecure: true` (with `tls`, use a name the certificate holds). */
  readonly address: string;
  readonly port: number;
  /** Every request received, in arrival order (empty with `recordRequests: false`). */
  readonly requests: ReceivedRequest[];
  /** The fault table; change it between calls. */
  readonly faults: Record<string, Fault>;
  /** Stops the server, cancelling calls still running. */
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const record = options.recordRequests !== false;
  const faults: Record<string, Fault> = options.faults ?? {};
  const model = { userId: "test-user", appId: "test-app", modelId: "test-model", versionId: "1", ...options.model };
  const server = new Server();

  function begin(rpcName: string, call: { metadata: Metadata; on(event: "cancelled", f: () => void): unknown }, request: unknown, method?: string) {
    const entry: ReceivedRequest = { rpc: rpcName, method, metadata: metadataRecord(call.metadata), request, messages: [request], cancelled: false };
    if (record) requests.push(entry);
    const abort = new AbortController();
    call.on("cancelled", () => {
      entry.cancelled = true;
      abort.abort(new Error("cancelled by the client"));
    });
    const fault = faults[method ?? rpcName];
    return { entry, signal: abort.signal, fault, failure: takeFailure(fault) };
  }

  async function delay(fault: Fault | undefined, signal: AbortSignal): Promise<boolean> {
    if (!fault?.delayMs) return !signal.aborted;
    return sleep(fault.delayMs, true, { signal }).catch(() => false);
  }

  function unary<Req, Res>(rpcName: string, answer: (request: Req, context: HandlerContext) => Promise<Res> | Res, methodOf?: (r: Req) => string | undefined) {
    return async (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res | Uint8Array>) => {
      const { signal, fault, failure: fail } = begin(rpcName, call, call.request, methodOf?.(call.request));
      if (!(await delay(fault, signal))) return;
      if (fail?.grpcCode !== undefined) return callback({ code: fail.grpcCode, details: fail.description ?? "injected fault" });
      if (fault?.malformed) return callback(null, MALFORMED_BYTES);
      if (fail) return callback(null, failure(fail.code ?? StatusCode.FAILURE, "injected fault", [], fail.description) as Res);
      callback(null, await answer(call.request, { metadata: call.metadata, request: call.request as PostModelOutputsRequest, signal }));
    };
  }

  async function postModelOutputs(request: PostModelOutputsRequest, context: HandlerContext): Promise<Answer> {
    const name = methodNameOf(request.inputs[0]) ?? "predict";
    if (name === GET_SIGNATURES) return signaturesAnswer(options.signatures);
    const resolved = resolveMethod(name, options.signatures, options.handlers);
    if (!("handler" in resolved)) return resolved;
    return runUnary(resolved.signature, resolved.handler, request.inputs, context);
  }

  async function stream(
    rpcName: string,
    call: ServerWritableStream<PostModelOutputsRequest, Answer> | ServerDuplexStream<PostModelOutputsRequest, Answer>,
    first: PostModelOutputsRequest | undefined,
    responses: (context: HandlerContext) => AsyncIterable<Answer>,
    begun: ReturnType<typeof begin>,
  ): Promise<void> {
    const { signal, fault, failure: fail } = begun;
    if (!(await delay(fault, signal))) return;
    if (fail?.grpcCode !== undefined) return void call.emit("error", { code: fail.grpcCode, details: fail.description ?? "injected fault" });
    if (fault?.malformed) {
      call.write(MALFORMED_BYTES as unknown as Answer);
      return void call.end();
    }
    if (fail) {
      // end() takes trailing metadata, not a message: write the failure, then end.
      call.write(failure(fail.code ?? StatusCode.FAILURE, "injected fault", [], fail.description));
      return void call.end();
    }
    let sent = 0;
    for await (const response of responses({ metadata: call.metadata, request: first ?? serverWire.PostModelOutputsRequest.create(), signal })) {
      if (signal.aborted) return;
      if (fault?.dieAfterItems !== undefined && sent >= fault.dieAfterItems) {
        return void call.emit("error", { code: GrpcStatus.UNAVAILABLE, details: `test server died after ${sent} item(s) (${rpcName})` });
      }
      if (!call.write(response)) await once(call, "drain");
      sent++;
    }
    call.end();
  }

  async function* generateResponses(request: PostModelOutputsRequest, context: HandlerContext): AsyncGenerator<Answer> {
    const resolved = resolveMethod(methodNameOf(request.inputs[0]) ?? "generate", options.signatures, options.handlers);
    if (!("handler" in resolved)) return yield resolved;
    if (request.inputs.length !== 1) return yield failure(StatusCode.FAILURE, "Generate requires exactly one input");
    let args: Record<string, unknown>;
    try {
      args = decodeArguments(resolved.signature, request.inputs[0]!.data!);
    } catch (error) {
      return yield failure(StatusCode.FAILURE, (error as Error).message);
    }
    yield* runStreaming(resolved.signature, resolved.handler, args, context);
  }

  async function bidi(call: ServerDuplexStream<PostModelOutputsRequest, Answer>): Promise<void> {
    // Not the readable's own async iterator: finishing it would destroy the call before the answers are written.
    const incoming = new AsyncQueue<PostModelOutputsRequest>({ pause: () => call.pause(), resume: () => call.resume() });
    call.on("data", (message: PostModelOutputsRequest) => incoming.push(message));
    call.on("end", () => incoming.end());
    call.on("error", (error) => incoming.fail(error));
    const buffered: PostModelOutputsRequest[] = [];
    if (options.bufferBidiUntilHalfClose) {
      for (let next = await incoming.next(); !next.done; next = await incoming.next()) buffered.push(next.value);
    }
    const pull = async () => (options.bufferBidiUntilHalfClose ? { done: buffered.length === 0, value: buffered.shift() } : incoming.next());
    const first = await pull();
    const request = first.done ? undefined : (first.value as PostModelOutputsRequest);
    const begun = begin("StreamModelOutputs", call, request, methodNameOf(request?.inputs[0]) ?? "stream");
    for (const later of buffered) begun.entry.messages.push(later);
    await stream("StreamModelOutputs", call, request, (context) => bidiResponses(request, pull, begun.entry, context), begun);
  }

  async function* bidiResponses(
    first: PostModelOutputsRequest | undefined,
    pull: () => Promise<IteratorResult<PostModelOutputsRequest | undefined>>,
    entry: ReceivedRequest,
    context: HandlerContext,
  ): AsyncGenerator<Answer> {
    if (!first) return yield failure(StatusCode.FAILURE, ""); // what the servicer answers to an empty request stream
    const resolved = resolveMethod(methodNameOf(first.inputs[0]) ?? "stream", options.signatures, options.handlers);
    if (!("handler" in resolved)) return yield resolved;
    const { signature, handler } = resolved;
    const streamField = signature.input_fields?.find((f) => f.iterator);
    if (!streamField) return yield failure(StatusCode.FAILURE, `Method ${signature.name} has no streaming parameter`);
    const itemOnly: MethodSignature = { ...signature, input_fields: [{ ...streamField, required: true }] };
    let args: Record<string, unknown>;
    try {
      args = decodeArguments(signature, first.inputs[0]!.data!);
    } catch (error) {
      return yield failure(StatusCode.FAILURE, (error as Error).message);
    }
    const firstItem = args[streamField.name];
    const buffered = options.bufferBidiUntilHalfClose === true;
    args[streamField.name] = (async function* items() {
      yield firstItem;
      for (let next = await pull(); !next.done; next = await pull()) {
        if (!buffered) entry.messages.push(next.value);
        yield decodeArguments(itemOnly, next.value!.inputs[0]!.data!)[streamField.name];
      }
    })();
    yield* runStreaming(signature, handler, args, context);
  }

  const implementation: UntypedServiceImplementation = {
    PostModelOutputs: unary("PostModelOutputs", postModelOutputs, (r: PostModelOutputsRequest) => methodNameOf(r.inputs[0]) ?? "predict"),
    GenerateModelOutputs: (call: ServerWritableStream<PostModelOutputsRequest, Answer>) => {
      const begun = begin("GenerateModelOutputs", call, call.request, methodNameOf(call.request.inputs[0]) ?? "generate");
      return stream("GenerateModelOutputs", call, call.request, (context) => generateResponses(call.request, context), begun);
    },
    StreamModelOutputs: bidi,
    GetModel: unary("GetModel", (request: GetModelRequest) =>
      request.modelId !== model.modelId
        ? create(SingleModelResponseSchema, { status: { code: StatusCode.MODEL_DOES_NOT_EXIST, description: "Model does not exist" } })
        : create(SingleModelResponseSchema, {
            status: { code: StatusCode.SUCCESS },
            model: { id: model.modelId, userId: model.userId, appId: model.appId, modelVersion: modelVersion() },
          })),
    GetModelVersion: unary("GetModelVersion", (request: GetModelVersionRequest) =>
      request.modelId !== model.modelId || (request.versionId !== "" && request.versionId !== model.versionId)
        ? create(SingleModelVersionResponseSchema, { status: { code: StatusCode.MODEL_DOES_NOT_EXIST, description: "Model version does not exist" } })
        : create(SingleModelVersionResponseSchema, { status: { code: StatusCode.SUCCESS }, modelVersion: modelVersion() })),
    GetUser: unary("GetUser", () =>
      create(SingleUserResponseSchema, { status: { code: StatusCode.SUCCESS }, user: { id: options.ownerId ?? "test-user" } })),
  };

  function modelVersion() {
    return { id: model.versionId, methodSignatures: options.signatures.map(signatureToProto) };
  }

  server.addService(serviceDefinition(), implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, serverCredentials(options.tls), (error, bound) =>
      error ? reject(error) : resolve(bound)),
  );
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.forceShutdown();
        resolve();
      }),
  };
}

function serverCredentials(tls: TestServerOptions["tls"]): ServerCredentials {
  if (tls === undefined) return ServerCredentials.createInsecure();
  const pem = (text: string | Uint8Array) => (typeof text === "string" ? Buffer.from(text) : asBuffer(text));
  return ServerCredentials.createSsl(null, [{ private_key: pem(tls.key), cert_chain: pem(tls.cert) }]);
}

/** The server's own coders, apart from the clients' in its process (see `createWire`). */
const serverWire = createWire();

/** A model call the server's way round: requests decoded by grpc-js, answers encoded (or raw bytes: `passBytes`). */
function served({ path, requestStream, responseStream }: ModelMethod): MethodDefinition<PostModelOutputsRequest, Answer> {
  const { PostModelOutputsRequest: request, MultiOutputResponse: response } = serverWire;
  return {
    path,
    requestStream,
    responseStream,
    requestSerialize: (message) => asBuffer(request.encode(message).finish()),
    requestDeserialize: (bytes) => request.decode(bytes),
    responseSerialize: (answer) => asBuffer(response.encode(answer).finish()),
    responseDeserialize: (bytes) => response.decode(bytes),
  };
}

/** The V2 methods the server implements; responses may be raw bytes (fault injection: malformed answers). */
function serviceDefinition(): ServiceDefinition {
  const passBytes = <Req, Res>(definition: MethodDefinition<Req, Res>): MethodDefinition<Req, Res | Uint8Array> => ({
    ...definition,
    responseSerialize: (value) => (value instanceof Uint8Array ? Buffer.from(value) : definition.responseSerialize(value)),
  });
  return {
    PostModelOutputs: passBytes(served(rpc.postModelOutputs)),
    GenerateModelOutputs: passBytes(served(rpc.generateModelOutputs)),
    StreamModelOutputs: passBytes(served(rpc.streamModelOutputs)),
    GetModel: passBytes(apiRpc.getModel),
    GetModelVersion: passBytes(apiRpc.getModelVersion),
    GetUser: passBytes(apiRpc.getUser),
  } as ServiceDefinition;
}

function metadataRecord(metadata: Metadata): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata.getMap()).map(([key, value]) => [key, String(value)]));
}
