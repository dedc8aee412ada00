/**
 * `gen-client [model...]`: generates one typed client per model into --out (default ./clarifai), or with
 * --check only compares. With no model it reads --config or the default config file of the working folder.
 * Exit codes: 0 all done (or all current), 1 some model failed or is stale/missing (one line each, the
 * others are still generated), 2 usage errors (through yargs, with the usage).
 */
import path from "node:path";
import type { Argv, CommandModule } from "yargs";
import { DEFAULT_RUNTIME_IMPORT } from "../emit/emit-client.js";
import { findDefaultConfig, readConfigFile, type GenClientConfig } from "../config/config-file.js";
import { generateClients, type ClientJob, type ClientOutcome } from "./generate-clients.js";

interface GenerateArgs {
  models: string[];
  out?: string | undefined;
  grpc?: string | undefined;
  version?: string | undefined;
  user?: string | undefined;
  app?: string | undefined;
  config?: string | undefined;
  check: boolean;
  verify: boolean;
  runtimeImport?: string | undefined;
}

export const DEFAULT_OUT_DIR = "./clarifai";

export function generateCommand(setExitCode: (code: number) => void): CommandModule<object, GenerateArgs> {
  let parser: Argv<GenerateArgs> | undefined;
  return {
    command: "$0 [models..]",
    describe: "Generate a typed client per model (a model directory or model.py, user/app/model, a clarifai.com URL)",
    builder: (y) => (parser = withOptions(y)),
    handler: async (args) => {
      const problem = usageProblem(args);
      if (problem === undefined) return setExitCode(await runGenerate(args));
      process.stderr.write(`${problem}\n\n`);
      parser?.showHelp((usage) => process.stderr.write(`${usage}\n`));
      setExitCode(2);
    },
  };
}

/** Combinations yargs cannot express; reported like yargs' own usage errors (exit 2 with the usage). */
function usageProblem(args: GenerateArgs): string | undefined {
  if (args.models.length > 0 && args.config !== undefined) return "give models on the command line or --config, not both";
  if (args.models.length > 1 && args.grpc !== undefined) return "--grpc reads one model server: give exactly one model with it";
  if (args.models.length === 0 && args.config === undefined && !findDefaultConfig(process.cwd())) {
    return "no model given and no clarifai.config.json / .yaml in this folder: name a model or pass --config <file>";
  }
  return undefined;
}

function withOptions(y: Argv): Argv<GenerateArgs> {
  return y
    .positional("models", { type: "string", array: true, default: [] as string[], describe: "models to generate clients for" })
    .option("out", { type: "string", describe: `output folder (default ${DEFAULT_OUT_DIR})` })
    .option("grpc", { type: "string", describe: "read the signatures from a running model server at host:port (plaintext)" })
    .option("user", { type: "string", describe: "user id, with a bare model id" })
    .option("app", { type: "string", describe: "app id, with a bare model id" })
    .option("config", { type: "string", describe: "config file listing models, output folder and options (JSON or YAML)" })
    .option("check", { type: "boolean", default: false, describe: "write nothing; exit 1 naming each model whose client is stale or missing" })
    .option("verify", { type: "boolean", default: false, describe: "type-check each generated client before writing it" })
    .option("runtime-import", { type: "string", describe: `module generated clients import the runtime from (default ${DEFAULT_RUNTIME_IMPORT})` })
    .option("version", { type: "string", describe: "model version id (API models)" }) as unknown as Argv<GenerateArgs>;
}

export async function runGenerate(args: GenerateArgs): Promise<number> {
  let config: GenClientConfig | undefined;
  const configFile = args.models.length === 0 ? (args.config ?? findDefaultConfig(process.cwd())) : undefined;
  if (configFile !== undefined) {
    try {
      config = await readConfigFile(configFile);
    } catch (error) {
      process.stderr.write(`gen-client: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const jobs = config ? configJobs(config, args) : commandLineJobs(args);
  const outDir = args.out ?? (config?.out !== undefined ? path.resolve(config.baseDir, config.out) : DEFAULT_OUT_DIR);
  const interactive = process.stderr.isTTY === true;
  const outcomes = await generateClients(
    jobs,
    { outDir, runtimeImport: args.runtimeImport ?? config?.runtimeImport, check: args.check, verify: args.verify },
    (outcome, index) => {
      const line = describeOutcome(outcome);
      // Always shown, in CI too: the client may lack methods the model has.
      if (outcome.status !== "failed") for (const warning of outcome.warnings) process.stderr.write(`gen-client: warning: ${warning}\n`);
      if (outcome.status === "failed" || outcome.status === "stale" || outcome.status === "missing") {
        process.stderr.write(`gen-client: ${line}\n`);
      } else if (interactive) {
        process.stderr.write(jobs.length > 1 ? `[${index + 1}/${jobs.length}] ${line}\n` : `${line}\n`);
      }
    },
  );
  return outcomes.every((o) => o.status !== "failed" && o.status !== "stale" && o.status !== "missing") ? 0 : 1;
}

function commandLineJobs(args: GenerateArgs): ClientJob[] {
  const load = { grpc: args.grpc, version: args.version, user: args.user, app: args.app };
  return args.models.map((spec) => ({ spec, load }));
}

function configJobs(config: GenClientConfig, args: GenerateArgs): ClientJob[] {
  return config.models.map((entry) => ({
    spec: entry.model,
    load: {
      grpc: entry.grpc ?? args.grpc,
      version: entry.version ?? args.version,
      user: entry.user ?? args.user,
      app: entry.app ?? args.app,
      api: config.api,
      cwd: config.baseDir,
    },
  }));
}

function describeOutcome(outcome: ClientOutcome): string {
  const where = "file" in outcome ? path.relative(process.cwd(), outcome.file) : "";
  switch (outcome.status) {
    case "failed":
      return `${outcome.spec}: ${outcome.message}`;
    case "stale":
      return `${outcome.spec}: ${where} is stale (the model's signatures or the generator changed); run gen-client to update it`;
    case "missing":
      return `${outcome.spec}: ${where} is missing; run gen-client to generate it`;
    case "current":
      return `${outcome.spec}: ${where} is current`;
    case "unchanged":
      return `${outcome.spec}: ${where} unchanged`;
    case "written":
      return `${outcome.spec}: wrote ${where}`;
  }
}
