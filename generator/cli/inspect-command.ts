/**
 * `gen-client inspect <model-dir | model.py> [--json]`: prints the method signatures a model declares,
 * read statically (nothing is executed). Without --json, a readable Python-style listing; with --json,
 * the MethodSignature list exactly as the official SDK's protobuf JSON printer writes it, nothing else.
 */
import type { CommandModule } from "yargs";
import { loadModel } from "../sources/index.js";
import { LocalModelError, readLocalModel } from "../sources/local.js";
import { ModelPyError } from "../sources/model-py/index.js";
import { formatSignatureListing } from "./signature-listing.js";
import { formatSignaturesJson } from "./signatures-json.js";

interface InspectArgs {
  model: string;
  json: boolean;
  class?: string;
  grpc?: string;
  user?: string;
  app?: string;
  version?: string;
}

export function inspectCommand(setExitCode: (code: number) => void): CommandModule<object, InspectArgs> {
  return {
    command: "inspect <model>",
    describe: "Print the method signatures of a model directory or model.py (static, nothing is executed)",
    builder: (y) =>
      y
        .positional("model", { type: "string", demandOption: true, describe: "model directory (config.yaml + 1/model.py) or a .py file" })
        .option("json", { type: "boolean", default: false, describe: "print the MethodSignature list as JSON (proto field names)" })
        .option("class", { type: "string", describe: "the model class to read when the file defines several" })
        // Every source gen-client reads (API model, --grpc server) can be inspected too.
        .option("grpc", { type: "string", describe: "read a running model server at host:port" })
        .option("user", { type: "string", describe: "user id, with a bare model id" })
        .option("app", { type: "string", describe: "app id, with a bare model id" })
        .option("version", { type: "string", describe: "model version id (API models)" }),
    handler: async (args) => {
      try {
        const model =
          args.class === undefined
            ? await loadModel(args.model, { grpc: args.grpc, user: args.user, app: args.app, version: args.version })
            : await readLocalModel(args.model, { className: args.class });
        for (const warning of model.warnings ?? []) process.stderr.write(`gen-client inspect: warning: ${warning}\n`);
        if (args.json) {
          process.stdout.write(`${formatSignaturesJson(model.signatures)}\n`);
          return;
        }
        const { userId, appId, modelId } = model.identity;
        process.stdout.write(`# ${[userId, appId, modelId].filter(Boolean).join("/")} from ${model.source}\n\n`);
        process.stdout.write(`${formatSignatureListing(model.signatures)}\n`);
      } catch (error) {
        if (error instanceof ModelPyError) process.stderr.write(`${error.format()}\n`);
        else if (error instanceof LocalModelError) process.stderr.write(`${error.message}\n`);
        else if (error instanceof Error) process.stderr.write(`gen-client inspect: ${args.model}: ${error.message}\n`);
        else throw error;
        setExitCode(1);
      }
    },
  };
}
