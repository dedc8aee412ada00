import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { signatureFromJson } from "clarifai-typed/signatures";
import { formatSignaturesJson } from "../../generator/cli/signatures-json.js";
import { LocalModelError, readLocalModel } from "../../generator/sources/local.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const vectors = path.resolve(repoRoot, "..", "shared", "vectors");
const execFileAsync = promisify(execFile);
/** Runs the CLI as users do, in a child process (node + tsx, without npx's start-up cost). */
const cli = (...args: string[]) =>
  execFileAsync(process.execPath, ["--conditions=source", "--import", "tsx", path.join(repoRoot, "generator/bin.ts"), ...args], { cwd: repoRoot });

/** The recorded JSON re-printed the way Python's json.dumps(indent=2) printed it (text equality). */
async function recorded(file: string): Promise<{ text: string; signatures: unknown[] }> {
  const raw = await readFile(path.join(vectors, file), "utf8");
  const signaturesText = /"signatures": (\[[\s\S]*?\n {2}\])/.exec(raw)?.[1] ?? "";
  const signatures = (JSON.parse(raw) as { signatures: unknown[] }).signatures;
  return { text: signaturesText.replace(/\n {2}/g, "\n"), signatures };
}

describe("the official SDK's signatures for the recorded models", () => {
  for (const [dir, file, identity] of [
    ["model", "signatures.json", { modelId: "peer-test-model", userId: "peer-user", appId: "peer-app" }],
    ["model3", "signatures-m3.json", { modelId: "media-model", userId: "media-user", appId: "media-app" }],
  ] as const) {
    it(`${dir}: same methods, order and fields as ${file}, printed to the same text`, async () => {
      const want = await recorded(file);
      const model = await readLocalModel(path.join(vectors, dir));
      assert.deepEqual(model.signatures, want.signatures.map(signatureFromJson));
      assert.equal(formatSignaturesJson(model.signatures), want.text);
      assert.deepEqual(model.identity, identity);
    });
  }

  it("gen-client inspect --json prints exactly the recorded list and nothing else", async () => {
    const { stdout, stderr } = await cli("inspect", path.join(vectors, "model3"), "--json");
    assert.equal(stdout, `${(await recorded("signatures-m3.json")).text}\n`);
    assert.equal(stderr, "");
  });

  it("gen-client inspect without --json lists methods in Python form", async () => {
    const { stdout } = await cli("inspect", path.join(vectors, "model", "1", "model.py"));
    const lines = stdout.split("\n");
    for (const want of [
      "def predict(prompt: str, temperature: float = 0.7, max_tokens: int = 10) -> str:  # UNARY_UNARY",
      "def scalars(i: int, f: float, b: bool, s: str, raw: bytes) -> NamedFields[i: int, f: float, b: bool, s: str, raw: bytes]:  # UNARY_UNARY",
      "def with_params(text: str, count: int = 2, mode: str = 'upper', sep: str = '-') -> str:  # UNARY_UNARY",
      "    # mode: Case transform; choices: upper, lower",
      "def stream(input_iterator: Iterator[str], suffix: str = '!') -> Iterator[str]:  # STREAMING_STREAMING",
      '    """Bidirectional streaming: echo every item with a suffix."""',
    ]) {
      assert.ok(lines.includes(want), `missing line: ${want}`);
    }
    assert.match(lines[0] ?? "", /^# peer-user\/peer-app\/peer-test-model from .*model\.py/);
  });

  it("gen-client inspect exits 1 with file:line:col: message on stderr for a bad model.py", async () => {
    const bad = path.join(workDir(), "bad.py");
    await mkdir(path.dirname(bad), { recursive: true });
    await writeFile(bad, "from clarifai.runners.models.model_class import ModelClass\nclass M(ModelClass):\n    @ModelClass.method\n    def f(self, x: Optional[str]) -> str: ...\n");
    const failure = await cli("inspect", bad, "--json").then(
      () => assert.fail("expected exit 1"),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    assert.equal(failure.code, 1);
    assert.equal(failure.stdout, "");
    assert.equal(failure.stderr, `${bad}:4:20: method 'f', parameter 'x': name 'Optional' is not defined or imported before it is used; import it (e.g. from clarifai.runners.utils.data_types import Optional)\n`);
  });
});

let work: string | undefined;
function workDir(): string {
  work ??= path.join(tmpdir(), `reader-test-${process.pid}`);
  return work;
}
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("readLocalModel: identity from config.yaml", () => {
  const model = "from clarifai.runners.models.model_class import ModelClass\nclass M(ModelClass):\n    @ModelClass.method\n    def f(self) -> str: ...\n";
  it("a .py file takes the nearest config.yaml; without one, the directory name, and says so", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "reader-local-"));
    try {
      await mkdir(path.join(root, "with", "1"), { recursive: true });
      await writeFile(path.join(root, "with", "config.yaml"), "model:\n  id: my-model\n  user_id: me\n");
      await writeFile(path.join(root, "with", "1", "serve.py"), model);
      assert.deepEqual((await readLocalModel(path.join(root, "with", "1", "serve.py"))).identity, { modelId: "my-model", userId: "me" });
      await mkdir(path.join(root, "bare"), { recursive: true });
      await writeFile(path.join(root, "bare", "model.py"), model);
      const bare = await readLocalModel(path.join(root, "bare", "model.py"));
      assert.deepEqual(bare.identity, { modelId: "bare" });
      assert.match(bare.source, /no config\.yaml found, so the model id is the directory name 'bare'/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  const bad: { name: string; config: string | undefined; want: RegExp }[] = [
    { name: "no config.yaml", config: undefined, want: /is not a model directory: it has no config\.yaml/ },
    { name: "no model section", config: "build_info: {}\n", want: /config\.yaml: no 'model:' section/ },
    { name: "no model.id", config: "model:\n  user_id: me\n", want: /config\.yaml: model\.id is missing/ },
    { name: "invalid YAML", config: "model: [\n", want: /config\.yaml: not valid YAML/ },
  ];
  for (const { name, config, want } of bad) {
    it(name, async () => {
      const root = await mkdtemp(path.join(tmpdir(), "reader-local-"));
      try {
        await mkdir(path.join(root, "1"));
        await writeFile(path.join(root, "1", "model.py"), model);
        if (config !== undefined) await writeFile(path.join(root, "config.yaml"), config);
        await assert.rejects(readLocalModel(root), (error: unknown) => error instanceof LocalModelError && want.test(error.message));
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  }
});
