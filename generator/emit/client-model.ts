/** What the emitter needs to know about one model: what every source (model.py, API, server) produces. */
import path from "node:path";
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
  /** For a local model: the absolute path of its model.py, shown in the banner relative to the generated file. */
  readonly localPath?: string;
  /** What may make the client incomplete or the model fail when called, one message each. */
  readonly warnings?: readonly string[];
}

/**
 * The model with `source` set to its model.py as seen from the generated file's folder, with `/` separators:
 * the banner then reads the same whichever folder gen-client runs from, on every OS.
 */
export function withSourceSeenFrom(model: ClientModel, outputFile: string): ClientModel {
  if (model.localPath === undefined) return model;
  const relative = path.relative(path.dirname(outputFile), model.localPath).split(path.sep).join("/");
  return { ...model, source: relative.startsWith(".") ? relative : `./${relative}` };
}

/** `user/app/model` (+ ` version v`) as people write it; parts not known are left out. */
export function identityLabel(identity: ModelIdentity): string {
  const path = [identity.userId, identity.appId, identity.modelId].filter((p) => p !== undefined && p !== "");
  return identity.versionId ? `${path.join("/")} version ${identity.versionId}` : path.join("/");
}
