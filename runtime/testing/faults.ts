/** Per-method fault injection for the test server: what goes wrong, and how many times. */

export interface Fault {
  /** Wait this long before answering (a cancel or deadline during the wait ends the call). */
  delayMs?: number;
  /**
   * Answer the next `times` calls (default: every call) with this failure instead of running the handler:
   * an in-band Clarifai status (`{ code: 21355 }` = MODEL_LOADING) or a gRPC status (`{ grpcCode: 14 }` = UNAVAILABLE).
   */
  fail?: { times?: number; code?: number; description?: string; grpcCode?: number };
  /** Streams: after sending this many items, end the call with gRPC UNAVAILABLE, like a crashed server. */
  dieAfterItems?: number;
  /** Answer with bytes that are not a valid response message. */
  malformed?: boolean;
}

/** The failure to inject for this call, counting down `fail.times`. */
export function takeFailure(fault: Fault | undefined): Fault["fail"] | undefined {
  const fail = fault?.fail;
  if (!fail) return undefined;
  if (fail.times === undefined) return fail;
  if (fail.times <= 0) return undefined;
  fail.times--;
  return fail;
}

/** Bytes that cannot be decoded as a MultiOutputResponse (field 1 claims 16 bytes but the message ends). */
export const MALFORMED_BYTES = Uint8Array.from([0x0a, 0x10, 0x08]);
