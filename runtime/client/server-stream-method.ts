/** UNARY_STREAMING methods: GenerateModelOutputs, one decoded item per stream message. */
import { create } from "@bufbuild/protobuf";
import { InputSchema } from "../gen/proto/clarifai/api/resources_pb.js";
import type { MethodSignature } from "../signature.js";
import { encodeArguments } from "../codec/index.js";
import { rpc } from "../transport/method-definitions.js";
import { serverStreamCall } from "../transport/calls.js";
import type { ClientContext } from "./client-context.js";
import type { CallOptions } from "./options.js";
import { decodedStream } from "./decoded-stream.js";
import { retryingStream } from "./retry.js";
import { redactSecret } from "./secret.js";

export function serverStreamMethod(signature: MethodSignature, context: ClientContext) {
  return (args?: Record<string, unknown>, options?: CallOptions): AsyncIterable<unknown> => generate(args, options);

  // The call starts on the first iteration; breaking out of `for await` cancels it.
  async function* generate(args: Record<string, unknown> | undefined, options: CallOptions | undefined) {
    try {
      const data = await encodeArguments(signature, args);
      const call = await context.prepare(signature.name, "GenerateModelOutputs", options);
      const request = call.request([create(InputSchema, { data })]);
      const open = () => decodedStream(signature, serverStreamCall(context.channel, rpc.generateModelOutputs, request, call.settings));
      yield* retryingStream(open, () => true, call.retry);
    } catch (error) {
      throw redactSecret(error, context.pat);
    }
  }
}
