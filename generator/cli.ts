/**
 * The `gen-client` command line. Each command lives in its own module under cli/ and is registered here.
 * Exit codes: 0 success, 1 failure (one clear line per failing model on stderr), 2 usage error.
 */
import yargs from "yargs";

export async function runCli(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs([...argv])
    .scriptName("gen-client")
    .strict()
    .help()
    .fail((message, error, y) => {
      if (error) throw error;
      process.stderr.write(`${message}\n\n`);
      y.showHelp((s) => process.stderr.write(`${s}\n`));
      exitCode = 2;
    });
  // Commands are registered by their modules (generator/cli/*-command.ts) as they are written.
  await parser.parseAsync();
  return exitCode;
}
