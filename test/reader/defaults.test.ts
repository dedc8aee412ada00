import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ModelTypeField } from "clarifai-typed";
import { ModelPyError, readModelPy } from "../../generator/sources/model-py/index.js";
import { oneMethod } from "./helpers.js";

function fieldOf(parameter: string, prelude = ""): ModelTypeField {
  const field = readModelPy(oneMethod(parameter, "str", prelude), "model.py")[0]?.input_fields?.[0];
  assert.ok(field);
  return field;
}

describe("plain defaults: str verbatim, else Python's json.dumps, else str() (spec §1.4)", () => {
  const cases: { given: string; want: string | undefined; prelude?: string }[] = [
    { given: "x: int = 2", want: "2" },
    { given: "x: int = -3", want: "-3" },
    { given: "x: int = 0x1F", want: "31" },
    { given: "x: int = 1_000_000", want: "1000000" },
    { given: "x: int = 123456789012345678901234567890", want: "123456789012345678901234567890" },
    { given: "x: float = 0.7", want: "0.7" },
    { given: "x: float = 1.0", want: "1.0" },
    { given: "x: float = 1e-5", want: "1e-05" },
    { given: "x: float = 1e16", want: "1e+16" },
    { given: "x: float = 123456789.5", want: "123456789.5" },
    { given: "x: float = -0.0", want: "-0.0" },
    { given: "x: float = .5", want: "0.5" },
    { given: "x: bool = True", want: "true" },
    { given: "x: bool = False", want: "false" },
    { given: "x: str = 'fast'", want: "fast" },
    { given: 'x: str = "a" "b"', want: "ab" },
    { given: "x: str = 'tab\\there'", want: "tab\there" },
    { given: "x: str = r'raw\\n'", want: "raw\\n" },
    { given: "x: str = ''", want: undefined },
    { given: "x: str = None", want: "null" },
    { given: "x: List[str] = None", want: "null" },
    { given: "x: Image = None", want: "null" },
    { given: "x: List[int] = [1, 2]", want: "[1, 2]" },
    { given: "x: List[int] = []", want: "[]" },
    { given: "x: dict = {}", want: "{}" },
    { given: "x: dict = {'a': 1, 'b': [True, None]}", want: '{"a": 1, "b": [true, null]}' },
    { given: "x: dict = {1: 'x'}", want: '{"1": "x"}' },
    { given: "x: dict = {'a': 1, 'a': 2}", want: '{"a": 2}' },
    { given: "x: List[str] = ['é']", want: '["\\u00e9"]' },
    { given: "x: Tuple[int, int] = (1, 2)", want: "[1, 2]" },
    { given: "x: bytes = b'abc'", want: "b'abc'" },
    { given: "x: bytes = b\"it's\"", want: 'b"it\'s"' },
    { given: "x: List[bytes] = [b'\\x00']", want: "[b'\\x00']" },
    { given: "x: Text = Text('')", want: "Text(text='', url=None)" },
    { given: "x: Text = dt.Text(text='hi', url='u')", want: "Text(text='hi', url='u')" },
    { given: "x: int = LIMIT", prelude: "LIMIT = 5\n", want: "5" },
    { given: "x: List[str] = NAMES", prelude: "NAMES = ['a', 'b']\n", want: '["a", "b"]' },
    { given: "x: int = LIMIT", prelude: "LIMIT = 5\nLIMIT = 6\n", want: "6" },
  ];
  for (const { given, want, prelude } of cases) {
    it(given, () => {
      const field = fieldOf(given, prelude);
      assert.equal(field.default, want);
      assert.equal(field.required, undefined);
      assert.equal(field.is_param, undefined);
    });
  }

  it("a class-level constant is visible to the defaults of its methods", () => {
    const source = oneMethod("x: int = LIMIT").replace("class M(ModelClass):\n", "class M(ModelClass):\n    LIMIT = 9\n");
    assert.equal(readModelPy(source, "model.py")[0]?.input_fields?.[0]?.default, "9");
  });
});

describe("Param options, by keyword or position", () => {
  const cases: { given: string; want: ModelTypeField }[] = [
    {
      given: 'x: float = Param(default=0.7, description="sampling temp", min_value=0.0, max_value=2.0)',
      want: { description: "sampling temp", model_type_range_info: { max: 2 }, name: "x", type: "FLOAT", default: "0.7", is_param: true },
    },
    {
      given: 'x: float = Param(0.7, "sampling temp", 0.1, 2)',
      want: { description: "sampling temp", model_type_range_info: { min: 0.1, max: 2 }, name: "x", type: "FLOAT", default: "0.7", is_param: true },
    },
    {
      given: 'x: str = Param(default="fast", choices=["fast", "slow"])',
      want: { model_type_enum_options: [{ id: "fast" }, { id: "slow" }], name: "x", type: "STR", default: "fast", is_param: true },
    },
    {
      given: "x: int = Param(1, choices=(1, 2.5, True, None))",
      want: { model_type_enum_options: [{ id: "1" }, { id: "2.5" }, { id: "True" }, { id: "None" }], name: "x", type: "INT", default: "1", is_param: true },
    },
    { given: "x: int = Param(default=3, is_param=False)", want: { name: "x", type: "INT", default: "3" } },
    { given: "x: int = Param(default=0, min_value=0)", want: { model_type_range_info: {}, name: "x", type: "INT", default: "0", is_param: true } },
    { given: "x: float = Param(default=0.5, max_value='1.5')", want: { model_type_range_info: { max: 1.5 }, name: "x", type: "FLOAT", default: "0.5", is_param: true } },
    { given: "x: str = Param(default=None, description='')", want: { name: "x", type: "STR", default: "null", is_param: true } },
    { given: "x: List[int] = Param(default=[1, 2])", want: { name: "x", type: "LIST", type_args: [{ name: "x_item", type: "INT" }], default: "[1, 2]", is_param: true } },
    { given: "x: int = Param(default=LIMIT, max_value=LIMIT)", want: { model_type_range_info: { max: 8 }, name: "x", type: "INT", default: "8", is_param: true } },
  ];
  for (const { given, want } of cases) {
    it(given, () => assert.deepEqual(fieldOf(given, "LIMIT = 8\n"), want));
  }
});

describe("constant arithmetic in defaults, with CPython's semantics", () => {
  const cases: { given: string; want: string; prelude?: string }[] = [
    { given: "x: int = 1024 * 4", want: "4096" },
    { given: "x: int = 2 ** 20", want: "1048576" },
    { given: "x: int = -2 ** 2", want: "-4" },
    { given: "x: int = 2 ** 100", want: "1267650600228229401496703205376" },
    { given: "x: int = 7 // 2", want: "3" },
    { given: "x: int = -7 // 2", want: "-4" },
    { given: "x: int = -7 % 3", want: "2" },
    { given: "x: int = 7 % -3", want: "-2" },
    { given: "x: float = 7 / 2", want: "3.5" },
    { given: "x: float = 4 / 2", want: "2.0" },
    { given: "x: float = 1 / 3", want: "0.3333333333333333" },
    { given: "x: float = 0.1 + 0.2", want: "0.30000000000000004" },
    { given: "x: float = -7.5 // 2", want: "-4.0" },
    { given: "x: float = -7.5 % 2", want: "0.5" },
    { given: "x: float = 7.5 % -2", want: "-0.5" },
    { given: "x: float = 2 ** -1", want: "0.5" },
    { given: "x: float = 60 * 5.0", want: "300.0" },
    { given: "x: float = (1 + 2) * 0.5", want: "1.5" },
    { given: "x: int = 1 << 10", want: "1024" },
    { given: "x: int = ~0", want: "-1" },
    { given: "x: int = 0xFF & 0x0F | 0x100", want: "271" },
    { given: "x: int = True + 1", want: "2" },
    { given: "x: str = 'v' + '1'", want: "v1" },
    { given: "x: str = 'ab' * 2", want: "abab" },
    { given: "x: str = 3 * 'ab'", want: "ababab" },
    { given: "x: List[int] = [0] * 3", want: "[0, 0, 0]" },
    { given: "x: List[int] = [1] + [2]", want: "[1, 2]" },
    { given: "x: Tuple[int, int] = (1,) + (2,)", want: "[1, 2]" },
    { given: "x: int = MAX * 2", prelude: "MAX = 1024\n", want: "2048" },
    { given: "x: int = KB * KB", prelude: "KB = 1024\n", want: "1048576" },
    { given: "x: float = float('inf')", want: "Infinity" },
    { given: "x: float = float('-Infinity')", want: "-Infinity" },
    { given: "x: float = float(3)", want: "3.0" },
    { given: "x: float = float(' 1_000.5 ')", want: "1000.5" },
  ];
  for (const { given, want, prelude } of cases) {
    it(given, () => assert.equal(fieldOf(given, prelude).default, want));
  }

  it("Param options are computed too", () => {
    const field = fieldOf("x: int = Param(default=4 * 1024, min_value=1, max_value=2 ** 15)");
    assert.equal(field.default, "4096");
    assert.deepEqual(field.model_type_range_info, { min: 1, max: 32768 });
  });
});

describe("defaults that cannot be computed without running the file are refused", () => {
  const cases: { given: string; want: RegExp }[] = [
    { given: "x: int = compute()", want: /the default compute\(\) cannot be computed without running the file; use a literal/ },
    { given: "x: float = 1 / 0", want: /the default 1 \/ 0: division by zero: Python raises ZeroDivisionError/ },
    { given: "x: int = 5 % 0", want: /ZeroDivisionError/ },
    { given: "x: float = (-8) ** 0.5", want: /complex in Python/ },
    { given: "x: int = 'a' - 1", want: /Python cannot apply '-' to str and int \(TypeError\)/ },
    { given: "x: str = 'a' + 1", want: /Python cannot apply '\+' to str and int/ },
    { given: "x: int = 10 ** 1000000", want: /too large for a default/ },
    { given: "x: bool = not True", want: /the default not True cannot be computed/ },
    { given: "x: int = 1 if True else 2", want: /cannot be computed/ },
    { given: "x: float = float('fast')", want: /float\(\) cannot convert that/ },
    { given: "x: float = Param(default=1.0, max_value=float('inf'))", want: /Param max_value is Infinity as a 32-bit float; infinite or NaN bounds are not supported here: leave max_value out/ },
    { given: "x: float = Param(default=1.0, min_value=-1e39)", want: /Param min_value is -Infinity as a 32-bit float/ },
    { given: "x: str = f'{1}'", want: /cannot be computed|f-strings/ },
    { given: "x: int = UNKNOWN", want: /name 'UNKNOWN' is not defined before this default/ },
    { given: "x: List[int] = {1, 2}", want: /set defaults are not supported/ },
    { given: "x: int = Param()", want: /Param\(\.\.\.\) needs a default/ },
    { given: "x: int = Param(1, bogus=2)", want: /Param\(\) has no option 'bogus'/ },
    { given: "x: int = Param(1, description=3)", want: /Param description must be a string/ },
    { given: "x: int = Param(1, choices='ab')", want: /Param choices must be a list/ },
    { given: "x: int = Param(1, min_value='low')", want: /Param min_value must be a number/ },
    { given: "x: List[int] = [Param(1)]", want: /Param\(\.\.\.\) must be the parameter's default itself/ },
  ];
  for (const { given, want } of cases) {
    it(given, () =>
      assert.throws(
        () => fieldOf(given),
        (error: unknown) => error instanceof ModelPyError && error.parameter === "x" && want.test(error.message),
      ),
    );
  }
});
