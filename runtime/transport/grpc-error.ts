/** Maps a gRPC failure (non-OK status) to the runtime's ClarifaiError. */
import { status as GrpcStatus } from "@grpc/grpc-js";
import { ClarifaiError } from "../errors.js";
import { StatusCode } from "../wire/status-code.js";

/** The nearest Clarifai status code for a gRPC status, so `code` is always meaningful. */
const clarifaiCodeOf: Partial<Record<GrpcStatus, StatusCode>> = {
  [GrpcStatus.CANCELLED]: StatusCode.RPC_CANCELED,
  [GrpcStatus.DEADLINE_EXCEEDED]: StatusCode.RPC_REQUEST_TIMEOUT,
  [GrpcStatus.UNAVAILABLE]: StatusCode.RPC_SERVER_UNAVAILABLE,
  [GrpcStatus.UNIMPLEMENTED]: StatusCode.RPC_UNKNOWN_METHOD,
  [GrpcStatus.RESOURCE_EXHAUSTED]: StatusCode.RPC_REQUEST_QUEUE_FULL,
  [GrpcStatus.UNAUTHENTICATED]: StatusCode.CONN_CREDENTIALS_INVALID,
  [GrpcStatus.PERMISSION_DENIED]: StatusCode.CONN_INSUFFICIENT_SCOPES,
};

/** What a failed call's status says (a grpc-js StatusObject or ServiceError has both fields). */
export interface GrpcFailure {
  code: GrpcStatus;
  details: string;
}

/**
 * `rpc` is the gRPC method name (`PostModelOutputs`), `method` the model method the call was for.
 * `abortReason` is set when the caller's AbortSignal caused the cancellation.
 */
export function fromGrpcError(
  error: GrpcFailure,
  context: { rpc: string; method?: string; aborted?: boolean; abortReason?: unknown },
): ClarifaiError {
  const grpcName = GrpcStatus[error.code] ?? String(error.code);
  if (context.aborted && error.code === GrpcStatus.CANCELLED) return cancelledByCaller(context, context.abortReason);
  // grpc-js words it "Received message larger than max (N vs. M)" and "Attempted to send message with a size larger than M".
  const sizeExceeded = error.code === GrpcStatus.RESOURCE_EXHAUSTED && /message (?:with a size )?larger than/i.test(error.details);
  const code = sizeExceeded ? StatusCode.RPC_MAX_MESSAGE_SIZE_EXCEEDED : (clarifaiCodeOf[error.code] ?? StatusCode.INTERNAL_UNCATEGORIZED);
  const hint = sizeExceeded ? " Raise the maxMessageBytes client option if the message is expected to be this large." : "";
  return new ClarifaiError(`${label(context)} failed with gRPC ${grpcName}: ${error.details}.${hint}`, {
    code,
    description: `gRPC ${grpcName}`,
    details: error.details,
    method: context.method,
    grpcCode: error.code,
  });
}

/** The error of a call cancelled by the caller's AbortSignal (before or during the call). */
export function cancelledByCaller(context: { rpc: string; method?: string }, reason: unknown): ClarifaiError {
  return new ClarifaiError(`${label(context)} was cancelled by its AbortSignal.`, {
    code: StatusCode.REQUEST_CANCELED_BY_USER,
    description: "cancelled by the caller",
    method: context.method,
    grpcCode: GrpcStatus.CANCELLED,
    cause: reason,
  });
}

function label(context: { rpc: string; method?: string }): string {
  return context.method ? `${context.method} (${context.rpc})` : context.rpc;
}
