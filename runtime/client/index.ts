export { createModelClient, closeClient } from "./create-model-client.js";
export { fetchSignaturesFromApi, fetchSignaturesFromServer, type FetchFromApiOptions } from "./fetch-signatures.js";
export type { ClientOptions, CallOptions, RetryOptions, RoutingOptions, ModelIdentity } from "./options.js";
export { DEFAULT_RETRYABLE_CODES } from "./retry.js";
export { MAX_BATCH_INPUTS } from "./unary-method.js";
