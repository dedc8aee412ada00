/** IR → the formatted source of one generated client. Pure: the same model and options give the same bytes. */
import type { ClientModel } from "./client-model.js";
import { formatTypeScript } from "./format.js";
import { renderClient } from "./templates.js";
import { buildClientView } from "./view-model.js";

export const DEFAULT_RUNTIME_IMPORT = "clarifai-typed";

export interface EmitOptions {
  /** Module specifier the client imports the runtime from (default "clarifai-typed"). */
  readonly runtimeImport?: string;
  /** The path the file will be written to: the prettier config that applies there is used. */
  readonly prettierConfigFrom?: string;
}

export async function emitClient(model: ClientModel, options: EmitOptions = {}): Promise<string> {
  if (model.signatures.length === 0) {
    throw new Error(
      `model ${model.identity.modelId} has no method signatures (an older model without typed methods); there is nothing to generate a typed client from`,
    );
  }
  const view = buildClientView(model, { runtimeImport: options.runtimeImport ?? DEFAULT_RUNTIME_IMPORT });
  return formatTypeScript(renderClient(view), options.prettierConfigFrom);
}
