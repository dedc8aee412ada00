/** One grpc-js channel per client, with the SDK's message-size limits (spec §4.6). */
import { Client, credentials, type ChannelOptions } from "@grpc/grpc-js";
import { invalidOption } from "./invalid-option.js";
import { warnIfInsecureRemote, type Endpoint } from "./endpoint.js";

/** 1 GiB, the limit the Python SDK and the local model server use for both directions. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;

/**
 * The options of every client channel. Channelz (grpc-js' introspection service, which nothing in the runtime serves
 * or reads) is off: with it off, loopback unary round trips to a server in another process were 3–10% faster in four
 * of five comparisons, and 2% slower in one (bench/RESULTS.md, "Unary call segments").
 */
export function channelOptions(maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES): ChannelOptions {
  return {
    "grpc.max_send_message_length": maxMessageBytes,
    "grpc.max_receive_message_length": maxMessageBytes,
    "grpc.enable_channelz": 0,
  };
}

export function openChannel(endpoint: Endpoint, maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES): Client {
  if (!Number.isInteger(maxMessageBytes) || maxMessageBytes <= 0) {
    throw invalidOption("maxMessageBytes", `expected a positive integer, got ${String(maxMessageBytes)}`);
  }
  warnIfInsecureRemote(endpoint);
  return new Client(endpoint.address, endpoint.tls ? credentials.createSsl() : credentials.createInsecure(), channelOptions(maxMessageBytes));
}
