/**
 * What the test server answers to model calls, the way the official model server does (spec §3.6, §3.7, §5):
 * arguments decoded by the signature, results encoded as the "return" part, handler errors in-band as
 * FAILURE (10020) with details = message and stack_trace = lines.
 */
import { toJson } from "@bufbuild/protobuf";
import type { Metadata } from "@grpc/grpc-js";
import { MethodSignatureSchema } from "../gen/proto/clarifai/api/resources_pb.js";
import { StatusCode } from "../wire/status-code.js";
import { decodeArguments, encodeResult } from "../codec/index.js";
import { emptyData } from "../codec/decode-value.js";
import { signatureToProto } from "../signature-proto.js";
import type { MethodSignature } from "../signature.js";
import { implicit, type Init, type Input, type PostModelOutputsRequest } from "../wire/index.js";
import { pythonJsonDumps } from "./python-json.js";

/** What the server answers: built, then encoded by protobufjs. */
export type Answer = Init.MultiOutputResponse;

export interface HandlerContext {
  /** Request metadata, e.g. `metadata.get("authorization")`. */
  metadata: Metadata;
  /** The (first) request message as received. */
  request: PostModelOutputsRequest;
  /** Aborted when the client cancels the call or its deadline passes. */
  signal: AbortSignal;
}

/**
 * A model method in TypeScript. `args` are decoded by the signature (keys = parameter names; omitted optional
 * parameters are absent; a bidi method's iterator parameter is an AsyncIterable). Return the value (unary), or an
 * Iterable / AsyncIterable of values (streaming methods). A throw becomes an in-band FAILURE.
 * `args` is `any` on purpose: handlers annotate their own argument type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (args: any, context: HandlerContext) => unknown;

export const GET_SIGNATURES = "_GET_SIGNATURES";

export function methodNameOf(input: Input | undefined): string | undefined {
  const value = input?.data?.metadata?.fields["_method_name"];
  return value?.kind === "stringValue" ? value.stringValue! : undefined;
}

export function success(outputs: Init.Output[] = [], reqId = ""): Answer {
  return { status: { code: StatusCode.SUCCESS, reqId: implicit(reqId) }, outputs };
}

export function failure(code: number, details: string, stackTrace: string[] = [], description = ""): Answer {
  return { status: { code: implicit(code), description: implicit(description), details: implicit(details), stackTrace } };
}

/** A handler error as the model server reports it: FAILURE, details = message, stack_trace = lines + "". */
export function handlerFailure(error: unknown): Answer {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? [...error.stack.split("\n"), ""] : [];
  return failure(StatusCode.FAILURE, message, stack);
}

/** The `_GET_SIGNATURES` answer: a Python-json object of camelCase signatures by method name (spec §2.3). */
export function signaturesAnswer(signatures: readonly MethodSignature[]): Answer {
  const byName = Object.fromEntries(signatures.map((s) => [s.name, toJson(MethodSignatureSchema, signatureToProto(s))]));
  return success([{ status: { code: StatusCode.SUCCESS }, data: { text: { raw: pythonJsonDumps(byName) } } }]);
}

/** The signature and handler a request names, or the FAILURE the model server would answer. */
export function resolveMethod(
  name: string,
  signatures: readonly MethodSignature[],
  handlers: Readonly<Record<string, Handler>>,
): { signature: MethodSignature; handler: Handler } | Answer {
  const signature = signatures.find((s) => s.name === name);
  if (!signature) return failure(StatusCode.FAILURE, `Method ${name} not found in model class`);
  const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
  if (!handler) {
    return failure(StatusCode.FAILURE, `The test server has no handler for method "${name}": pass handlers.${name} to startTestServer.`);
  }
  return { signature, handler };
}

/** One output per input, each from a handler call; the first error fails the whole response, as the server does. */
export async function runUnary(
  signature: MethodSignature,
  handler: Handler,
  inputs: readonly Input[],
  context: HandlerContext,
): Promise<Answer> {
  try {
    const outputs: Init.Output[] = [];
    for (const input of inputs) {
      const args = decodeArguments(signature, input.data ?? emptyData());
      const value: unknown = await handler(args, context);
      outputs.push({ status: { code: StatusCode.SUCCESS }, data: encodeResult(signature, value) });
    }
    return success(outputs);
  } catch (error) {
    return handlerFailure(error);
  }
}

/** Streams a handler's items, one message each; an error ends the stream with one FAILURE message. */
export async function* runStreaming(
  signature: MethodSignature,
  handler: Handler,
  args: Record<string, unknown>,
  context: HandlerContext,
): AsyncGenerator<Answer, void, undefined> {
  try {
    const produced: unknown = await handler(args, context);
    if (!isIterable(produced)) {
      throw new TypeError(`handler for streaming method "${signature.name}" must return an Iterable or AsyncIterable`);
    }
    for await (const value of produced) {
      yield success([{ status: { code: StatusCode.SUCCESS }, data: encodeResult(signature, value) }]);
    }
  } catch (error) {
    yield handlerFailure(error);
  }
}

function isIterable(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    (Symbol.asyncIterator in value || Symbol.iterator in value)
  );
}
