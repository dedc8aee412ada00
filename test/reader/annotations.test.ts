import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ModelTypeField } from "clarifai-typed";
import { ModelPyError, readModelPy } from "../../generator/sources/model-py/index.js";
import { oneMethod } from "./helpers.js";

/** Reads `def f(self, x: <annotation>) -> str` and returns the field of x. */
function inputOf(annotation: string, prelude = ""): ModelTypeField {
  const streams = /Iterator|Iterable|Generator/.test(annotation);
  const [signature] = readModelPy(oneMethod(`x: ${annotation}`, streams ? "Iterator[str]" : "str", prelude), "model.py");
  const field = signature?.input_fields?.[0];
  assert.ok(field);
  return field;
}

const scalar = (type: ModelTypeField["type"]): ModelTypeField => ({ required: true, name: "x", type });

describe("annotations accepted (spec §1.3)", () => {
  const cases: { given: string; want: ModelTypeField; prelude?: string }[] = [
    { given: "str", want: scalar("STR") },
    { given: "bytes", want: scalar("BYTES") },
    { given: "int", want: scalar("INT") },
    { given: "float", want: scalar("FLOAT") },
    { given: "bool", want: scalar("BOOL") },
    { given: "np.ndarray", want: scalar("NDARRAY") },
    { given: "np.ndarray[int, np.float32]", want: scalar("NDARRAY") },
    { given: "dict", want: scalar("JSON_DATA") },
    { given: "Dict", want: scalar("JSON_DATA") },
    { given: "Dict[str, int]", want: scalar("JSON_DATA") },
    { given: "dict[str, List[float]]", want: scalar("JSON_DATA") },
    { given: "list", want: scalar("JSON_DATA") },
    { given: "List", want: scalar("JSON_DATA") },
    { given: "dt.JSON", want: scalar("JSON_DATA") },
    { given: "Text", want: scalar("TEXT") },
    { given: "dt.Text", want: scalar("TEXT") },
    { given: "Image", want: scalar("IMAGE") },
    { given: "PILImage.Image", want: scalar("IMAGE") },
    { given: "PIL.Image.Image", want: scalar("IMAGE") },
    { given: "Concept", want: scalar("CONCEPT") },
    { given: "Region", want: scalar("REGION") },
    { given: "Frame", want: scalar("FRAME") },
    { given: "Audio", want: scalar("AUDIO") },
    { given: "Video", want: scalar("VIDEO") },
    { given: "List[str]", want: { required: true, name: "x", type: "LIST", type_args: [{ name: "x_item", type: "STR" }] } },
    { given: "list[Concept]", want: { required: true, name: "x", type: "LIST", type_args: [{ name: "x_item", type: "CONCEPT" }] } },
    { given: "List[Dict]", want: { required: true, name: "x", type: "LIST", type_args: [{ name: "x_item", type: "JSON_DATA" }] } },
    { given: "List[PILImage.Image]", want: { required: true, name: "x", type: "LIST", type_args: [{ name: "x_item", type: "IMAGE" }] } },
    {
      given: "List[List[int]]",
      want: { required: true, name: "x", type: "LIST", type_args: [{ name: "x_item", type: "LIST", type_args: [{ name: "x_item_item", type: "INT" }] }] },
    },
    {
      given: "Tuple[Image, str]",
      want: { required: true, name: "x", type: "TUPLE", type_args: [{ name: "x_item", type: "IMAGE" }, { name: "x_item", type: "STR" }] },
    },
    { given: "tuple[int, int]", want: { required: true, name: "x", type: "TUPLE", type_args: [{ name: "x_item", type: "INT" }, { name: "x_item", type: "INT" }] } },
    { given: "[int, str]", want: { required: true, name: "x", type: "TUPLE", type_args: [{ name: "x_item", type: "INT" }, { name: "x_item", type: "STR" }] } },
    { given: "(int, str)", want: { required: true, name: "x", type: "TUPLE", type_args: [{ name: "x_item", type: "INT" }, { name: "x_item", type: "STR" }] } },
    {
      given: "NamedFields(a=int, b=List[str])",
      want: { required: true, name: "x", type: "NAMED_FIELDS", type_args: [{ name: "a", type: "INT" }, { name: "b", type: "LIST", type_args: [{ name: "b_item", type: "STR" }] }] },
    },
    { given: "dt.NamedFields(a=int)", want: { required: true, name: "x", type: "NAMED_FIELDS", type_args: [{ name: "a", type: "INT" }] } },
    { given: "{'a': int, 'b': Image}", want: { required: true, name: "x", type: "NAMED_FIELDS", type_args: [{ name: "a", type: "INT" }, { name: "b", type: "IMAGE" }] } },
    { given: "Iterator[str]", want: { required: true, name: "x", type: "STR", iterator: true } },
    { given: "Iterable[Image]", want: { required: true, name: "x", type: "IMAGE", iterator: true } },
    { given: "Generator[int, None, None]", want: { required: true, name: "x", type: "INT", iterator: true } },
    { given: "collections.abc.Iterator[str]", want: { required: true, name: "x", type: "STR", iterator: true } },
    { given: "Strings", prelude: "Strings = List[str]\n", want: { required: true, name: "x", type: "LIST", type_args: [{ name: "x_item", type: "STR" }] } },
    { given: "Img", prelude: "from PIL.Image import Image as Img\n", want: scalar("IMAGE") },
  ];
  for (const { given, want, prelude } of cases) {
    it(`${given}${prelude ? ` (after ${prelude.trim()})` : ""}`, () => assert.deepEqual(inputOf(given, prelude), want));
  }

  it("a name imported twice means what the later import says", () => {
    const prelude = "from PIL.Image import Image as Picture\nfrom clarifai.runners.utils.data_types import Text as Picture\n";
    assert.deepEqual(inputOf("Picture", prelude), scalar("TEXT"));
  });

  it("typing imported as a module", () => {
    assert.deepEqual(inputOf("t.List[t.Dict]", "import typing as t\n").type_args, [{ name: "x_item", type: "JSON_DATA" }]);
  });
});

describe("annotations rejected (spec §1.3 'Rejected'), each with where and what to write instead", () => {
  const cases: { given: string; want: RegExp }[] = [
    { given: "Optional[str]", want: /Optional and Union are not supported; for an optional parameter write `name: T = None`/ },
    { given: "Union[str, int]", want: /Optional and Union are not supported/ },
    { given: "str | None", want: /unions \(X \| Y\) are not supported/ },
    { given: "Any", want: /Any is not supported/ },
    { given: "List[Any]", want: /Any is not supported/ },
    { given: "Dict[str, Any]", want: /Dict\[str, Any\] is not JSON/ },
    { given: "Tuple", want: /needs its element types: write Tuple\[str, int\]/ },
    { given: "tuple", want: /needs its element types/ },
    { given: "Tuple[()]", want: /Tuple must have types specified/ },
    { given: "Tuple[int, ...]", want: /variable-length tuples \(Tuple\[T, \.\.\.\]\) are not supported; use List\[T\]/ },
    { given: "NamedFields", want: /NamedFields must have types specified/ },
    { given: "PIL.Image", want: /Use PIL.Image.Image instead of PIL.Image module/ },
    { given: "List[Iterator[str]]", want: /iterators are only allowed at the top level/ },
    { given: "Iterator[Iterator[str]]", want: /iterators are only allowed at the top level/ },
    { given: "Iterator", want: /Iterator needs an item type/ },
    { given: "collections.abc.AsyncIterator[str]", want: /async iterators are not supported/ },
    { given: "None", want: /None is not a supported type/ },
    { given: "Sequence[str]", want: /name 'Sequence' is not defined or imported/ },
    { given: "set", want: /Unsupported type: set/ },
    { given: "'List[str'", want: /the annotation 'List\[str' is a string, which the SDK does not evaluate/ },
    { given: '"List[str]"', want: /the annotation "List\[str\]" is a string, which the SDK does not evaluate .* "Unsupported type: List\[str\]"; write the type itself, e.g. List\[str\]/ },
    { given: "List['Image']", want: /the annotation 'Image' is a string/ },
    { given: "{1: int}", want: /a dict annotation must map string field names to types/ },
    { given: "NamedFields(int)", want: /NamedFields takes keyword arguments only/ },
  ];
  for (const { given, want } of cases) {
    it(given, () => {
      const source = oneMethod(`x: ${given}`);
      assert.throws(
        () => readModelPy(source, "model.py"),
        (error: unknown) => {
          assert.ok(error instanceof ModelPyError);
          assert.equal(error.method, "f");
          assert.equal(error.parameter, "x");
          assert.equal(error.line, source.split("\n").findIndex((l) => l.includes("def f(")) + 1);
          assert.match(error.message, /^method 'f', parameter 'x': /);
          assert.match(error.message, want);
          return true;
        },
      );
    });
  }
});

describe("NamedFields subclasses as types (the SDK reads the class's own __annotations__)", () => {
  const named = (type_args: ModelTypeField[]): ModelTypeField => ({ required: true, name: "x", type: "NAMED_FIELDS", type_args });
  const cases: { name: string; prelude: string; given?: string; want: ModelTypeField }[] = [
    {
      name: "annotated fields in order, defaults and methods ignored, each type normalised",
      prelude: "class Out(NamedFields):\n    '''doc'''\n    text: str\n    score: float = 0.5\n    tags: List[str]\n    meta: dict\n    note = 'not a field'\n    def helper(self): pass\n",
      want: named([
        { name: "text", type: "STR" },
        { name: "score", type: "FLOAT" },
        { name: "tags", type: "LIST", type_args: [{ name: "tags_item", type: "STR" }] },
        { name: "meta", type: "JSON_DATA" },
      ]),
    },
    {
      name: "a subclass of a NamedFields class has its own annotations only (Python 3.10+)",
      prelude: "class Base(NamedFields):\n    a: int\nclass Out(Base):\n    b: str\n",
      want: named([{ name: "b", type: "STR" }]),
    },
    {
      name: "a name annotated twice keeps its first position and its last type",
      prelude: "class Out(dt.NamedFields):\n    a: int\n    b: Image\n    a: str\n",
      want: named([{ name: "a", type: "STR" }, { name: "b", type: "IMAGE" }]),
    },
    {
      name: "nested classes, in lists too",
      prelude: "class Inner(NamedFields):\n    c: Concept\nclass Out(NamedFields):\n    inner: Inner\n    items: List[Inner]\n",
      want: named([
        { name: "inner", type: "NAMED_FIELDS", type_args: [{ name: "c", type: "CONCEPT" }] },
        { name: "items", type: "LIST", type_args: [{ name: "items_item", type: "NAMED_FIELDS", type_args: [{ name: "c", type: "CONCEPT" }] }] },
      ]),
    },
  ];
  for (const { name, prelude, given, want } of cases) {
    it(name, () => assert.deepEqual(inputOf(given ?? "Out", prelude), want));
  }

  const refused: { name: string; prelude: string; want: RegExp }[] = [
    { name: "a class that is no NamedFields", prelude: "class Out:\n    a: int\n", want: /Unsupported type: Out, a class of this file that does not derive from NamedFields/ },
    { name: "a field under an if", prelude: "class Out(NamedFields):\n    if True:\n        a: int\n", want: /class Out declares a field inside `if True:`/ },
    { name: "a class containing itself", prelude: "class Out(NamedFields):\n    inner: List[Out]\n", want: /class Out contains itself through its fields/ },
    { name: "a string field annotation (__annotations__ holds the string)", prelude: "class Out(NamedFields):\n    a: 'int'\n", want: /the annotation 'int' is a string/ },
    { name: "an unsupported field type", prelude: "class Out(NamedFields):\n    a: set\n", want: /Unsupported type: set/ },
  ];
  for (const { name, prelude, want } of refused) {
    it(`refused: ${name}`, () => {
      assert.throws(() => inputOf("Out", prelude), (error: unknown) => error instanceof ModelPyError && want.test(error.message));
    });
  }
});

describe("from __future__ import annotations (PEP 563)", () => {
  it("is refused at the first annotation of a model method: every annotation is a string the SDK does not evaluate", () => {
    const source = `from __future__ import annotations\n${oneMethod("x: List[str]")}`;
    assert.throws(
      () => readModelPy(source, "model.py"),
      (error: unknown) =>
        error instanceof ModelPyError &&
        error.parameter === "x" &&
        /`from __future__ import annotations` \(line 1\) turns every annotation into a string, .*"Unsupported type: List\[str\]"; remove that import/.test(error.message),
    );
  });

  it("does not matter to methods the file inherits from the SDK (an MCP model)", () => {
    const source = "from __future__ import annotations\nfrom clarifai.runners.models.mcp_class import MCPModelClass\nclass M(MCPModelClass):\n    def tools(self) -> list:\n        return []\n";
    assert.deepEqual(readModelPy(source, "model.py").map((s) => s.name), ["mcp_transport"]);
  });
});

describe("imports the current SDK lacks", () => {
  const withImport = (imports: string) =>
    `${imports}\nfrom typing import Iterator\nfrom clarifai.runners.models.model_class import ModelClass\nclass M(ModelClass):\n    def helper(self):\n        return Stream\n    @ModelClass.method\n    def f(self, x: str) -> Iterator[str]:\n        yield x\n`;

  it("a top-level `from …data_types import Stream` is refused at the import, even if no model method uses it", () => {
    for (const imports of ["from clarifai.runners.utils.data_types import Image, Stream", "from clarifai.runners.utils.data_types import (Image,\n    Stream as S)"]) {
      assert.throws(
        () => readModelPy(withImport(imports), "model.py"),
        (error: unknown) => error instanceof ModelPyError && error.line === imports.split("\n").length && /has no Stream .* cannot import this file/.test(error.message),
      );
    }
  });

  it("the @methods.predict decorators of pre-release SDKs: `methods` is gone from model_class", () => {
    const source = "from clarifai.runners.models.model_class import ModelClass, methods\nclass M(ModelClass):\n    @methods.predict\n    def predict(self, x: str) -> str: ...\n";
    assert.throws(
      () => readModelPy(source, "model.py"),
      (error: unknown) =>
        error instanceof ModelPyError && error.line === 1 && /model_class has no `methods` .* decorate model methods with @ModelClass.method/.test(error.message),
    );
  });

  it("one that may not run (under try, or reached through a module alias) is not", () => {
    for (const imports of ["try:\n    from clarifai.runners.utils.data_types import Stream\nexcept ImportError:\n    Stream = None", "import clarifai.runners.utils.data_types as dt"]) {
      assert.deepEqual(readModelPy(withImport(imports), "model.py").map((s) => s.name), ["f"]);
    }
  });
});
