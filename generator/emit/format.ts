/**
 * prettier over the generated file. With `configFrom` (the file's destination) the user's prettier config
 * and .editorconfig are honoured the way the prettier CLI would for that path; without it prettier's
 * defaults apply (goldens and tests, so they do not depend on the machine).
 */
import * as prettier from "prettier";

export async function formatTypeScript(code: string, configFrom?: string): Promise<string> {
  const config = configFrom ? await prettier.resolveConfig(configFrom, { editorconfig: true }) : null;
  return prettier.format(code, { ...config, parser: "typescript" });
}
