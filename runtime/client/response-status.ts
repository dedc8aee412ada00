/** Checks a MultiOutputResponse (one per unary call or stream message): its outputs, or its in-band error. */
import { status as GrpcStatus } from "@grpc/grpc-js";
import { ClarifaiError } from "../errors.js";
import type { MultiOutputResponse, Output } from "../wire/index.js";
import { decodeModelResponse } from "../transport/method-definitions.js";
import { StatusCode } from "../wire/status-code.js";
import { statusToError } from "../codec/status.js";
import { decodeResult } from "../codec/index.js";
import type { MethodSignature } from "../signature.js";

/**
 * In-band failures (spec §5.3) become the ClarifaiError of the most specific failing status: a failing output's
 * (batch, MIXED_STATUS) or else the response's. A response whose shape is not one output per input is malformed.
 */
export function checkedOutputs(response: MultiOutputResponse, method: string, expectedOutputs: number): Output[] {
  const failingOutput = firstFailing(response.outputs);
  if (response.status?.code !== StatusCode.SUCCESS) {
    throw statusToError(failingOutput?.status?.details ? failingOutput.status : response.status, method);
  }
  if (failingOutput) throw statusToError(failingOutput.status, method);
  if (response.outputs.length !== expectedOutputs) {
    throw new ClarifaiError(
      `${method}: malformed response: expected ${expectedOutputs} output(s), got ${response.outputs.length}.`,
      { code: StatusCode.INTERNAL_UNCATEGORIZED, description: "malformed response", method, requestId: response.status?.reqId ?? "" },
    );
  }
  return response.outputs;
}

function firstFailing(outputs: readonly Output[]): Output | undefined {
  for (const output of outputs) {
    const code = output.status?.code;
    if (code != null && code !== StatusCode.SUCCESS && code !== 0) return output;
  }
  return undefined;
}

/**
 * A response's bytes → the message. Bytes that are no MultiOutputResponse are a malformed response, reported with
 * the gRPC status grpc-js gives a response it cannot parse (INTERNAL).
 */
export function readResponse(bytes: Uint8Array, method: string, rpc: string): MultiOutputResponse {
  try {
    return decodeModelResponse(bytes);
  } catch (cause) {
    const details = cause instanceof Error ? cause.message : String(cause);
    throw new ClarifaiError(`${method} (${rpc}): the server's answer is not a MultiOutputResponse message: ${details}.`, {
      code: StatusCode.INTERNAL_UNCATEGORIZED,
      description: "malformed response",
      details,
      method,
      grpcCode: GrpcStatus.INTERNAL,
      cause,
    });
  }
}

/** One stream message → its decoded result; an in-band failure message is its error (spec §5.1). */
export function decodeStreamMessage(signature: MethodSignature, bytes: Uint8Array, rpc: string): unknown {
  const [output] = checkedOutputs(readResponse(bytes, signature.name, rpc), signature.name, 1);
  return decodeResult(signature, output?.data);
}
