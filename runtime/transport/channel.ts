/** One grpc-js channel per client, with the SDK's message-size limits (spec §4.6). */
import { Client, credentials } from "@grpc/grpc-js";
import { invalidOption } from "./invalid-option.js";
import { warnIfInsecureRemote, type Endpoint } from "./endpoint.js";

/** 1 GiB, the limit the Python SDK and the local model server use for both directions. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;

export function openChannel(endpoint: Endpoint, maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES): Client {
  if (!Number.isInteger(maxMessageBytes) || maxMessageBytes <= 0) {
    throw invalidOption("maxMessageBytes", `expected a positive integer, got ${String(maxMessageBytes)}`);
  }
  warnIfInsecureRemote(endpoint);
  return new Client(endpoint.address, endpoint.tls ? credentials.createSsl() : credentials.createInsecure(), {
    "grpc.max_send_message_length": maxMessageBytes,
    "grpc.max_receive_message_length": maxMessageBytes,
  });
}
