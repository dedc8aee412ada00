/** What the emitter needs to know about one model: what every source (model.py, API, server) produces. */
import type { MethodSignature } from "../../runtime/signature.js";

/** Same shape as the runtime's `ModelIdentity`: the ids baked into the generated client. */
export interface ModelIdentity {
  readonly userId?: string;
  readonly appId?: string;
  readonly modelId: string;
  readonly versionId?: string;
}

export interface ClientModel {
  readonly signatures: readonly MethodSignature[];
  readonly identity: ModelIdentity;
  /** Where the signatures were read from, for the banner (e.g. `model.py models/echo`, `model server host:port`). */
  readonly source: string;
}

/** `user/app/model` (+ ` version v`) as people write it; parts not known are left out. */
export function identityLabel(identity: ModelIdentity): string {
  const path = [identity.userId, identity.appId, identity.modelId].filter((p) => p !== undefined && p !== "");
  return identity.versionId ? `${path.join("/")} version ${identity.versionId}` : path.join("/");
}
