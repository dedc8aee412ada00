/** `gen-client inspect`'s Python-form listing: defaults never make an optional argument read as required; ranges say what is checked. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MethodSignature, ModelTypeField } from "clarifai-typed";
import { formatSignatureListing } from "../../generator/cli/signature-listing.js";

function listing(inputs: ModelTypeField[]): string[] {
  const signature: MethodSignature = {
    name: "m",
    method_type: "UNARY_UNARY",
    input_fields: inputs,
    output_fields: [{ name: "return", type: "STR" }],
  };
  return formatSignatureListing([signature]).split("\n");
}

describe("signature listing", () => {
  it("an optional argument whose default was \"\" shows '' for str and ... for other types", () => {
    // `s: str = ""` and `text: Text = ""` both store "", which does not travel: the field is only "not required".
    const [head] = listing([
      { name: "s", type: "STR" },
      { name: "text", type: "TEXT" },
      { name: "n", type: "INT", required: true },
    ]);
    assert.equal(head, "def m(s: str = '', text: data_types.Text = ..., n: int) -> str:  # UNARY_UNARY");
  });

  it("stored defaults read as Python literals", () => {
    const [head] = listing([
      { name: "image", type: "IMAGE", default: "null" },
      { name: "flag", type: "BOOL", default: "true" },
      { name: "mode", type: "STR", default: "it's" },
    ]);
    assert.equal(head, "def m(image: data_types.Image = None, flag: bool = True, mode: str = \"it's\") -> str:  # UNARY_UNARY");
  });

  it("ranges name only the bounds that travel", () => {
    const lines = listing([
      { name: "a", type: "FLOAT", default: "0.5", model_type_range_info: { max: 1 } },
      { name: "b", type: "INT", default: "8", model_type_range_info: { min: 4 } },
      { name: "c", type: "INT", default: "2", model_type_range_info: { min: 1, max: 5 } },
    ]);
    assert.deepEqual(lines.slice(1), ["    # a: range: at most 1", "    # b: range: at least 4", "    # c: range: 1 to 5"]);
  });
});
