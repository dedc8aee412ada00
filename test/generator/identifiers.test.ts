import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distinctNames, pascalCase, propertyKey } from "../../generator/emit/identifiers.js";

describe("pascalCase", () => {
  const cases: [given: string, want: string][] = [
    ["peer-test-model", "PeerTestModel"],
    ["analyze_video", "AnalyzeVideo"],
    ["llama-3.1-8b", "Llama318b"],
    ["3d-detector", "Model3dDetector"],
    ["---", "Model"],
    ["ünïcode-módel", "ÜnïcodeMódel"],
    ["模型", "模型"],
    ["__init__", "Init"],
  ];
  for (const [given, want] of cases) {
    it(`${JSON.stringify(given)} → ${want}`, () => assert.equal(pascalCase(given, "Model"), want));
  }
});

describe("propertyKey", () => {
  const cases: [given: string, want: string][] = [
    ["prompt", "prompt"],
    ["max_tokens", "max_tokens"],
    ["default", '"default"'],
    ["delete", '"delete"'],
    ["function", '"function"'],
    ["new", '"new"'],
    ["a-b", '"a-b"'],
    ["naïve", '"naïve"'],
    ['q"uote', '"q\\"uote"'],
  ];
  for (const [given, want] of cases) {
    it(`${JSON.stringify(given)} → ${want}`, () => assert.equal(propertyKey(given), want));
  }
});

describe("distinctNames", () => {
  it("suffixes later duplicates in order, the same way every time", () => {
    const given = ["foo_bar", "fooBar", "foo__bar", "other"];
    const want = ["FooBar", "FooBar2", "FooBar3", "Other"];
    assert.deepEqual(distinctNames(given, (n) => pascalCase(n, "M")), want);
  });
});
