/**
 * Where a client connects: `baseUrl` (or env `CLARIFAI_API_BASE`, else `CLARIFAI_GRPC_BASE`, spec §4.6) parsed into
 * an address and whether TLS is used.
 */
import { invalidOption } from "./invalid-option.js";

export const DEFAULT_BASE_URL = "api.clarifai.com:443";

export interface Endpoint {
  /** `host:port` as grpc-js wants it. */
  readonly address: string;
  readonly host: string;
  readonly tls: boolean;
}

/**
 * Accepts `host[:port]` (TLS unless `insecure`), `https://host[:port]` (TLS) and `http://host[:port]`
 * (plaintext). A path after the host is ignored, as the SDK does.
 */
export function resolveEndpoint(baseUrl: string | undefined, insecure: boolean | undefined): Endpoint {
  // CLARIFAI_GRPC_BASE (a host, TLS) is clarifai-grpc's own variable; the SDK's CLARIFAI_API_BASE wins over it.
  const given = (baseUrl ?? (process.env.CLARIFAI_API_BASE || process.env.CLARIFAI_GRPC_BASE || DEFAULT_BASE_URL)).trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    throw invalid(given, `scheme "${scheme}://" is not supported`);
  }
  if (scheme === "https" && insecure === true) {
    throw invalid(given, "`insecure: true` contradicts an https:// base URL; use http://host:port or drop insecure");
  }
  const tls = scheme === "https" || (scheme === undefined && insecure !== true);
  const rest = scheme === undefined ? given : given.slice(scheme.length + 3);
  const authority = rest.split("/")[0] ?? "";
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d+))?$/.exec(authority);
  if (!match) throw invalid(given, "expected host:port, https://host[:port] or http://host:port");
  const host = match[1]!;
  const port = match[2] ?? (tls ? "443" : scheme === "http" ? "80" : undefined);
  if (port === undefined) throw invalid(given, "a plaintext (insecure) address needs a port, e.g. 127.0.0.1:8000");
  if (Number(port) < 1 || Number(port) > 65535) throw invalid(given, `port ${port} is out of range`);
  return { address: `${host}:${port}`, host, tls };
}

const warnedHosts = new Set<string>();

/** Warns once per host when plaintext gRPC (the PAT in clear text) goes to a machine other than this one. */
export function warnIfInsecureRemote(endpoint: Endpoint): void {
  if (endpoint.tls || isLoopback(endpoint.host) || warnedHosts.has(endpoint.host)) return;
  warnedHosts.add(endpoint.host);
  process.emitWarning(
    `clarifai-typed: plaintext gRPC to non-loopback host ${endpoint.host}; credentials and data travel unencrypted. ` +
      "Use insecure only for a local model server.",
    { code: "CLARIFAI_INSECURE_REMOTE" },
  );
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

function invalid(baseUrl: string, why: string) {
  return invalidOption(`baseUrl "${baseUrl}"`, why);
}
