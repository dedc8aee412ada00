/** UNARY_UNARY methods: one call, or a batch split into PostModelOutputs requests of at most 128 inputs. */
import type { MethodSignature } from "../signature.js";
import { ArgumentError } from "../errors.js";
import type { Output } from "../wire/index.js";
import type { ArgumentData } from "../wire/request-encoder.js";
import { decodeResult, encodeArgumentsNow } from "../codec/index.js";
import { rpc } from "../transport/method-definitions.js";
import { unaryCall } from "../transport/calls.js";
import type { ClientContext, PreparedCall } from "./client-context.js";
import type { CallOptions } from "./options.js";
import { checkedOutputs, readResponse } from "./response-status.js";
import { withRetries } from "./retry.js";
import { redactSecret } from "./secret.js";

/** The SDK's limit of inputs per PostModelOutputs (MAX_MODEL_PREDICT_INPUTS, spec §4.3). */
export const MAX_BATCH_INPUTS = 128;

type Args = Record<string, unknown>;

export function unaryMethod(signature: MethodSignature, context: ClientContext) {
  const method = signature.name;
  const decodeFirst = (outputs: Output[]) => decodeResult(signature, outputs[0]?.data);

  /**
   * One request (at most 128 inputs), retried; its outputs, checked. Only the encoded bytes and the input count stay
   * alive during the call, not the encoded arguments: objects that outlive young-generation GCs make V8 allocate what
   * their allocation sites (the codec's) build later straight into the old generation.
   */
  function send(call: PreparedCall, inputs: readonly ArgumentData[]): Promise<Output[]> {
    const request = call.encoder.encode(inputs);
    const count = inputs.length;
    // In-band statuses are checked inside the attempt so that MODEL_LOADING and the like are retried too.
    return withRetries(() =>
      unaryCall(context.channel, rpc.postModelOutputs, request, call.settings)
        .then((bytes) => checkedOutputs(readResponse(bytes, method, "PostModelOutputs"), method, count)),
      call.retry);
  }

  /** The common call: no async frame unless files are read or the PAT owner's id is looked up. */
  function single(args: Args | undefined, options: CallOptions | undefined): Promise<unknown> {
    const input = encodeArgumentsNow(signature, args);
    if (input instanceof Promise) return input.then((ready) => prepareAndSend(ready, options));
    return prepareAndSend(input, options);
  }

  function prepareAndSend(input: ArgumentData, options: CallOptions | undefined): Promise<unknown> {
    const call = context.prepare(method, "PostModelOutputs", options);
    const outputs = call instanceof Promise ? call.then((ready) => send(ready, [input])) : send(call, [input]);
    return outputs.then(decodeFirst);
  }

  /** A batch item's encoded arguments; a failure, even a synchronous one, is a rejection that names the item. */
  function batchInputOf(args: Args, index: number): Promise<ArgumentData> {
    const named = (error: unknown) => Promise.reject(error instanceof ArgumentError ? error.inBatchItem(index) : error);
    try {
      return Promise.resolve(encodeArgumentsNow(signature, args)).catch(named);
    } catch (error) {
      return named(error);
    }
  }

  async function batch(args: readonly Args[], options: CallOptions | undefined): Promise<unknown[]> {
    // Everything is validated and encoded before the first request goes out. Every item is a promise, so that an
    // item that fails at once still leaves the others' file reads handled (no unhandled rejection).
    const inputs = await Promise.all(args.map(batchInputOf));
    if (inputs.length === 0) return [];
    const call = await context.prepare(method, "PostModelOutputs", options);
    const results: unknown[] = [];
    for (let start = 0; start < inputs.length; start += MAX_BATCH_INPUTS) {
      for (const output of await send(call, inputs.slice(start, start + MAX_BATCH_INPUTS))) {
        results.push(decodeResult(signature, output.data));
      }
    }
    return results;
  }

  const redact = (error: unknown): never => {
    throw redactSecret(error, context.secrets);
  };
  return (args?: Args | readonly Args[], options?: CallOptions): Promise<unknown> => {
    try {
      return (Array.isArray(args) ? batch(args as readonly Args[], options) : single(args as Args | undefined, options)).catch(redact);
    } catch (error) {
      return Promise.reject(redactSecret(error, context.secrets));
    }
  };
}
