/** Return values ↔ `Output.data` (spec §3.6): the part with id "return", with the inline fallback. */
import type { Data, Init, Part } from "../wire/index.js";
import { ClarifaiError } from "../errors.js";
import type { MethodSignature, ModelTypeField } from "../signature.js";
import { malformed } from "./decode-error.js";
import { emptyData, decodeValue } from "./decode-value.js";
import { EncodeContext, type EncodeOptions } from "./encode-context.js";
import { encodePartData } from "./encode-value.js";
import { decodeInlineValue } from "./inline.js";

const RETURN = "return";

/** Server side: `value` as the "return" part. Media must hold bytes or a URL (files are not read here). */
export function encodeResult(method: MethodSignature, value: unknown, options?: EncodeOptions): Init.Data {
  const ctx = new EncodeContext(`${method.name} result`, options);
  const field = returnField(method);
  if (value === undefined || value === null) ctx.fail(RETURN, "a return value", String(value));
  const data: Init.Data = { parts: [{ id: RETURN, data: encodePartData(field, value, RETURN, ctx) }] };
  if (ctx.hasPendingLoads) {
    throw new ClarifaiError(`${method.name}: a result cannot hold file-backed media; use fromBytes(await readFile(path))`, {
      code: 0,
      method: method.name,
    });
  }
  return data;
}

/**
 * Client side: the decoded return value of one output. Without a "return" part the whole data is the
 * value (old-format answers to calls without argument parts); there a zero scalar is the zero value,
 * as proto3 drops it, but a missing message is an error.
 */
export function decodeResult(method: MethodSignature, data: Data | null | undefined): unknown {
  const field = returnField(method);
  const output = data ?? emptyData();
  let part: Part | undefined;
  for (const candidate of output.parts) {
    if (candidate.id === RETURN) {
      part = candidate;
      break;
    }
  }
  if (part !== undefined) return decodeValue(method.name, field, part.data ?? emptyData(), RETURN);
  const value = decodeInlineValue(method.name, field, output, RETURN);
  if (value === null) throw malformed(method.name, RETURN, 'the output has no "return" part and no inline value');
  return value;
}

function returnField(method: MethodSignature): ModelTypeField {
  const field = method.output_fields?.[0];
  if (field === undefined) {
    throw new ClarifaiError(`${method.name}: the signature declares no return value`, { code: 0, method: method.name });
  }
  return field;
}
