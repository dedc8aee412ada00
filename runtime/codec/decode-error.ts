/** Responses that do not match the signature surface as a ClarifaiError, never as a TypeError. */
import { ClarifaiError } from "../errors.js";

export function malformed(method: string, path: string, problem: string): ClarifaiError {
  return new ClarifaiError(`${method}: malformed response at "${path}": ${problem}`, {
    code: 0,
    method,
    description: "malformed response",
    details: `${path}: ${problem}`,
  });
}
