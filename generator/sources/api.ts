/**
 * Signatures of a model on the Clarifai API (GetModel / GetModelVersion, spec §2.3), with the PAT from
 * `CLARIFAI_PAT` unless one is given.
 */
import { fetchSignaturesFromApi } from "clarifai-typed";
import type { ClientModel } from "../emit/client-model.js";
import type { PlatformModel } from "./model-reference.js";

/** How to reach the API (the runtime's defaults: CLARIFAI_API_BASE or the public API over TLS, PAT from CLARIFAI_PAT). */
export interface ApiOptions {
  readonly pat?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly insecure?: boolean | undefined;
  readonly timeoutMs?: number | undefined;
}

export async function readApiModel(model: PlatformModel, api: ApiOptions = {}): Promise<ClientModel> {
  const signatures = await fetchSignaturesFromApi({
    ...defined({ pat: api.pat, baseUrl: api.baseUrl, insecure: api.insecure, timeoutMs: api.timeoutMs, versionId: model.versionId }),
    userId: model.userId,
    appId: model.appId,
    modelId: model.modelId,
  });
  return { signatures, identity: model, source: "the Clarifai API" };
}

/** Drops undefined values, so optional options are absent rather than `undefined`. */
function defined<T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
