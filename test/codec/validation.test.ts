/** Given bad arguments, want an ArgumentError naming method, parameter path, expected and received, before sending. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ArgumentError } from "../../runtime/errors.js";
import { encodeArguments } from "../../runtime/codec/index.js";
import { Audio, Image, NDArray } from "../../runtime/data-types/index.js";
import type { MethodSignature } from "../../runtime/signature.js";
import { loadSignature } from "./vector-support.js";

const png = Image.fromBytes(new Uint8Array([1, 2, 3]));
const cyclic: Record<string, unknown> = { a: 1 };
cyclic["self"] = cyclic;

const custom: MethodSignature = {
  name: "custom",
  method_type: "UNARY_UNARY",
  input_fields: [
    { name: "n", type: "INT", required: true },
    { name: "ratio", type: "FLOAT", model_type_range_info: { max: 1 } },
    { name: "level", type: "INT", model_type_enum_options: [{ id: "1" }, { id: "3" }] },
  ],
  output_fields: [{ name: "return", type: "STR" }],
};

const cases: {
  name: string;
  method: MethodSignature;
  args: Record<string, unknown>;
  want: { parameter: string; expected: string; received: string };
}[] = [
  {
    name: "unknown parameter lists the valid names",
    method: loadSignature("peer", "predict"),
    args: { prompt: "x", promt: "y" },
    want: { parameter: "promt", expected: "one of the parameters of predict (prompt, temperature, max_tokens)", received: "an unknown parameter" },
  },
  {
    name: "missing required parameter",
    method: loadSignature("peer", "predict"),
    args: { temperature: 0.5 },
    want: { parameter: "prompt", expected: "a string (required)", received: "undefined" },
  },
  {
    name: "wrong type",
    method: loadSignature("peer", "predict"),
    args: { prompt: 5 },
    want: { parameter: "prompt", expected: "a string", received: "number 5" },
  },
  {
    name: "non-integer INT",
    method: loadSignature("peer", "predict"),
    args: { prompt: "x", max_tokens: 2.5 },
    want: { parameter: "max_tokens", expected: "an integer", received: "number 2.5" },
  },
  {
    name: "NaN INT",
    method: loadSignature("peer", "predict"),
    args: { prompt: "x", max_tokens: NaN },
    want: { parameter: "max_tokens", expected: "an integer", received: "number NaN" },
  },
  {
    name: "INT beyond int64",
    method: loadSignature("peer", "predict"),
    args: { prompt: "x", max_tokens: 2n ** 63n },
    want: { parameter: "max_tokens", expected: "an integer within the int64 range", received: "bigint 9223372036854775808n" },
  },
  {
    name: "Infinity FLOAT",
    method: loadSignature("peer", "predict"),
    args: { prompt: "x", temperature: Infinity },
    want: { parameter: "temperature", expected: "a finite number", received: "number Infinity" },
  },
  {
    name: "below min",
    method: loadSignature("peer", "with_params"),
    args: { text: "x", count: 0 },
    want: { parameter: "count", expected: "a number from 1 to 5", received: "number 0" },
  },
  {
    name: "above max",
    method: loadSignature("m3", "shout"),
    args: { text: "x", times: 5 },
    want: { parameter: "times", expected: "a number from 1 to 4", received: "number 5" },
  },
  {
    name: "only max declared",
    method: custom,
    args: { n: 1, ratio: 1.5 },
    want: { parameter: "ratio", expected: "a number ≤ 1", received: "number 1.5" },
  },
  {
    name: "numeric choices",
    method: custom,
    args: { n: 1, level: 2 },
    want: { parameter: "level", expected: "one of 1, 3", received: "number 2" },
  },
  {
    name: "string choices",
    method: loadSignature("peer", "with_params"),
    args: { text: "x", mode: "title" },
    want: { parameter: "mode", expected: 'one of "upper" | "lower"', received: '"title"' },
  },
  {
    name: "list element path",
    method: loadSignature("peer", "list_mix"),
    args: { texts: [], images: [png, png, "not an image"] },
    want: { parameter: "images[2]", expected: "Image (Image.fromBytes / fromFile / fromUrl)", received: '"not an image"' },
  },
  {
    name: "an Audio where an Image is expected",
    method: loadSignature("peer", "image_gray"),
    args: { image: Audio.fromBytes(new Uint8Array([1])) },
    want: { parameter: "image", expected: "Image (Image.fromBytes / fromFile / fromUrl)", received: "an Audio" },
  },
  {
    name: "tuple element path",
    method: loadSignature("m3", "caption_pair"),
    args: { pair: [png, 7] },
    want: { parameter: "pair[1]", expected: "a string", received: "number 7" },
  },
  {
    name: "tuple arity",
    method: loadSignature("m3", "caption_pair"),
    args: { pair: [png] },
    want: { parameter: "pair", expected: "a tuple of 2 ([IMAGE, STR])", received: "an array of 1" },
  },
  {
    name: "nested list path",
    method: loadSignature("m3", "transpose"),
    args: { rows: [[1, 2], [3, "4"]] },
    want: { parameter: "rows[1][1]", expected: "a finite number", received: '"4"' },
  },
  {
    name: "JSON cycle",
    method: loadSignature("peer", "json_echo"),
    args: { data: cyclic },
    want: { parameter: "data.self", expected: "a JSON value (plain object, array, string, finite number, boolean or null)", received: "a cyclic reference" },
  },
  {
    name: "JSON NaN deep inside",
    method: loadSignature("peer", "json_echo"),
    args: { data: { a: [1, { b: NaN }] } },
    want: { parameter: "data.a[1].b", expected: "a JSON value (plain object, array, string, finite number, boolean or null); JSON has no NaN or Infinity", received: "number NaN" },
  },
  {
    name: "JSON undefined in an array",
    method: loadSignature("peer", "json_echo"),
    args: { data: { a: [undefined] } },
    want: { parameter: "data.a[0]", expected: "a JSON value (plain object, array, string, finite number, boolean or null)", received: "undefined" },
  },
  {
    name: "JSON function",
    method: loadSignature("m3", "pluck"),
    args: { records: [{ f: () => 1 }] },
    want: { parameter: "records[0].f", expected: "a JSON value (plain object, array, string, finite number, boolean or null)", received: "a function" },
  },
  {
    name: "JSON top-level string",
    method: loadSignature("peer", "json_echo"),
    args: { data: "text" },
    want: { parameter: "data", expected: "a JSON object or array", received: '"text"' },
  },
  {
    name: "plain array for NDARRAY",
    method: loadSignature("peer", "array_scale"),
    args: { arr: [1, 2] },
    want: { parameter: "arr", expected: "an NDArray", received: "an array of 2" },
  },
  {
    name: "bool NDARRAY",
    method: loadSignature("peer", "array_scale"),
    args: { arr: NDArray.from([true, false], "bool") },
    want: { parameter: "arr", expected: "a numeric NDArray", received: "an NDArray (bool, shape [2])" },
  },
  {
    name: "concept without name",
    method: loadSignature("m3", "related"),
    args: { concept: { value: 0.5 } },
    want: { parameter: "concept.name", expected: "a string", received: "undefined" },
  },
  {
    name: "region box of 3",
    method: loadSignature("m3", "region_area"),
    args: { region: { box: [0, 0, 1] } },
    want: { parameter: "region.box", expected: "[xmin, ymin, xmax, ymax] (4 finite numbers)", received: "an array of 3" },
  },
  {
    name: "frame region concept path",
    method: loadSignature("m3", "frame_info"),
    args: { frame: { regions: [{ concepts: ["ok", 3] }] } },
    want: { parameter: "frame.regions[0].concepts[1]", expected: "a concept: a name string or { name: string; value?: number; id?: string }", received: "number 3" },
  },
  {
    name: "negative frame time",
    method: loadSignature("m3", "frame_info"),
    args: { frame: { time: -1 } },
    want: { parameter: "frame.time", expected: "a finite number of seconds ≥ 0", received: "number -1" },
  },
];

describe("argument validation", () => {
  for (const c of cases) {
    it(c.name, async () => {
      await assert.rejects(encodeArguments(c.method, c.args), (error: unknown) => {
        assert.ok(error instanceof ArgumentError, `not an ArgumentError: ${String(error)}`);
        assert.deepEqual(
          { method: error.method, parameter: error.parameter, expected: error.expected, received: error.received },
          { method: c.method.name, ...c.want },
        );
        assert.ok(error.message.startsWith(`${c.method.name}: argument "${c.want.parameter}" must be ${c.want.expected}, got ${c.want.received}.`));
        return true;
      });
    });
  }
});
