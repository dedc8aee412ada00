/**
 * Facts the documentation states that the source can confirm: every status code named in README.md and
 * docs/errors.md has the name the runtime gives it, and docs/cli.md documents every option gen-client has.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { statusCodeName } from "clarifai-typed";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

/** `(code, name)` pairs a Markdown text states: table rows `| 11003, 11005 | A, B |` and inline "40035 `NAME`". */
function statedStatusCodes(markdown: string): { code: number; name: string }[] {
  const pairs: { code: number; name: string }[] = [];
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const codes = cells[1]?.split(/,\s*/);
    const names = cells[2]?.replace(/`/g, "").split(/,\s*/);
    if (codes && names && codes.every((c) => /^\d{5}$/.test(c)) && names.every((n) => /^[A-Z_]+$/.test(n))) {
      assert.equal(codes.length, names.length, `a table row pairs as many codes as names: ${line}`);
      codes.forEach((code, i) => pairs.push({ code: Number(code), name: names[i]! }));
    }
    for (const [, code, name] of line.matchAll(/\b(\d{5}) `([A-Z_]+)`/g))
      pairs.push({ code: Number(code), name: name! });
  }
  return pairs;
}

describe("statedStatusCodes", () => {
  const cases = [
    { given: "| 10020 | FAILURE | x |", want: [{ code: 10020, name: "FAILURE" }] },
    {
      given: "| 11003, 11005 | `A_B`, `C` | x |",
      want: [
        { code: 11003, name: "A_B" },
        { code: 11005, name: "C" },
      ],
    },
    { given: "| `CANCELLED` (1) | 40035 `RPC_CANCELED` | x |", want: [{ code: 40035, name: "RPC_CANCELED" }] },
    { given: "| code | name |\n| --- | --- |", want: [] },
  ];
  for (const { given, want } of cases) test(given, () => assert.deepEqual(statedStatusCodes(given), want));
});

for (const file of ["README.md", "docs/errors.md"]) {
  test(`${file} names every status code as the runtime does`, () => {
    const stated = statedStatusCodes(read(file));
    assert.ok(stated.length >= 5, `${file}: found ${stated.length} status codes`);
    assert.deepEqual(
      stated.filter(({ code, name }) => statusCodeName(code) !== name).map(({ code, name }) => `${code} ${name}`),
      [],
    );
  });
}

test("docs/cli.md documents every option of gen-client --help", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--conditions=source", "--import", "tsx", path.join(repoRoot, "generator", "bin.ts"), "--help"],
    { cwd: repoRoot },
  );
  const options = [...new Set([...stdout.matchAll(/^\s+(--[a-z][a-z-]*)/gm)].map((m) => m[1]!))];
  assert.ok(options.includes("--out"), `gen-client --help lists its options:\n${stdout}`);
  const doc = read("docs/cli.md");
  assert.deepEqual(
    options.filter((option) => !doc.includes(`\`${option}`)),
    [],
  );
});
