import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { clientFilePath, UnsafeModelIdError } from "../../generator/emit/output-path.js";

describe("clientFilePath", () => {
  const out = path.resolve("/tmp/out");
  const accepted: [given: string, want: string][] = [
    ["peer-test-model", path.join(out, "peer-test-model.ts")],
    ["llama-3.1", path.join(out, "llama-3.1.ts")],
    ["模型", path.join(out, "模型.ts")],
  ];
  for (const [given, want] of accepted) {
    it(`${given} → ${want}`, () => assert.equal(clientFilePath(out, given), want));
  }

  const rejected: [given: string, why: RegExp][] = [
    ["", /is empty/u],
    ["..", /relative directory name/u],
    ["../escape", /path separator/u],
    ["a/b", /path separator/u],
    ["a\\b", /path separator/u],
    ["nul\0byte", /control character/u],
    ["/etc/passwd", /path separator/u],
    [".hidden", /starts with a dot/u],
    ["c:evil", /one of <>:/u],
  ];
  for (const [given, why] of rejected) {
    it(`refuses ${JSON.stringify(given)}`, () => {
      assert.throws(
        () => clientFilePath(out, given),
        (e: unknown) => e instanceof UnsafeModelIdError && why.test(e.message) && e.message.includes("give the model a plain id"),
      );
    });
  }
});
