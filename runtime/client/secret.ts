/** Keeps the PAT out of every error a caller sees, even if a server echoes it back. */
import { ClarifaiError } from "../errors.js";

const REDACTED = "[REDACTED]";

export function redactSecret(error: unknown, secret: string | undefined): unknown {
  if (!secret || !(error instanceof ClarifaiError)) return error;
  const texts = [error.message, error.description, error.details, ...error.stackTrace];
  if (!texts.some((text) => text.includes(secret))) return error;
  const scrub = (text: string) => text.split(secret).join(REDACTED);
  return new ClarifaiError(scrub(error.message), {
    code: error.code,
    description: scrub(error.description),
    details: scrub(error.details),
    stackTrace: error.stackTrace.map(scrub),
    requestId: error.requestId,
    method: error.method,
    grpcCode: error.grpcCode,
  });
}
