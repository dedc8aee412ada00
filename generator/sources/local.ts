/**
 * A local model: a directory holding `config.yaml` and `1/model.py`, or a path to a .py file. The
 * signatures come from the static model.py reader; the identity (id, user_id, app_id) from config.yaml.
 */
import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { MethodSignature } from "clarifai-typed";
import { readModelPy, type ModuleFinder, type ReadModelPyOptions } from "./model-py/index.js";

export interface LocalModelIdentity {
  readonly userId?: string;
  readonly appId?: string;
  readonly modelId: string;
  readonly versionId?: string;
}

export interface LocalModel {
  readonly signatures: MethodSignature[];
  readonly identity: LocalModelIdentity;
  /** Where signatures and identity came from, for messages and banners. */
  readonly source: string;
  /** Absolute path of the model.py that was read. */
  readonly modelFile: string;
  /** What may make the client incomplete or the model fail when called (`file:line:col: message`, model-warnings.ts). */
  readonly warnings: readonly string[];
}

/** A model directory or config.yaml that cannot be used (the model.py itself fails with ModelPyError). */
export class LocalModelError extends Error {
  override readonly name = "LocalModelError";
}

/** How many directories up from a .py file to look for its config.yaml (`<model>/1/model.py`). */
const CONFIG_SEARCH_DEPTH = 3;

export async function readLocalModel(modelPath: string, options: ReadModelPyOptions = {}): Promise<LocalModel> {
  const info = await stat(modelPath).catch(() => {
    throw new LocalModelError(`${modelPath}: no such file or directory; give a model directory (config.yaml + 1/model.py) or a .py file`);
  });
  if (info.isDirectory()) {
    const configPath = path.join(modelPath, "config.yaml");
    const pyPath = path.join(modelPath, "1", "model.py");
    const config = await readText(configPath, `${modelPath} is not a model directory: it has no config.yaml (a model directory holds config.yaml and 1/model.py)`);
    const text = await readText(pyPath, `${modelPath} is not a model directory: it has no 1/model.py`);
    const { signatures, warnings } = readWithSiblings(text, pyPath, [path.dirname(pyPath), modelPath], options);
    return {
      signatures,
      identity: identityFromConfig(config, configPath),
      source: `${pyPath} (identity from ${configPath})`,
      modelFile: path.resolve(pyPath),
      warnings,
    };
  }
  const text = await readText(modelPath, `${modelPath}: cannot read the file`);
  const configPath = await nearestConfig(path.dirname(path.resolve(modelPath)));
  // Beside the file, and in the model's folder (the one holding config.yaml) when the file is in a subfolder of it.
  const moduleFolders = [path.dirname(modelPath), ...(configPath ? [path.dirname(configPath)] : [])];
  const { signatures, warnings } = readWithSiblings(text, modelPath, moduleFolders, options);
  if (configPath) {
    const config = await readText(configPath, `${configPath}: cannot read the file`);
    return {
      signatures,
      identity: identityFromConfig(config, configPath),
      source: `${modelPath} (identity from ${configPath})`,
      modelFile: path.resolve(modelPath),
      warnings,
    };
  }
  const modelId = path.basename(path.dirname(path.resolve(modelPath)));
  return {
    signatures,
    identity: { modelId },
    source: `${modelPath} (no config.yaml found, so the model id is the directory name '${modelId}')`,
    modelFile: path.resolve(modelPath),
    warnings,
  };
}

/**
 * Reads model.py, following imports of modules in `folders`: model.py's own folder first, then the model's folder
 * (a served model's working directory).
 */
function readWithSiblings(text: string, pyPath: string, folders: readonly string[], options: ReadModelPyOptions) {
  const warnings: string[] = [];
  const unique = [...new Set(folders.map((folder) => path.resolve(folder)))];
  const signatures = readModelPy(text, pyPath, { ...options, findModule: moduleFinderIn(unique), onWarning: (w) => warnings.push(w) });
  return { signatures, warnings };
}

async function nearestConfig(directory: string): Promise<string | undefined> {
  let current = directory;
  for (let i = 0; i < CONFIG_SEARCH_DEPTH; i++) {
    const candidate = path.join(current, "config.yaml");
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return undefined;
}

/**
 * Largest model.py or config.yaml read. Real ones are a few KB; parsing costs ~50 bytes of memory per byte of
 * source, so this bounds the reader at a few hundred MB whatever file it is pointed at.
 */
export const MAX_SOURCE_BYTES = 8 * 2 ** 20;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The file's text: UTF-8 (as CPython reads source), at most MAX_SOURCE_BYTES. */
async function readText(file: string, missing: string): Promise<string> {
  const size = await stat(file).then((info) => info.size, () => {
    throw new LocalModelError(missing);
  });
  checkSize(file, size);
  const bytes = await readFile(file).catch(() => {
    throw new LocalModelError(missing);
  });
  return decodeSource(file, bytes);
}

/** `readText` for a module model.py imports: undefined when there is no such file. */
function readModuleText(file: string): string | undefined {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) return undefined;
    size = info.size;
  } catch (error) {
    if (NOT_THERE.has((error as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw new LocalModelError(`cannot read ${file}, which model.py imports: ${(error as Error).message}`);
  }
  checkSize(file, size);
  try {
    return decodeSource(file, readFileSync(file));
  } catch (error) {
    if (error instanceof LocalModelError) throw error;
    throw new LocalModelError(`cannot read ${file}, which model.py imports: ${(error as Error).message}`);
  }
}

const NOT_THERE = new Set(["ENOENT", "ENOTDIR"]);

function checkSize(file: string, size: number): void {
  if (size > MAX_SOURCE_BYTES) {
    throw new LocalModelError(`${file} is ${(size / 2 ** 20).toFixed(1)} MiB; files over ${MAX_SOURCE_BYTES / 2 ** 20} MiB are refused (a model.py or config.yaml is a few KB: load large data from separate files)`);
  }
}

function decodeSource(file: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new LocalModelError(`${file} is not UTF-8 text (Python reads source files as UTF-8): save it as UTF-8`);
  }
}

/**
 * Finds the modules model.py imports (`from base_model import X`) as Python's path finder does in `folders`, in
 * order: a package folder before a `.py` file.
 */
function moduleFinderIn(folders: readonly string[]): ModuleFinder {
  return (moduleName) => {
    if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/u.test(moduleName)) return undefined;
    const parts = moduleName.split(".");
    for (const folder of folders) {
      const candidates = [
        { fileName: path.join(folder, ...parts, "__init__.py"), isPackage: true },
        { fileName: `${path.join(folder, ...parts)}.py`, isPackage: false },
      ];
      for (const candidate of candidates) {
        const text = readModuleText(candidate.fileName);
        if (text !== undefined) return { ...candidate, text };
      }
    }
    return undefined;
  };
}

/** `model.id` (required), `model.user_id`, `model.app_id` of a Clarifai config.yaml. */
export function identityFromConfig(text: string, configPath: string): LocalModelIdentity {
  let config: unknown;
  try {
    config = parseYaml(text);
  } catch (error) {
    throw new LocalModelError(`${configPath}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const model = isRecord(config) ? config["model"] : undefined;
  if (!isRecord(model)) throw new LocalModelError(`${configPath}: no 'model:' section; it must hold at least model.id`);
  const field = (key: string): string | undefined => {
    const value = model[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string" && typeof value !== "number") {
      throw new LocalModelError(`${configPath}: model.${key} must be a string`);
    }
    return String(value);
  };
  const modelId = field("id");
  if (!modelId) throw new LocalModelError(`${configPath}: model.id is missing; add \`id: <model-id>\` under \`model:\``);
  const userId = field("user_id");
  const appId = field("app_id");
  return { modelId, ...(userId ? { userId } : {}), ...(appId ? { appId } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
