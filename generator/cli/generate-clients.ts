/**
 * Generates (or, with `check`, compares) the clients of many models: each model is read, emitted and
 * written independently, so one failing model never stops the others. Reports go through `report`, one
 * line per model, so the CLI decides what reaches the terminal.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { withSourceSeenFrom, type ClientModel } from "../emit/client-model.js";
import { emitClient } from "../emit/emit-client.js";
import { clientFilePath } from "../emit/output-path.js";
import type { LoadOptions } from "../sources/index.js";

export interface ClientJob {
  /** The model as the user named it (a path, user/app/model, a URL, an id). */
  readonly spec: string;
  readonly load: LoadOptions;
}

export interface GenerateSettings {
  readonly outDir: string;
  readonly runtimeImport?: string | undefined;
  /** Compare with what is on disk instead of writing. */
  readonly check?: boolean;
  /** Type-check the generated clients (ts-morph) before writing them. */
  readonly verify?: boolean;
  /** Reads a model; the default is the dispatcher over every source (tests may pass a fake). */
  readonly loadModel?: (spec: string, options: LoadOptions) => Promise<ClientModel>;
}

export type ClientOutcome =
  | {
      readonly spec: string;
      readonly status: "written" | "unchanged" | "current" | "stale" | "missing";
      readonly file: string;
      /** What may make the client incomplete or the model fail when called (ClientModel.warnings). */
      readonly warnings: readonly string[];
    }
  | { readonly spec: string; readonly status: "failed"; readonly message: string };

export async function generateClients(
  jobs: readonly ClientJob[],
  settings: GenerateSettings,
  report: (outcome: ClientOutcome, index: number) => void = () => {},
): Promise<ClientOutcome[]> {
  const load = settings.loadModel ?? (await import("../sources/index.js")).loadModel;
  // Keyed case- and normalization-insensitively: Echo.ts and echo.ts are one file on macOS and Windows.
  const claimed = new Map<string, { spec: string; file: string }>();
  const claimKey = (file: string) => file.normalize("NFC").toLowerCase();
  const emitted = await Promise.all(jobs.map((job) => emitJob(job, settings, load)));
  const outcomes: ClientOutcome[] = [];
  for (const [index, result] of emitted.entries()) {
    const spec = jobs[index]?.spec ?? "";
    let outcome: ClientOutcome;
    if ("message" in result) {
      outcome = { spec, status: "failed", message: result.message };
    } else if (claimed.has(claimKey(result.file))) {
      const other = claimed.get(claimKey(result.file))!;
      const sameFile = other.file === result.file ? "" : ` (as ${other.file}: names that differ only by case are one file on macOS and Windows)`;
      outcome = { spec, status: "failed", message: `writes ${result.file}, which ${other.spec} also writes${sameFile}; give the models distinct ids` };
    } else {
      claimed.set(claimKey(result.file), { spec, file: result.file });
      outcome = await settle(spec, result, settings);
    }
    outcomes.push(outcome);
    report(outcome, index);
  }
  return outcomes;
}

type Emitted = { readonly file: string; readonly content: string; readonly warnings: readonly string[] } | { readonly message: string };

async function emitJob(job: ClientJob, settings: GenerateSettings, load: NonNullable<GenerateSettings["loadModel"]>): Promise<Emitted> {
  try {
    const loaded = await load(job.spec, job.load);
    const file = clientFilePath(settings.outDir, loaded.identity.modelId);
    const model = withSourceSeenFrom(loaded, file);
    const content = await emitClient(model, { runtimeImport: settings.runtimeImport, prettierConfigFrom: file });
    if (settings.verify) {
      const { verifyClients } = await import("../emit/verify.js");
      const problems = await verifyClients(new Map([[file, content]]));
      if (problems.length > 0) return { message: `generated client does not type-check: ${problems.map((p) => p.message).join("; ")}` };
    }
    return { file, content, warnings: loaded.warnings ?? [] };
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
}

async function settle(
  spec: string,
  emitted: { file: string; content: string; warnings: readonly string[] },
  settings: GenerateSettings,
): Promise<ClientOutcome> {
  const { file, content, warnings } = emitted;
  try {
    const onDisk = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (settings.check) return { spec, status: onDisk === undefined ? "missing" : onDisk === content ? "current" : "stale", file, warnings };
    if (onDisk === content) return { spec, status: "unchanged", file, warnings };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    return { spec, status: "written", file, warnings };
  } catch (error) {
    return { spec, status: "failed", message: `cannot write ${file}: ${(error as Error).message}` };
  }
}
