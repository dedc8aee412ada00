/**
 * The runtime's one error type. Model failures (in-band `status.code != SUCCESS`), gRPC failures, timeouts,
 * cancellation and undecodable responses all surface as a `ClarifaiError`; arguments rejected before anything is
 * sent are its subclass `ArgumentError`.
 */
import { StatusCode } from "./wire/status-code.js";

export interface ClarifaiErrorInit {
  /** Clarifai status code (`clarifai.api.status.StatusCode`), e.g. 10020 for FAILURE; 0 when none applies. */
  code: number;
  description?: string;
  details?: string;
  stackTrace?: readonly string[];
  requestId?: string;
  /** The model method the call was for. */
  method?: string;
  /** The gRPC status code when the failure was a gRPC status rather than an in-band one. */
  grpcCode?: number;
  cause?: unknown;
}

/** The name of a Clarifai status code (`10020` → `"FAILURE"`), or `"UNKNOWN_<code>"`. */
export function statusCodeName(code: number): string {
  return StatusCode[code] ?? `UNKNOWN_${code}`;
}

export class ClarifaiError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly description: string;
  readonly details: string;
  readonly stackTrace: readonly string[];
  readonly requestId: string | undefined;
  readonly method: string | undefined;
  readonly grpcCode: number | undefined;

  constructor(message: string, init: ClarifaiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "ClarifaiError";
    this.code = init.code;
    this.codeName = statusCodeName(init.code);
    this.description = init.description ?? "";
    this.details = init.details ?? "";
    this.stackTrace = init.stackTrace ?? [];
    this.requestId = init.requestId || undefined;
    this.method = init.method;
    this.grpcCode = init.grpcCode;
  }
}

export interface ArgumentErrorInit {
  method: string;
  /** Dotted path of the offending parameter, e.g. `images[2]` or `pair.0`. */
  parameter: string;
  /** What the signature expects, in words a TypeScript user reads (`an integer`, `Image`, `"fast" | "slow"`). */
  expected: string;
  /** What was given, described without echoing large or secret values. */
  received: string;
  /** Extra advice on what to write instead. */
  hint?: string;
  /** The position of the offending argument object in a batch call's array. */
  batchIndex?: number;
}

/** An argument rejected before anything was sent. */
export class ArgumentError extends ClarifaiError {
  readonly parameter: string;
  readonly expected: string;
  readonly received: string;
  readonly batchIndex: number | undefined;
  readonly #init: ArgumentErrorInit;

  constructor(init: ArgumentErrorInit) {
    const hint = init.hint ? ` ${init.hint}` : "";
    const where = init.batchIndex === undefined ? "" : ` of batch item ${init.batchIndex}`;
    super(
      `${init.method}: argument "${init.parameter}"${where} must be ${init.expected}, got ${init.received}.${hint}`,
      { code: 0, method: init.method, description: "invalid argument" },
    );
    this.name = "ArgumentError";
    this.parameter = init.parameter;
    this.expected = init.expected;
    this.received = init.received;
    this.batchIndex = init.batchIndex;
    this.#init = init;
  }

  /** The same error, naming the batch item it came from. */
  inBatchItem(index: number): ArgumentError {
    return new ArgumentError({ ...this.#init, batchIndex: index });
  }
}
