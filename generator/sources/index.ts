/**
 * One entry point over every source of signatures: a local model directory or model.py (the static reader),
 * a model on the Clarifai API, or a running model server (`grpc`). Each source is loaded only when used, so
 * reading a model.py never loads gRPC and the reverse.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { ClientModel, ModelIdentity } from "../emit/client-model.js";
import type { ApiOptions } from "./api.js";
import { isPlatformReference, ModelReferenceError, parseModelReference, type ReferenceOptions } from "./model-reference.js";

export interface LoadOptions extends ReferenceOptions {
  /** `host:port` of a running model server; the spec then only names the model. */
  readonly grpc?: string | undefined;
  readonly api?: ApiOptions | undefined;
  /** Directory relative paths are resolved from (default: the process's). */
  readonly cwd?: string | undefined;
}

export async function loadModel(spec: string, options: LoadOptions = {}): Promise<ClientModel> {
  const cwd = options.cwd ?? process.cwd();
  if (options.grpc !== undefined) {
    const { readServerModel } = await import("./grpc.js");
    return readServerModel(options.grpc, serverModelIdentity(spec, options), options.api?.timeoutMs);
  }
  if (await isLocalModel(spec, cwd)) {
    const { readLocalModel } = await import("./local.js");
    const local = await readLocalModel(path.resolve(cwd, spec));
    const identity: ModelIdentity = {
      ...local.identity,
      ...definedParts({ userId: options.user, appId: options.app, versionId: options.version }),
    };
    return { signatures: local.signatures, identity, source: local.modelFile, localPath: local.modelFile, warnings: local.warnings };
  }
  if (isPlatformReference(spec) || options.user !== undefined || options.app !== undefined) {
    const { readApiModel } = await import("./api.js");
    return readApiModel(parseModelReference(spec, options), options.api);
  }
  throw new ModelReferenceError(
    `model ${JSON.stringify(spec)} is neither a local model directory or .py file (nothing there) nor a platform model: ` +
      "give a path, user/app/model, a clarifai.com model URL, or a model id with --user and --app",
  );
}

/** A model server does not say which model it serves: the spec names it, fully or by a bare id. */
function serverModelIdentity(spec: string, options: LoadOptions): ModelIdentity {
  try {
    return parseModelReference(spec, options);
  } catch (error) {
    if (!(error instanceof ModelReferenceError) || spec.includes("/") || spec === "") throw error;
    return { modelId: spec, ...definedParts({ userId: options.user, appId: options.app, versionId: options.version }) };
  }
}

async function isLocalModel(spec: string, cwd: string): Promise<boolean> {
  if (spec.endsWith(".py") || /^\.{0,2}[/\\]/u.test(spec) || path.isAbsolute(spec)) return true;
  return stat(path.resolve(cwd, spec)).then(
    () => true,
    () => false,
  );
}

function definedParts(parts: Partial<Record<"userId" | "appId" | "versionId", string | undefined>>): Partial<ModelIdentity> {
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined));
}
