/**
 * The gen-client config file: many models, the output folder and how to reach the API, in JSON or YAML.
 * Reading it never executes anything (no JS/TS configs); paths in it are relative to the file's folder.
 *
 * ```yaml
 * out: ./src/clarifai            # default ./clarifai
 * runtimeImport: clarifai-typed  # module the clients import the runtime from
 * api: { baseUrl: api.clarifai.com:443, insecure: false, timeoutMs: 30000 }
 * models:
 *   - clarifai/main/models/llama-3
 *   - ./models/echo
 *   - { model: me/my-app/my-model, grpc: localhost:8000 }
 *   - { model: my-model, user: me, app: my-app, version: abc123 }
 * ```
 */
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { expectObject, optionalBoolean, optionalNumber, optionalString, requiredString, ConfigError } from "./config-values.js";

export { ConfigError } from "./config-values.js";

export const DEFAULT_CONFIG_FILES = ["clarifai.config.json", "clarifai.config.yaml", "clarifai.config.yml"] as const;

export interface ModelEntry {
  readonly model: string;
  readonly grpc?: string | undefined;
  readonly version?: string | undefined;
  readonly user?: string | undefined;
  readonly app?: string | undefined;
}

export interface GenClientConfig {
  /** The config file's folder: relative paths (out, local models) resolve from here. */
  readonly baseDir: string;
  readonly out?: string | undefined;
  readonly runtimeImport?: string | undefined;
  readonly api: { readonly baseUrl?: string | undefined; readonly insecure?: boolean | undefined; readonly timeoutMs?: number | undefined };
  readonly models: readonly ModelEntry[];
}

/** The default config file in `dir`, if there is one. */
export function findDefaultConfig(dir: string): string | undefined {
  return DEFAULT_CONFIG_FILES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

export async function readConfigFile(file: string): Promise<GenClientConfig> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot read config file ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  return parseConfig(parseText(file, text), file);
}

function parseText(file: string, text: string): unknown {
  try {
    return /\.ya?ml$/iu.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${file} is not valid ${/\.ya?ml$/iu.test(file) ? "YAML" : "JSON"}: ${(error as Error).message}`);
  }
}

export function parseConfig(value: unknown, file: string): GenClientConfig {
  const root = expectObject(value, file, ["out", "runtimeImport", "api", "models"]);
  const api = root["api"] === undefined ? {} : expectObject(root["api"], `${file}: api`, ["baseUrl", "insecure", "timeoutMs"]);
  const models = root["models"];
  if (!Array.isArray(models) || models.length === 0) {
    throw new ConfigError(`${file}: "models" must be a non-empty list of models (user/app/model, a URL or a path)`);
  }
  return {
    baseDir: path.dirname(path.resolve(file)),
    out: optionalString(root, "out", file),
    runtimeImport: optionalString(root, "runtimeImport", file),
    api: {
      baseUrl: optionalString(api, "baseUrl", `${file}: api`),
      insecure: optionalBoolean(api, "insecure", `${file}: api`),
      timeoutMs: optionalNumber(api, "timeoutMs", `${file}: api`),
    },
    models: models.map((entry: unknown, i) => modelEntry(entry, `${file}: models[${i}]`)),
  };
}

function modelEntry(entry: unknown, where: string): ModelEntry {
  if (typeof entry === "string" && entry !== "") return { model: entry };
  const fields = expectObject(entry, where, ["model", "grpc", "version", "user", "app"]);
  return {
    model: requiredString(fields, "model", where),
    grpc: optionalString(fields, "grpc", where),
    version: optionalString(fields, "version", where),
    user: optionalString(fields, "user", where),
    app: optionalString(fields, "app", where),
  };
}
