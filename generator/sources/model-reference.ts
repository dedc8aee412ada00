/**
 * How people name a model on the Clarifai platform: `user/app/model`, a clarifai.com model URL (with or
 * without `/versions/<id>` or `/model_version/<id>`), or a bare model id with `--user` and `--app`.
 */
import type { ModelIdentity } from "../emit/client-model.js";

export interface ReferenceOptions {
  readonly user?: string | undefined;
  readonly app?: string | undefined;
  readonly version?: string | undefined;
}

/** A model on the platform: owner, app and id are known; the version is optional (the active one). */
export interface PlatformModel extends ModelIdentity {
  readonly userId: string;
  readonly appId: string;
}

/** Thrown for a model reference that names no model; the message says what forms are accepted. */
export class ModelReferenceError extends Error {
  override readonly name = "ModelReferenceError";
}

const ACCEPTED = "give user/app/model, a https://clarifai.com/<user>/<app>/models/<model> URL, or a model id with --user and --app";

/** A full reference (user, app and model known); `--user`/`--app`/`--version` fill or override its parts. */
export function parseModelReference(reference: string, options: ReferenceOptions = {}): PlatformModel {
  const parsed = looksLikeUrl(reference) ? parseUrl(reference) : parsePath(reference);
  const userId = options.user ?? parsed.userId;
  const appId = options.app ?? parsed.appId;
  if (!userId || !appId) {
    throw new ModelReferenceError(`model ${JSON.stringify(reference)} does not say which user and app it belongs to: ${ACCEPTED}`);
  }
  const versionId = options.version ?? parsed.versionId;
  return { userId, appId, modelId: parsed.modelId, ...(versionId ? { versionId } : {}) };
}

/** True when `reference` looks like a platform model (rather than a local path). */
export function isPlatformReference(reference: string): boolean {
  return looksLikeUrl(reference) || /^[\w-]+\/[\w-]+\/[\w-]+$/u.test(reference);
}

function looksLikeUrl(reference: string): boolean {
  return /^https?:\/\//iu.test(reference) || /^([\w-]+\.)*clarifai\.com\//iu.test(reference);
}

function parsePath(reference: string): ModelIdentity {
  const parts = reference.split("/");
  if (parts.length === 1) return { modelId: nonEmpty(parts[0], reference) };
  if (parts.length === 3) {
    return { userId: nonEmpty(parts[0], reference), appId: nonEmpty(parts[1], reference), modelId: nonEmpty(parts[2], reference) };
  }
  throw new ModelReferenceError(`model ${JSON.stringify(reference)} is not a model reference: ${ACCEPTED}`);
}

function parseUrl(reference: string): ModelIdentity {
  const url = new URL(/^https?:\/\//iu.test(reference) ? reference : `https://${reference}`);
  const segments = url.pathname.split("/").filter((s) => s !== "").map((s) => decodeURIComponent(s));
  const [userId, appId, models, modelId, versions, versionId, ...rest] = segments;
  const versionMarker = versions === undefined || versions === "versions" || versions === "model_version";
  const shapeOk = models === "models" && modelId && versionMarker && (versions === undefined || versionId) && rest.length === 0;
  if (!url.hostname.endsWith("clarifai.com") || !shapeOk || !userId || !appId || !modelId) {
    throw new ModelReferenceError(`URL ${JSON.stringify(reference)} is not a Clarifai model URL: ${ACCEPTED}`);
  }
  return { userId, appId, modelId, ...(versionId ? { versionId } : {}) };
}

function nonEmpty(part: string | undefined, reference: string): string {
  if (!part) throw new ModelReferenceError(`model ${JSON.stringify(reference)} has an empty part: ${ACCEPTED}`);
  return part;
}
