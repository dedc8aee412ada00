/**
 * Call arguments ↔ `Input.data` (spec §3.1): one part per given argument, by name, in signature order;
 * zero values sent, omitted (undefined) arguments not sent, `_method_name` in the metadata.
 */
import { implicit, type Data, type Init, type Part } from "../wire/index.js";
import type { ArgumentData } from "../wire/request-encoder.js";
import { ClarifaiError } from "../errors.js";
import type { MethodSignature, ModelTypeField } from "../signature.js";
import { describeType, describeValue } from "./describe.js";
import { EncodeContext, type EncodeOptions } from "./encode-context.js";
import { encodePartData } from "./encode-value.js";
import { decodeValue, emptyData } from "./decode-value.js";
import { decodeInline } from "./inline.js";

/**
 * Validates `args` against the signature and encodes them. For a STREAMING_STREAMING method the
 * iterator parameter's value is the stream's first item (the first message carries it with the other
 * arguments, spec §5.2); later items go through `encodeStreamItem`.
 */
export async function encodeArguments(
  method: MethodSignature,
  args: Readonly<Record<string, unknown>> | undefined,
  options?: EncodeOptions,
): Promise<ArgumentData> {
  return encodeArgumentsNow(method, args, options);
}

/**
 * `encodeArguments` for the call path: invalid arguments throw at once, and the result is a promise only when
 * file-backed media must be read first (a promise and its await cost more than the rest of a small call's encoding).
 */
export function encodeArgumentsNow(
  method: MethodSignature,
  args: Readonly<Record<string, unknown>> | undefined,
  options?: EncodeOptions,
): ArgumentData | Promise<ArgumentData> {
  const ctx = new EncodeContext(method.name, options);
  const fields = method.input_fields ?? [];
  const given = args ?? {};
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    ctx.fail("arguments", `an object of named arguments`, describeValue(given));
  }
  const { names, metadata } = planOf(method);
  for (const key in given) {
    if (Object.hasOwn(given, key) && !names.has(key)) {
      ctx.fail(key, `one of the parameters of ${method.name} (${[...names].join(", ") || "none"})`, "an unknown parameter");
    }
  }
  const parts: Init.Part[] = [];
  for (const field of fields) {
    const value = given[field.name];
    if (value === undefined || value === null) {
      if (field.required) ctx.fail(field.name, `${describeType(field)} (required)`, describeValue(value));
      continue;
    }
    parts.push({ id: implicit(field.name), data: encodePartData(field, value, field.name, ctx) });
  }
  const data: ArgumentData = { metadata, parts };
  return ctx.hasPendingLoads ? ctx.finish().then(() => data) : data;
}

/** A later message of a bidi stream: only the iterator parameter's part (and `_method_name`). */
export async function encodeStreamItem(method: MethodSignature, item: unknown, options?: EncodeOptions): Promise<ArgumentData> {
  const field = streamingField(method);
  const ctx = new EncodeContext(method.name, options);
  if (item === undefined || item === null) ctx.fail(field.name, `a stream item (${describeType(field)})`, describeValue(item));
  const data: ArgumentData = {
    metadata: planOf(method).metadata,
    parts: [{ id: implicit(field.name), data: encodePartData(field, item, field.name, ctx) }],
  };
  if (ctx.hasPendingLoads) await ctx.finish();
  return data;
}

/**
 * Server side: the arguments an input carries, by parameter name (missing optional ones left out).
 * A data without parts is the "old format" (spec §3.7): top-level fields are taken in parameter order.
 */
export function decodeArguments(method: MethodSignature, data: Data): Record<string, unknown> {
  const fields = method.input_fields ?? [];
  const args: Record<string, unknown> =
    data.parts.length === 0 ? decodeInline(method.name, fields, data) : decodeParts(method.name, fields, data.parts);
  for (const field of fields) {
    if (field.required && !(field.name in args)) {
      throw new ClarifaiError(`${method.name}: missing required argument "${field.name}"`, {
        code: 10020,
        method: method.name,
        description: "missing required argument",
        details: `Missing required argument: ${field.name}`,
      });
    }
  }
  return args;
}

function decodeParts(method: string, fields: readonly ModelTypeField[], parts: readonly Part[]): Record<string, unknown> {
  const byId = new Map(parts.map((part) => [part.id, part]));
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const part = byId.get(field.name);
    if (part !== undefined) args[field.name] = decodeValue(method, field, part.data ?? emptyData(), field.name);
  }
  return args;
}

function streamingField(method: MethodSignature): ModelTypeField {
  const field = method.input_fields?.find((f) => f.iterator);
  if (field === undefined) {
    throw new ClarifaiError(`${method.name}: the method has no streaming parameter`, { code: 0, method: method.name });
  }
  return field;
}

/** What every call of a method shares, worked out once per signature: its parameter names and its metadata. */
interface MethodPlan {
  names: ReadonlySet<string>;
  /** `{"_method_name": name}` as a Struct (spec §3.1); shared by every request, which protobufjs only reads. */
  metadata: Init.Struct;
}

const plans = new WeakMap<MethodSignature, MethodPlan>();

function planOf(method: MethodSignature): MethodPlan {
  let plan = plans.get(method);
  if (plan === undefined) {
    plan = {
      names: new Set((method.input_fields ?? []).map((f) => f.name)),
      metadata: { fields: { _method_name: { stringValue: method.name } } },
    };
    plans.set(method, plan);
  }
  return plan;
}
