/**
 * The `gen-client` command line. Each command lives in its own module under cli/ and is registered here
 * with one `.command(...)` line, so this file stays a table of what the tool can do.
 * Exit codes: 0 success, 1 failure (one clear line per failing model on stderr), 2 usage error.
 */
import yargs from "yargs";
import { generateCommand } from "./cli/generate-command.js";
import { inspectCommand } from "./cli/inspect-command.js";

export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const setExitCode = (code: number): void => {
    exitCode = Math.max(exitCode, code);
  };
  const parser = yargs([...argv])
    .scriptName("gen-client")
    .strict()
    .version(false) // --version names a model version (gen-client's own version is in package.json)
    .help()
    .fail((message, error, y) => {
      if (error) throw error;
      process.stderr.write(`${message}\n\n`);
      y.showHelp((s) => process.stderr.write(`${s}\n`));
      exitCode = 2;
    })
    .command(inspectCommand(setExitCode))
    .command(generateCommand(setExitCode));
  await parser.parseAsync();
  return exitCode;
}
