/**
 * Type-checks generated clients with ts-morph under `strict`, the way a user's project would compile them.
 * ts-morph (and the TypeScript compiler behind it) is loaded only here, so plain generation stays fast. It is an
 * optional peer dependency: 15 MB that an application running generated clients never needs.
 * Compiler options come from the tsconfig.json nearest to the files (for module resolution), plus strict.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export interface VerifyProblem {
  readonly file: string;
  readonly message: string;
}

/** Returns one problem per diagnostic in `files` (path → content); an empty list means they compile. */
export async function verifyClients(files: ReadonlyMap<string, string>): Promise<VerifyProblem[]> {
  const [first] = files.keys();
  if (first === undefined) return [];
  const { Project, ts } = await loadTsMorph();
  const tsConfigFilePath = nearestTsConfig(path.dirname(first));
  const project = new Project({
    ...(tsConfigFilePath ? { tsConfigFilePath, skipAddingFilesFromTsConfig: true } : {}),
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      ...(tsConfigFilePath ? {} : { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 }),
    },
  });
  const sources = [...files].map(([file, text]) => project.createSourceFile(file, text, { overwrite: true }));
  return sources.flatMap((source) =>
    source.getPreEmitDiagnostics().map((d) => ({
      file: source.getFilePath(),
      message: `${source.getBaseName()}:${d.getLineNumber() ?? 0}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, " ")}`,
    })),
  );
}

function nearestTsConfig(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

async function loadTsMorph(): Promise<typeof import("ts-morph")> {
  try {
    return await import("ts-morph");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ERR_MODULE_NOT_FOUND" || !String((error as Error).message).includes("'ts-morph'")) throw error;
    throw new Error("--verify type-checks with ts-morph, which is not installed; install it beside clarifai-typed (npm i -D ts-morph), or leave out --verify", { cause: error });
  }
}
