/**
 * The golden cases: one folder per case under test/golden/, holding the input and `expected.ts`, the client
 * the generator must produce byte for byte. The input is either a model (`model/config.yaml` +
 * `model/1/model.py`, read by the model.py reader) or `signatures.json` (`{ identity, signatures }`, for
 * signatures a model.py cannot state, such as what an API could return). Shared by the golden test and
 * scripts/update-goldens.ts so both generate the same way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withSourceSeenFrom, type ClientModel } from "../../generator/emit/client-model.js";
import { emitClient } from "../../generator/emit/emit-client.js";
import { loadModel } from "../../generator/sources/index.js";

export const GOLDEN_DIR = path.dirname(fileURLToPath(import.meta.url));
export const EXPECTED_FILE = "expected.ts";

export interface GoldenCase {
  readonly name: string;
  readonly dir: string;
  readonly expectedFile: string;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: path.join(GOLDEN_DIR, entry.name), expectedFile: path.join(GOLDEN_DIR, entry.name, EXPECTED_FILE) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The client the generator produces for a case today (prettier defaults, so no machine config leaks in). */
export async function generateGolden(golden: GoldenCase): Promise<string> {
  return emitClient(withSourceSeenFrom(await readCaseModel(golden), golden.expectedFile));
}

async function readCaseModel(golden: GoldenCase): Promise<ClientModel> {
  const signaturesFile = path.join(golden.dir, "signatures.json");
  if (existsSync(signaturesFile)) {
    const { identity, signatures } = JSON.parse(readFileSync(signaturesFile, "utf8")) as Omit<ClientModel, "source">;
    return { identity, signatures, source: "signatures.json" };
  }
  return loadModel("model", { cwd: golden.dir });
}
