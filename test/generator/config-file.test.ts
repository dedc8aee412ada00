import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ConfigError, findDefaultConfig, parseConfig, readConfigFile } from "../../generator/config/config-file.js";

describe("config file", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "gen-client-config-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("reads YAML: string and object entries, out and api, paths relative to the file", async () => {
    const file = path.join(dir, "clarifai.config.yaml");
    await writeFile(
      file,
      "out: gen\nruntimeImport: my-runtime\napi: { baseUrl: 'localhost:1', insecure: true }\n" +
        "models:\n  - me/app/m1\n  - { model: m2, user: me, app: app, version: v2 }\n  - { model: me/app/m3, grpc: 'localhost:8000' }\n",
    );
    assert.equal(findDefaultConfig(dir), file);
    assert.deepEqual(await readConfigFile(file), {
      baseDir: dir,
      out: "gen",
      runtimeImport: "my-runtime",
      api: { baseUrl: "localhost:1", insecure: true, timeoutMs: undefined },
      models: [
        { model: "me/app/m1" },
        { model: "m2", grpc: undefined, version: "v2", user: "me", app: "app" },
        { model: "me/app/m3", grpc: "localhost:8000", version: undefined, user: undefined, app: undefined },
      ],
    });
  });

  it("reads JSON", async () => {
    const file = path.join(dir, "c.json");
    await writeFile(file, JSON.stringify({ models: ["./model"] }));
    assert.deepEqual((await readConfigFile(file)).models, [{ model: "./model" }]);
  });

  const rejected: [given: unknown, message: RegExp][] = [
    [[], /f must be an object/u],
    [{ models: [] }, /"models" must be a non-empty list/u],
    [{ models: ["a"], output: "x" }, /unknown key "output"; allowed keys: out, runtimeImport, api, models/u],
    [{ models: [{ grpc: "h:1" }] }, /f: models\[0\]: "model" is required/u],
    [{ models: [7] }, /f: models\[0\] must be an object/u],
    [{ models: ["a"], api: { insecure: "yes" } }, /f: api: "insecure" must be true or false/u],
    [{ models: ["a"], api: { timeoutMs: -1 } }, /"timeoutMs" must be a positive number/u],
  ];
  for (const [given, message] of rejected) {
    it(`rejects ${JSON.stringify(given)}`, () => {
      assert.throws(() => parseConfig(given, "f"), (e: unknown) => e instanceof ConfigError && message.test(e.message));
    });
  }

  it("names the file when it is not valid YAML, and never evaluates tags", async () => {
    const file = path.join(dir, "bad.yaml");
    await writeFile(file, "models: [a\n");
    await assert.rejects(readConfigFile(file), (e: unknown) => e instanceof ConfigError && e.message.startsWith(`config file ${file} is not valid YAML`));
    const tagged = path.join(dir, "tag.yaml");
    await writeFile(tagged, "models: [!!js/function 'function(){ return 1 }']\n");
    const config = await readConfigFile(tagged);
    assert.deepEqual(config.models, [{ model: "function(){ return 1 }" }]);
  });
});
