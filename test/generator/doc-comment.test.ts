import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commentLines, inlineCommentText, joinBlocks } from "../../generator/emit/doc-comment.js";
import { argumentDocLines } from "../../generator/emit/field-docs.js";
import type { ModelTypeField } from "../../runtime/signature.js";

describe("commentLines", () => {
  const cases: [given: string, want: string[]][] = [
    ["plain", ["plain"]],
    ["ends */ here", ["ends *\\/ here"]],
    ["a\nb\r\nc\rd\u2028e\u2029f", ["a", "b", "c", "d", "e", "f"]],
    ["@param x is a tag", ["\\@param x is a tag"]],
    ["mid @ sign stays", ["mid @ sign stays"]],
    ["`${x}` 'q' \"dq\" ✓ 🙂", ["`${x}` 'q' \"dq\" ✓ 🙂"]],
  ];
  for (const [given, want] of cases) {
    it(JSON.stringify(given), () => assert.deepEqual(commentLines(given), want));
  }
});

describe("inlineCommentText", () => {
  it("keeps a value on its line, JSON-quoted when it holds a line break", () => {
    assert.equal(inlineCommentText("a*/b"), "a*\\/b");
    assert.equal(inlineCommentText("x\ny"), '"x\\ny"');
  });
  it("joinBlocks separates non-empty blocks with one blank line", () => {
    assert.deepEqual(joinBlocks([["a"], [""], [], ["b", "c"]]), ["a", "", "b", "c"]);
  });
});

describe("argumentDocLines", () => {
  const cases: [given: ModelTypeField, want: string[]][] = [
    [{ name: "prompt", type: "STR", required: true }, []],
    [{ name: "n", type: "INT", default: "2" }, ["@default 2"]],
    [{ name: "s", type: "STR", default: "fast" }, ['@default "fast"']],
    [{ name: "s", type: "STR", default: "null" }, ["@default null (None in Python)"]],
    [{ name: "b", type: "BYTES", default: "b'abc'" }, ["@default b'abc'"]],
    [
      {
        name: "count",
        type: "INT",
        default: "2",
        description: "How many */ times",
        model_type_range_info: { min: 1, max: 5 },
        is_param: true,
      },
      ["How many *\\/ times", "", "Range: 1 to 5.", "@default 2"],
    ],
    [{ name: "t", type: "FLOAT", default: "0.7", model_type_range_info: { max: 2 } }, ["At most 2.", "@default 0.7"]],
    [{ name: "n", type: "INT", default: "8", model_type_range_info: { min: 4 } }, ["At least 4.", "@default 8"]],
    [
      { name: "mode", type: "STR", default: "a*/b", model_type_enum_options: [{ id: "a*/b" }, { id: "x\ny" }] },
      ['Choices: "a*\\/b", "x\\ny".', '@default "a*\\/b"'],
    ],
  ];
  for (const [given, want] of cases) {
    it(`${given.name} ${JSON.stringify(given.default ?? "")}`, () => assert.deepEqual(argumentDocLines(given), want));
  }
});
