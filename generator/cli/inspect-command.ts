/**
 * `gen-client inspect <model-dir | model.py> [--json]`: prints the method signatures a model declares.
 * Without --json, a readable Python-style listing; with --json, the MethodSignature list exactly as the
 * official SDK's protobuf JSON printer writes it, and nothing else on stdout.
 */
import type { CommandModule } from "yargs";

interface InspectArgs {
  model: string;
  json: boolean;
}

export function inspectCommand(setExitCode: (code: number) => void): CommandModule<object, InspectArgs> {
  return {
    command: "inspect <model>",
    describe: "Print the method signatures of a model directory or model.py (static, nothing is executed)",
    builder: (y) =>
      y
        .positional("model", { type: "string", demandOption: true, describe: "model directory or .py file" })
        .option("json", { type: "boolean", default: false, describe: "print the MethodSignature list as JSON" }),
    handler: async () => {
      process.stderr.write("inspect: not implemented yet\n");
      setExitCode(1);
    },
  };
}
