/** Keeps the credentials (PAT, session token) out of every error a caller sees, even if a server echoes them back. */
import { ClarifaiError } from "../errors.js";

const REDACTED = "[REDACTED]";

export function redactSecret(error: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || !(error instanceof ClarifaiError)) return error;
  const texts = [error.message, error.description, error.details, ...error.stackTrace];
  if (!texts.some((text) => secrets.some((secret) => text.includes(secret)))) return error;
  const scrub = (text: string) => secrets.reduce((scrubbed, secret) => scrubbed.split(secret).join(REDACTED), text);
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
