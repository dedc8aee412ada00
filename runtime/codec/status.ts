/** In-band Clarifai statuses (spec §5.3): anything but SUCCESS becomes a ClarifaiError. */
import { ClarifaiError, statusCodeName } from "../errors.js";
import type { Init } from "../wire/index.js";
import { StatusCode } from "../wire/status-code.js";

export function isSuccess(status: Init.Status | null | undefined): boolean {
  return status?.code === StatusCode.SUCCESS;
}

/** The error for a non-SUCCESS `status` of a call to the model method `method` (a missing status counts as one). */
export function statusToError(status: Init.Status | null | undefined, method: string): ClarifaiError {
  const code = status?.code ?? 0;
  const reason = [status?.description, status?.details].filter(Boolean).join(": ") || "no description";
  return new ClarifaiError(`${method} failed: ${statusCodeName(code)} (${code}) ${reason}`, {
    code,
    description: status?.description ?? "",
    details: status?.details ?? "",
    stackTrace: status?.stackTrace ?? [],
    requestId: status?.reqId ?? "",
    method,
  });
}
