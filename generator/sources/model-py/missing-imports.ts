/**
 * Imports that fail when the SDK imports the file: `from clarifai.runners.utils.data_types import Stream` raises
 * ImportError at once, whether or not a model method uses the name. Only statements that surely run are checked:
 * those at the top level of the module (an import under `try:` may be caught, one under `if` may not run).
 */
import { NO_STREAM } from "./annotation-types.js";
import { childrenOf, commaSeparated, type SourceFile } from "./syntax-tree.js";

const DATA_TYPES_MODULE = /^clarifai\.runners\.utils\.data_types(?:\.data_types)?$/;

export function checkMissingSdkImports(file: SourceFile): void {
  for (const statement of childrenOf(file.root)) {
    if (statement.name !== "ImportStatement") continue;
    const tokens = childrenOf(statement);
    const importIndex = tokens.findIndex((t) => t.name === "import");
    if (tokens[0]?.name !== "from" || importIndex < 0) continue;
    const module = tokens.slice(1, importIndex).map((t) => file.source(t)).join("");
    if (!DATA_TYPES_MODULE.test(module)) continue;
    for (const group of commaSeparated(tokens.slice(importIndex + 1))) {
      const imported = group.find((t) => t.name === "VariableName");
      if (imported && file.source(imported) === "Stream") throw file.error(imported, NO_STREAM);
    }
  }
}
