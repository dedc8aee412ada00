/**
 * Retries for the retryable statuses of spec §5.4 and gRPC UNAVAILABLE: bounded attempts and elapsed time,
 * exponential backoff with full jitter. Streams (call-stream.ts) retry only the opening of the call, up to its
 * first result, and only while the caller says the attempt can be replayed.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { status as GrpcStatus } from "@grpc/grpc-js";
import { ClarifaiError } from "../errors.js";
import { StatusCode } from "../wire/status-code.js";
import { cancelledByCaller } from "../transport/grpc-error.js";
import { invalidOption } from "../transport/invalid-option.js";
import type { RetryOptions } from "./options.js";

export const DEFAULT_RETRYABLE_CODES: readonly number[] = [
  StatusCode.MODEL_DEPLOYING,
  StatusCode.MODEL_BUSY_PLEASE_RETRY,
  StatusCode.MODEL_LOADING,
  StatusCode.CONN_EXCEED_HOURLY_LIMIT,
  StatusCode.CONN_THROTTLED,
];

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxElapsedMs: number;
  readonly retryableCodes: ReadonlySet<number>;
}

const defaults = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 10_000, maxElapsedMs: 120_000 };

/** The call's retry option wins over the client's; `false` disables retries (undefined policy). */
export function resolveRetryPolicy(
  clientRetry: RetryOptions | false | undefined,
  callRetry: RetryOptions | false | undefined,
): RetryPolicy | undefined {
  const chosen = callRetry ?? clientRetry ?? {};
  if (chosen === false) return undefined;
  const where = callRetry !== undefined ? "call retry" : "client retry";
  const number = (key: keyof typeof defaults, min: number): number => {
    const value = chosen[key] ?? defaults[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
      throw invalidOption(`${where}.${key}`, `expected a number ≥ ${min}, got ${String(value)}`);
    }
    return value;
  };
  return {
    maxAttempts: Math.floor(number("maxAttempts", 1)),
    initialDelayMs: number("initialDelayMs", 0),
    maxDelayMs: number("maxDelayMs", 0),
    maxElapsedMs: number("maxElapsedMs", 0),
    retryableCodes: new Set(chosen.retryableCodes ?? DEFAULT_RETRYABLE_CODES),
  };
}

export function isRetryable(error: unknown, policy: RetryPolicy): boolean {
  if (!(error instanceof ClarifaiError)) return false;
  if (error.grpcCode !== undefined) return error.grpcCode === GrpcStatus.UNAVAILABLE;
  return policy.retryableCodes.has(error.code);
}

export interface RetryContext {
  policy: RetryPolicy | undefined;
  signal?: AbortSignal;
  /** Absolute deadline of the whole call (epoch ms); no retry sleeps past it. */
  deadlineMs?: number;
  rpc: string;
  method?: string;
  /** Full-jitter source, replaceable in tests. */
  random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, the policy is exhausted, or
 * `replayable()` says the next attempt may not be made (e.g. a bidi call consumed input it cannot resend).
 */
export function withRetries<T>(attempt: () => Promise<T>, context: RetryContext, replayable: () => boolean = () => true): Promise<T> {
  const startedMs = Date.now();
  // The first attempt's promise is chained on directly: most calls succeed at once, and pay no extra async frame.
  return attemptOnce(attempt).catch(async (firstError: unknown) => {
    let error = firstError;
    for (let attemptNumber = 1; ; attemptNumber++) {
      if (!replayable()) throw error;
      await backOffOrThrow(error, attemptNumber, startedMs, context);
      try {
        return await attempt();
      } catch (next) {
        error = next;
      }
    }
  });
}

/** `attempt()`, with a synchronous throw turned into a rejection. */
function attemptOnce<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return attempt();
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Sleeps before the next attempt, or rethrows `error` when it may not be retried. */
async function backOffOrThrow(error: unknown, attemptNumber: number, startedMs: number, context: RetryContext): Promise<void> {
  const { policy } = context;
  if (!policy || attemptNumber >= policy.maxAttempts || !isRetryable(error, policy)) throw error;
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attemptNumber - 1));
  const delayMs = Math.floor((context.random ?? Math.random)() * ceiling);
  const resumeMs = Date.now() + delayMs;
  if (resumeMs - startedMs > policy.maxElapsedMs) throw error;
  if (context.deadlineMs !== undefined && resumeMs >= context.deadlineMs) throw error;
  try {
    await sleep(delayMs, undefined, { signal: context.signal });
  } catch {
    throw cancelledByCaller({ rpc: context.rpc, method: context.method }, context.signal?.reason);
  }
}
