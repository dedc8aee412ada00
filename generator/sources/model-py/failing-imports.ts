/**
 * Imports that fail when the SDK imports model.py, so that no model server can serve it:
 * - names that early SDK versions had and the current one lacks (`from clarifai.runners.utils.data_types import
 *   Stream`, `from clarifai.runners.models.model_class import methods`) raise ImportError at once, whether or not a
 *   model method uses them;
 * - relative imports (`from .helpers import Base`): the SDK loads model.py as the top-level module `model`, of no
 *   package.
 * Only statements that surely run are checked: those at the top level of the module (an import under `try:` may be
 * caught, one under `if` may not run).
 */
import { NO_STREAM } from "./annotation-types.js";
import { childrenOf, commaSeparated, type SourceFile } from "./syntax-tree.js";

/** Module (as written after `from`) → the names it no longer has → why the file cannot be read. */
const GONE: readonly { module: RegExp; names: Readonly<Record<string, string>> }[] = [
  { module: /^clarifai\.runners\.utils\.data_types(?:\.data_types)?$/, names: { Stream: NO_STREAM } },
  {
    module: /^clarifai\.runners\.models\.model_class$/,
    names: {
      methods:
        "clarifai.runners.models.model_class has no `methods` (the @methods.predict decorators of pre-release SDK versions), so the current SDK cannot import this file; decorate model methods with @ModelClass.method and annotate them, e.g. def predict(self, prompt: str) -> str",
    },
  },
];

export function checkFailingImports(file: SourceFile): void {
  for (const statement of childrenOf(file.root)) {
    if (statement.name !== "ImportStatement") continue;
    const tokens = childrenOf(statement);
    const importIndex = tokens.findIndex((t) => t.name === "import");
    if (tokens[0]?.name !== "from" || importIndex < 0) continue;
    const module = tokens.slice(1, importIndex).map((t) => file.source(t)).join("");
    if (module.startsWith(".")) {
      const absolute = module.replace(/^\.+/u, "") || "<module>";
      throw file.error(
        statement,
        `\`from ${module} import ...\` is a relative import, which fails when the SDK loads model.py (ImportError: attempted relative import with no known parent package): the SDK imports model.py as a top-level module, not as part of a package; import the file by its own name instead (from ${absolute} import ...), with its folder on sys.path (as in sys.path.append(os.path.dirname(__file__)))`,
      );
    }
    const gone = GONE.find((entry) => entry.module.test(module))?.names;
    if (!gone) continue;
    for (const group of commaSeparated(tokens.slice(importIndex + 1))) {
      const imported = group.find((t) => t.name === "VariableName");
      const name = imported ? file.source(imported) : "";
      if (imported && Object.hasOwn(gone, name)) throw file.error(imported, gone[name]!);
    }
  }
}
