import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RuntimeSymbol } from "../../generator/emit/runtime-symbols.js";
import { fieldType, UnsupportedSignatureError, type Direction } from "../../generator/emit/type-expressions.js";
import type { ModelTypeField } from "../../runtime/signature.js";

const f = (type: ModelTypeField["type"], extra: Partial<ModelTypeField> = {}): ModelTypeField => ({ name: "x", type, ...extra });

function typeOf(field: ModelTypeField, direction: Direction): { type: string; used: RuntimeSymbol[] } {
  const used: RuntimeSymbol[] = [];
  const type = fieldType(field, direction, (s) => (used.push(s), s), "m x");
  return { type, used };
}

describe("fieldType", () => {
  const cases: [given: ModelTypeField, argument: string, result: string][] = [
    [f("STR"), "string", "string"],
    [f("STR", { model_type_enum_options: [{ id: "fast" }, { id: 'sl"ow' }] }), '"fast" | "sl\\"ow"', "string"],
    [f("INT"), "number | bigint", "number"],
    [f("FLOAT"), "number", "number"],
    [f("BOOL"), "boolean", "boolean"],
    [f("BYTES"), "Uint8Array", "Uint8Array"],
    [f("NDARRAY"), "NDArray", "NDArray | null"],
    [f("JSON_DATA"), "JsonObject | JsonArray", "JsonValue"],
    [f("TEXT"), "Text | string", "Text"],
    [f("IMAGE"), "Image", "Image"],
    [f("AUDIO"), "Audio", "Audio"],
    [f("VIDEO"), "Video", "Video"],
    [f("CONCEPT"), "ConceptInput", "Concept"],
    [f("REGION"), "RegionInput", "Region"],
    [f("FRAME"), "FrameInput", "Frame"],
    [f("LIST", { type_args: [f("TEXT")] }), "readonly (Text | string)[]", "Text[]"],
    [f("LIST", { type_args: [f("LIST", { type_args: [f("FLOAT")] })] }), "readonly (readonly number[])[]", "number[][]"],
    [f("TUPLE", { type_args: [f("IMAGE"), f("STR")] }), "readonly [Image, string]", "[Image, string]"],
    [
      f("NAMED_FIELDS", { type_args: [{ name: "default", type: "INT" }, { name: "a-b", type: "NDARRAY" }] }),
      '{ "default": number | bigint; "a-b": NDArray; }',
      '{ "default": number; "a-b": NDArray | null; }',
    ],
  ];
  for (const [given, argument, result] of cases) {
    it(`${given.type} ${JSON.stringify(given.type_args?.map((a) => a.type) ?? [])}`, () => {
      assert.equal(typeOf(given, "argument").type, argument);
      assert.equal(typeOf(given, "result").type, result);
    });
  }

  it("records the runtime symbols a type uses", () => {
    assert.deepEqual(typeOf(f("LIST", { type_args: [f("CONCEPT")] }), "argument").used, ["ConceptInput"]);
  });

  const rejected: [given: ModelTypeField, message: RegExp][] = [
    [f("NOT_SET"), /m x: data type "NOT_SET" has no TypeScript mapping/u],
    [f("LIST"), /m x: LIST needs exactly one type argument, got 0/u],
    [f("TUPLE", { type_args: [] }), /m x: TUPLE needs at least one type argument/u],
    [f("NAMED_FIELDS"), /m x: NAMED_FIELDS needs at least one field/u],
  ];
  for (const [given, message] of rejected) {
    it(`rejects ${given.type} without what it needs`, () => {
      assert.throws(() => typeOf(given, "argument"), (e: unknown) => e instanceof UnsupportedSignatureError && message.test(e.message));
    });
  }
});
