/** UNARY_STREAMING methods: GenerateModelOutputs, one decoded item per stream message. */
import type { MethodSignature } from "../signature.js";
import { encodeArguments } from "../codec/index.js";
import { rpc } from "../transport/method-definitions.js";
import { serverStreamCall } from "../transport/calls.js";
import type { ClientContext } from "./client-context.js";
import type { CallOptions } from "./options.js";
import { CallStream } from "./call-stream.js";
import { decodeStreamMessage } from "./response-status.js";
import { redactSecret } from "./secret.js";

export function serverStreamMethod(signature: MethodSignature, context: ClientContext) {
  // The call starts on the first iteration; breaking out of `for await` cancels it.
  return (args?: Record<string, unknown>, options?: CallOptions): AsyncIterable<unknown> =>
    new CallStream<Buffer, unknown>({
      async prepare() {
        const data = await encodeArguments(signature, args);
        const call = await context.prepare(signature.name, "GenerateModelOutputs", options);
        const request = call.encoder.encode([data]);
        return {
          open: () => serverStreamCall(context.channel, rpc.generateModelOutputs, request, call.settings),
          replayable: () => true,
          retry: call.retry,
        };
      },
      decode: (message) => decodeStreamMessage(signature, message, "GenerateModelOutputs"),
      fail: (error) => redactSecret(error, context.secrets),
    });
}
