import { ClarifaiError } from "../errors.js";

/** A client or call option that cannot be used; thrown before anything is sent. */
export function invalidOption(option: string, why: string): ClarifaiError {
  return new ClarifaiError(`Invalid option ${option}: ${why}.`, { code: 0, description: "invalid option" });
}
