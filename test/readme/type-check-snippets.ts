/**
 * Type-checks code snippets as if each were a module file at the repository root, with the repository's
 * tsconfig: so `import … from "clarifai-typed"` and `./examples/…` resolve exactly as they do for a user
 * who has generated the examples' clients.
 */
import path from "node:path";
import ts from "typescript";

export interface Snippet {
  /** A name for messages, e.g. `README.md:120`. */
  name: string;
  code: string;
}

export interface SnippetDiagnostic {
  snippet: string;
  /** 1-based line inside the snippet. */
  line: number;
  message: string;
}

export function typeCheckSnippets(repoRoot: string, snippets: readonly Snippet[]): SnippetDiagnostic[] {
  const configPath = path.join(repoRoot, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  options.noEmit = true;
  options.moduleDetection = ts.ModuleDetectionKind.Force; // every snippet is its own module

  const files = new Map(snippets.map((s, i) => [path.join(repoRoot, `__snippet_${i}.ts`), s]));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => files.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => files.get(path.resolve(file))?.code ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const snippet = files.get(path.resolve(file));
    return snippet
      ? ts.createSourceFile(file, snippet.code, language, true)
      : getSourceFile.call(host, file, language, ...rest);
  };

  const program = ts.createProgram([...files.keys()], options, host);
  const diagnostics: SnippetDiagnostic[] = [];
  for (const [file, snippet] of files) {
    const source = program.getSourceFile(file)!;
    for (const d of ts.getPreEmitDiagnostics(program, source)) {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      diagnostics.push({ snippet: snippet.name, line, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") });
    }
  }
  return diagnostics;
}
