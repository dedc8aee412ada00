/** Stream messages → decoded results; an in-band failure message ends the stream with its error (spec §5.1). */
import type { MultiOutputResponse } from "../gen/proto/clarifai/api/service_pb.js";
import type { MethodSignature } from "../signature.js";
import { decodeResult } from "../codec/index.js";
import { checkedOutputs } from "./response-status.js";

export async function* decodedStream(
  signature: MethodSignature,
  messages: AsyncIterable<MultiOutputResponse>,
): AsyncGenerator<unknown, void, undefined> {
  for await (const message of messages) {
    const [output] = checkedOutputs(message, signature.name, 1);
    yield decodeResult(signature, output?.data);
  }
}
