/** UNARY_UNARY methods: one call, or a batch split into PostModelOutputs requests of at most 128 inputs. */
import type { MethodSignature } from "../signature.js";
import { decodeResult, encodeArgumentsNow } from "../codec/index.js";
import { encodeModelRequest, rpc } from "../transport/method-definitions.js";
import { unaryCall } from "../transport/calls.js";
import type { ClientContext } from "./client-context.js";
import type { CallOptions } from "./options.js";
import { checkedOutputs, readResponse } from "./response-status.js";
import { withRetries } from "./retry.js";
import { redactSecret } from "./secret.js";

/** The SDK's limit of inputs per PostModelOutputs (MAX_MODEL_PREDICT_INPUTS, spec §4.3). */
export const MAX_BATCH_INPUTS = 128;

type Args = Record<string, unknown>;

export function unaryMethod(signature: MethodSignature, context: ClientContext) {
  return async (args?: Args | readonly Args[], options?: CallOptions): Promise<unknown> => {
    try {
      const batch = Array.isArray(args);
      const encode = (one: Args | undefined) => {
        const data = encodeArgumentsNow(signature, one);
        return data instanceof Promise ? data.then((read) => ({ data: read })) : { data };
      };
      // Everything is validated and encoded before the first request goes out.
      const inputs = batch ? await Promise.all((args as readonly Args[]).map(encode)) : [await encode(args as Args | undefined)];
      if (inputs.length === 0) return [];
      const call = await context.prepare(signature.name, "PostModelOutputs", options);
      const results: unknown[] = [];
      for (let start = 0; start < inputs.length; start += MAX_BATCH_INPUTS) {
        const chunk = inputs.length <= MAX_BATCH_INPUTS ? inputs : inputs.slice(start, start + MAX_BATCH_INPUTS);
        const request = encodeModelRequest(call.request(chunk));
        // In-band statuses are checked inside the attempt so that MODEL_LOADING and the like are retried too.
        const outputs = await withRetries(() =>
          unaryCall(context.channel, rpc.postModelOutputs, request, call.settings)
            .then((bytes) => checkedOutputs(readResponse(bytes, signature.name, "PostModelOutputs"), signature.name, chunk.length)),
          call.retry);
        for (const output of outputs) {
          results.push(decodeResult(signature, output.data));
        }
      }
      return batch ? results : results[0];
    } catch (error) {
      throw redactSecret(error, context.pat);
    }
  };
}
