/**
 * Regenerates every golden client (test/golden/<case>/expected.ts) from its input. Run it after an
 * intended change to the generator or the templates (`npm run update-goldens`), then review the diff.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { generateGolden, goldenCases } from "../test/golden/golden-cases.js";

for (const golden of goldenCases()) {
  await writeFile(golden.expectedFile, await generateGolden(golden));
  process.stdout.write(`updated ${path.relative(process.cwd(), golden.expectedFile)}\n`);
}
