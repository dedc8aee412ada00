/** One grpc-js channel per client, with the SDK's message-size limits and TLS roots (spec §4.6). */
import { readFileSync } from "node:fs";
import { Client, credentials, type ChannelCredentials, type ChannelOptions } from "@grpc/grpc-js";
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

export function openChannel(endpoint: Endpoint, maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES, rootCertificatesPath?: string): Client {
  if (!Number.isInteger(maxMessageBytes) || maxMessageBytes <= 0) {
    throw invalidOption("maxMessageBytes", `expected a positive integer, got ${String(maxMessageBytes)}`);
  }
  if (rootCertificatesPath !== undefined && !endpoint.tls) {
    throw invalidOption("rootCertificatesPath", `it applies to TLS, but ${endpoint.address} is plaintext (insecure or http://)`);
  }
  warnIfInsecureRemote(endpoint);
  const channelCredentials = endpoint.tls ? tlsCredentials(rootCertificatesPath) : credentials.createInsecure();
  return new Client(endpoint.address, channelCredentials, channelOptions(maxMessageBytes));
}

/** TLS trusting the system's roots, or those of a PEM file (the option, else CLARIFAI_ROOT_CERTIFICATES_PATH, spec §4.6). */
function tlsCredentials(rootCertificatesPath: string | undefined): ChannelCredentials {
  const file = rootCertificatesPath ?? (process.env.CLARIFAI_ROOT_CERTIFICATES_PATH || undefined);
  if (file === undefined) return credentials.createSsl();
  const where = rootCertificatesPath === undefined ? "CLARIFAI_ROOT_CERTIFICATES_PATH" : "rootCertificatesPath";
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    throw invalidOption(where, `cannot read ${file}: ${(error as Error).message}`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw invalidOption(where, `${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return credentials.createSsl(pem);
}
