/** Encoding and decoding of calls by method signature (spec §3). See docs/internals.md "Codec". */
export { encodeArguments, encodeArgumentsNow, encodeStreamItem, decodeArguments } from "./arguments.js";
export { encodeResult, decodeResult } from "./result.js";
export { statusToError, isSuccess } from "./status.js";
export type { EncodeOptions } from "./encode-context.js";
