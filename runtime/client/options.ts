/** The options a client and each call accept (docs/internals.md "Runtime public API"). */

/** Which model a client calls; baked in by the generator, each field overridable by ClientOptions. */
export interface ModelIdentity {
  userId?: string;
  appId?: string;
  modelId: string;
  versionId?: string;
}

/**
 * Which compute runs the call (spec §4.4): a deployment, or a compute cluster + nodepool. None of them means
 * Clarifai's shared routing. The user ids default to the PAT owner (resolved once per client with GetUser).
 */
export interface RoutingOptions {
  deploymentId?: string;
  deploymentUserId?: string;
  computeClusterId?: string;
  nodepoolId?: string;
  computeClusterUserId?: string;
}

/** Retries with exponential backoff and full jitter; applies to the retryable statuses only. */
export interface RetryOptions {
  /** Total attempts including the first (default 5). */
  maxAttempts?: number;
  /** Upper bound of the first backoff (default 200 ms); doubles each retry. */
  initialDelayMs?: number;
  /** Cap of one backoff (default 10 s). */
  maxDelayMs?: number;
  /** No retry starts after this much time since the first attempt (default 120 s). */
  maxElapsedMs?: number;
  /**
   * Clarifai status codes retried (default MODEL_DEPLOYING 21351, MODEL_BUSY_PLEASE_RETRY 21354,
   * MODEL_LOADING 21355, CONN_EXCEED_HOURLY_LIMIT 11003, CONN_THROTTLED 11005). gRPC UNAVAILABLE is always retried.
   */
  retryableCodes?: readonly number[];
}

export interface ClientOptions extends RoutingOptions {
  /** Personal access token; default `process.env.CLARIFAI_PAT`. Never logged, never part of an error. */
  pat?: string;
  /**
   * Session token, sent as `x-clarifai-session-token` when there is no PAT (as the SDK does); default
   * `process.env.CLARIFAI_SESSION_TOKEN`. Never logged, never part of an error.
   */
  sessionToken?: string;
  userId?: string;
  appId?: string;
  modelId?: string;
  versionId?: string;
  /** `host:port` (TLS), `https://host[:port]` (TLS) or `http://host:port` (plaintext); default env
   * `CLARIFAI_API_BASE`, else `CLARIFAI_GRPC_BASE`, else `api.clarifai.com:443`. */
  baseUrl?: string;
  /** Plaintext gRPC, for a local model server. */
  insecure?: boolean;
  /**
   * A PEM file of the root certificates TLS connections trust instead of the system's (a private CA, e.g. an
   * on-premises deployment); default `process.env.CLARIFAI_ROOT_CERTIFICATES_PATH`. Read when the client is created.
   */
  rootCertificatesPath?: string;
  /** Deadline of every call, retries included; a call may override it. */
  timeoutMs?: number;
  /** Retry policy; `false` disables retries. */
  retry?: RetryOptions | false;
  /** Max size of one gRPC message in either direction (default 1 GiB, as the SDK). */
  maxMessageBytes?: number;
}

export interface CallOptions extends RoutingOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  retry?: RetryOptions | false;
}
