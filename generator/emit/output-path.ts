/**
 * Where a model's client is written: `<out>/<model id>.ts`. A model id comes from outside (a config.yaml,
 * the API, the command line), so it is refused unless it is a plain file name that stays inside `out`.
 */
import path from "node:path";

export class UnsafeModelIdError extends Error {
  override readonly name = "UnsafeModelIdError";
}

// Separators, NUL and other control characters, and the characters Windows forbids in file names.
const FORBIDDEN = /[/\\\0-\x1f\x7f<>:"|?*]/u;

/** The file name of a model's client, or an error saying why the id cannot name a file. */
export function clientFileName(modelId: string): string {
  const problem =
    modelId === "" ? "is empty"
    : modelId === "." || modelId === ".." ? "is a relative directory name"
    : FORBIDDEN.test(modelId) ? "contains a path separator, a control character or one of <>:\"|?*"
    : modelId.startsWith(".") ? "starts with a dot"
    : modelId.length > 200 ? "is longer than 200 characters"
    : undefined;
  if (problem) {
    throw new UnsafeModelIdError(
      `model id ${JSON.stringify(modelId)} ${problem}, so it cannot name the client file; give the model a plain id (letters, digits, - and _)`,
    );
  }
  return `${modelId}.ts`;
}

/** The client's path inside `outDir`, checked to stay inside it. */
export function clientFilePath(outDir: string, modelId: string): string {
  const root = path.resolve(outDir);
  const file = path.resolve(root, clientFileName(modelId));
  if (path.dirname(file) !== root) {
    throw new UnsafeModelIdError(`model id ${JSON.stringify(modelId)} would write outside ${root}`);
  }
  return file;
}
