/**
 * Per-client state: the channel, identity, credentials, default routing, timeout and retry, and the owner id
 * cache. `prepare` turns one call's options into everything the call needs.
 */
import { Metadata, type Client } from "@grpc/grpc-js";
import { ClarifaiError } from "../errors.js";
import { implicit, type Init } from "../wire/index.js";
import { RequestEncoder } from "../wire/request-encoder.js";
import { StatusCode } from "../wire/status-code.js";
import { openChannel } from "../transport/channel.js";
import { resolveEndpoint, type Endpoint } from "../transport/endpoint.js";
import { invalidOption } from "../transport/invalid-option.js";
import type { CallSettings } from "../transport/calls.js";
import type { CallOptions, ClientOptions, ModelIdentity, RetryOptions } from "./options.js";
import { hasRouting, needsOwnerId, routingFrom, runnerSelector, type Routing } from "./routing.js";
import { resolveRetryPolicy, type RetryContext, type RetryPolicy } from "./retry.js";
import { fetchOwnerId } from "./owner-id.js";

export interface PreparedCall {
  settings: CallSettings;
  retry: RetryContext;
  /** Encodes the call's requests: the template (spec §4.1) with the given inputs. */
  encoder: RequestEncoder;
}

export class ClientContext {
  readonly channel: Client;
  readonly endpoint: Endpoint;
  private readonly pat: string | undefined;
  /** Sent only when there is no PAT, as the SDK does. */
  private readonly sessionToken: string | undefined;
  /** Every credential the client holds: kept out of the errors callers see (redactSecret). */
  readonly secrets: readonly string[];
  private readonly identity: ModelIdentity;
  private readonly routing: Routing;
  private readonly timeoutMs: number | undefined;
  private readonly retry: RetryOptions | false | undefined;
  private ownerId: Promise<string> | undefined;
  private closed = false;
  /** The client's own retry policy, resolved once; a call's `retry` option replaces it. */
  private readonly retryPolicy: RetryPolicy | undefined;
  /** The request encoder of the client's default routing, built once its owner id is known. */
  private defaultEncoder: { ownerId: string; encoder: RequestEncoder } | undefined;

  constructor(identity: ModelIdentity, options: ClientOptions) {
    if (typeof options !== "object" || options === null) {
      throw invalidOption("options", `expected an object of ClientOptions, got ${typeof options}`);
    }
    this.identity = {
      userId: options.userId ?? identity.userId,
      appId: options.appId ?? identity.appId,
      modelId: options.modelId ?? identity.modelId,
      versionId: options.versionId ?? identity.versionId,
    };
    if (!this.identity.modelId) throw invalidOption("modelId", "a model id is required");
    this.pat = options.pat ?? (process.env.CLARIFAI_PAT || undefined);
    this.sessionToken = options.sessionToken ?? (process.env.CLARIFAI_SESSION_TOKEN || undefined);
    this.secrets = [this.pat, this.sessionToken].filter((secret): secret is string => secret !== undefined && secret !== "");
    this.routing = routingFrom(options, "client options");
    this.timeoutMs = checkTimeout(options.timeoutMs, "client options.timeoutMs");
    this.retry = options.retry;
    this.retryPolicy = resolveRetryPolicy(this.retry, undefined); // also validates now rather than at the first call
    this.endpoint = resolveEndpoint(options.baseUrl, options.insecure);
    this.channel = openChannel(this.endpoint, options.maxMessageBytes, options.rootCertificatesPath);
  }

  /**
   * Everything one call needs. Invalid options throw at once; the result is a promise only while the PAT owner's
   * id is still being looked up (the common call pays no promise for it).
   */
  prepare(method: string, rpcName: string, options: CallOptions = {}): PreparedCall | Promise<PreparedCall> {
    if (typeof options !== "object" || options === null) {
      throw invalidOption(`${method} call options`, `expected an object of CallOptions, got ${typeof options}`);
    }
    if (this.closed) {
      throw new ClarifaiError(`${method}: this client was closed with closeClient(); create a new client to call the model again.`, {
        code: 0,
        description: "client closed",
        method,
      });
    }
    if (this.endpoint.tls && !this.pat && !this.sessionToken) {
      throw new ClarifaiError(`${method}: no Clarifai PAT; pass the pat client option or set CLARIFAI_PAT (or a session token: sessionToken, CLARIFAI_SESSION_TOKEN).`, {
        code: StatusCode.CONN_KEY_NOT_FOUND,
        description: "missing PAT",
        method,
      });
    }
    const ownRouting = hasRouting(options);
    const routing = ownRouting ? routingFrom(options, `${method} call options`) : this.routing;
    const timeoutMs = checkTimeout(options.timeoutMs, `${method} call options.timeoutMs`) ?? this.timeoutMs;
    const settings: CallSettings = {
      metadata: this.metadata(),
      deadlineMs: timeoutMs === undefined ? undefined : Date.now() + timeoutMs,
      signal: options.signal,
      method,
    };
    const prepared = (ownerId: string) => this.prepared(method, rpcName, options, settings, ownRouting ? routing : undefined, ownerId);
    return needsOwnerId(routing) ? this.resolveOwnerId(settings).then(prepared) : prepared("");
  }

  /** `routing` = the call's own routing, or undefined for the client's (whose request template is cached). */
  private prepared(
    method: string,
    rpcName: string,
    options: CallOptions,
    settings: CallSettings,
    routing: Routing | undefined,
    ownerId: string,
  ): PreparedCall {
    let encoder: RequestEncoder;
    if (routing !== undefined) encoder = new RequestEncoder(this.template(routing, ownerId));
    else {
      if (this.defaultEncoder?.ownerId !== ownerId) {
        this.defaultEncoder = { ownerId, encoder: new RequestEncoder(this.template(this.routing, ownerId)) };
      }
      encoder = this.defaultEncoder.encoder;
    }
    return {
      settings,
      retry: {
        policy: options.retry === undefined ? this.retryPolicy : resolveRetryPolicy(this.retry, options.retry),
        signal: options.signal,
        deadlineMs: settings.deadlineMs,
        rpc: rpcName,
        method,
      },
      encoder,
    };
  }

  /** The request without inputs (spec §4.1). */
  private template(routing: Routing, ownerId: string): Init.PostModelOutputsRequest {
    const { userId, appId, modelId, versionId } = this.identity;
    return {
      userAppId: userId || appId ? { userId: implicit(userId), appId: implicit(appId) } : undefined,
      modelId: implicit(modelId),
      versionId: implicit(versionId),
      runnerSelector: runnerSelector(routing, ownerId),
    };
  }

  /** `authorization: Key <PAT>`, else `x-clarifai-session-token: <token>` (spec §4.6); a fresh object per call. */
  metadata(): Metadata {
    const metadata = new Metadata();
    if (this.pat) metadata.set("authorization", `Key ${this.pat}`);
    else if (this.sessionToken) metadata.set("x-clarifai-session-token", this.sessionToken);
    return metadata;
  }

  close(): void {
    this.closed = true;
    this.channel.close();
  }

  private resolveOwnerId(settings: CallSettings): Promise<string> {
    this.ownerId ??= fetchOwnerId(this.channel, { ...settings, signal: undefined });
    // A failed lookup is not cached: the next call asks again.
    this.ownerId.catch(() => (this.ownerId = undefined));
    return this.ownerId;
  }
}

function checkTimeout(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw invalidOption(where, `expected a positive number of milliseconds, got ${String(value)}`);
  }
  return value;
}
