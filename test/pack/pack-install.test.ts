/**
 * The package as users get it: `npm run build`, `npm pack`, install the tarball into an empty folder outside
 * the repository (so the repository's node_modules cannot hide a missing dependency), then use it there:
 * the installed `gen-client` bin writes a client identical to the committed example client, the client type-checks against
 * the installed type declarations, and compiled to JavaScript it calls the runtime's test server.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const quiet = { NO_UPDATE_NOTIFIER: "1", npm_config_fund: "false", npm_config_audit: "false" };

let project: string;

before(async () => {
  project = await mkdtemp(path.join(tmpdir(), "clarifai-typed-pack-"));
  await run(npm, ["run", "build"], { cwd: repoRoot, env: { ...process.env, ...quiet } });
  const { stdout } = await run(npm, ["pack", "--json", "--pack-destination", project], {
    cwd: repoRoot,
    env: { ...process.env, ...quiet },
  });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  await writeFile(
    path.join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  // Dependencies come from the npm cache that `npm ci` filled; the registry only for what it lacks.
  await run(
    npm,
    ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(project, path.basename(filename))],
    {
      cwd: project,
      env: { ...process.env, ...quiet },
    },
  );
});

after(() => rm(project, { recursive: true, force: true }));

test("the installed gen-client bin writes the same client as the repository's gen-client", async () => {
  // --check compares in memory with the committed client (exit 0 only when byte-identical, banner included).
  const bin = path.join(project, "node_modules", ".bin", "gen-client");
  await run(bin, ["examples/story-writer", "--out", "examples/story-writer", "--check"], { cwd: repoRoot });
  // And it writes a client elsewhere that differs from the committed one only in the banner's relative path.
  await run(bin, ["examples/story-writer", "--out", path.join(project, "clarifai")], { cwd: repoRoot });
  const written = await readFile(path.join(project, "clarifai", "story-writer.ts"), "utf8");
  const committed = await readFile(path.join(repoRoot, "examples", "story-writer", "story-writer.ts"), "utf8");
  const afterBanner = (file: string) => file.slice(file.indexOf("\n * Model:"));
  assert.equal(afterBanner(written), afterBanner(committed));
});

test("the client type-checks against the installed declarations and calls the installed runtime", async () => {
  await writeFile(
    path.join(project, "app.ts"),
    [
      'import { closeClient, ClarifaiError } from "clarifai-typed";',
      'import { startTestServer } from "clarifai-typed/testing";',
      'import { signatureFromJson } from "clarifai-typed/signatures";',
      'import { createStoryWriterClient, signatures } from "./clarifai/story-writer.js";',
      "const server = await startTestServer({ signatures, handlers: { predict: (a: { prompt: string }) => `hi ${a.prompt}` } });",
      "const writer = createStoryWriterClient({ baseUrl: server.address, insecure: true });",
      'const answer: string = await writer.predict({ prompt: "pack" });',
      "const parsed = signatureFromJson(JSON.parse(JSON.stringify(signatures[0])));",
      'console.log(JSON.stringify({ answer, isError: new ClarifaiError("x", { code: 10020 }).codeName, parsed: parsed.name }));',
      "closeClient(writer);",
      "await server.close();",
    ].join("\n"),
  );
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      skipLibCheck: false,
      types: [],
      lib: ["ES2022", "DOM"],
      outDir: "out",
    },
    files: ["app.ts"],
  };
  await writeFile(path.join(project, "tsconfig.json"), JSON.stringify(tsconfig));
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project }).catch((error: { stdout: string }) => {
    assert.fail(`the consumer does not type-check:\n${error.stdout}`);
  });
  const { stdout } = await run(process.execPath, [path.join(project, "out", "app.js")], {
    cwd: project,
    timeout: 20_000,
  });
  assert.deepEqual(JSON.parse(stdout), { answer: "hi pack", isError: "FAILURE", parsed: "predict" });
});

test("ts-morph is not installed with the package; --verify then says how to get it", async () => {
  await assert.rejects(readFile(path.join(project, "node_modules", "ts-morph", "package.json")), { code: "ENOENT" });
  const bin = path.join(project, "node_modules", ".bin", "gen-client");
  const failure = await run(bin, ["examples/story-writer", "--out", path.join(project, "verified"), "--verify"], { cwd: repoRoot }).then(
    () => assert.fail("--verify without ts-morph succeeded"),
    (error: { code: number; stderr: string }) => error,
  );
  assert.equal(failure.code, 1);
  assert.match(failure.stderr, /--verify type-checks with ts-morph, which is not installed; install it beside clarifai-typed \(npm i -D ts-morph\)/);
  await assert.rejects(readFile(path.join(project, "verified", "story-writer.ts")), { code: "ENOENT" });
});
