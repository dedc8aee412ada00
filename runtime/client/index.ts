export { createModelClient, closeClient } from "./create-model-client.js";
import type { MethodSignature } from "../signature.js";
import type { FetchFromApiOptions } from "./fetch-signatures.js";

export type { FetchFromApiOptions };

// Fetching signatures loads the protobuf-es descriptors (GetModel, signature JSON), which calls do not need: the
// module is imported on first use, so that importing the runtime stays cheap.

/** GetModelVersion for a pinned version, else GetModel (spec §2.3); a legacy model yields []. */
export async function fetchSignaturesFromApi(options: FetchFromApiOptions): Promise<MethodSignature[]> {
  return (await import("./fetch-signatures.js")).fetchSignaturesFromApi(options);
}

/** Asks a running model server with the `_GET_SIGNATURES` pseudo-method; a legacy model yields []. */
export async function fetchSignaturesFromServer(options: { address: string; timeoutMs?: number }): Promise<MethodSignature[]> {
  return (await import("./fetch-signatures.js")).fetchSignaturesFromServer(options);
}
export type { ClientOptions, CallOptions, RetryOptions, RoutingOptions, ModelIdentity } from "./options.js";
export { DEFAULT_RETRYABLE_CODES } from "./retry.js";
export { MAX_BATCH_INPUTS } from "./unary-method.js";
