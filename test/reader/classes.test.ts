import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ModelPyError, readModelPy } from "../../generator/sources/model-py/index.js";
import { HEADER } from "./helpers.js";

const names = (source: string, className?: string): string[] =>
  readModelPy(HEADER + source, "model.py", className === undefined ? {} : { className }).map((s) => `${s.name}:${s.method_type}`);

const OPENAI_TRANSPORT_DOC = `Process an OpenAI-compatible request and send it to the appropriate OpenAI endpoint.

Args:
    msg: JSON string containing the request parameters including 'openai_endpoint'

Returns:
    JSON string containing the response or error`;

describe("model class discovery and method order (spec §1.1)", () => {
  const cases: { name: string; source: string; want: string[] }[] = [
    {
      name: "SDK subclass contributes its methods first",
      source: `from clarifai.runners.models.openai_class import OpenAIModelClass
class M(OpenAIModelClass):
    @OpenAIModelClass.method
    def predict(self, prompt: str) -> str: ...
`,
      want: ["openai_transport:UNARY_UNARY", "openai_stream_transport:UNARY_STREAMING", "predict:UNARY_UNARY"],
    },
    { name: "an SDK subclass with no methods of its own", source: "from clarifai.runners.models.mcp_class import MCPModelClass\nclass M(MCPModelClass):\n    pass\n", want: ["mcp_transport:UNARY_UNARY"] },
    { name: "StdioMCPModelClass inherits mcp_transport", source: "from clarifai.runners.models.stdio_mcp_class import StdioMCPModelClass\nclass M(StdioMCPModelClass):\n    pass\n", want: ["mcp_transport:UNARY_UNARY"] },
    {
      name: "a base class in the same file comes first; a redecorated override keeps the base's position",
      source: `class Base(ModelClass):
    @ModelClass.method
    def a(self, x: int) -> int: ...
    @ModelClass.method
    def b(self, x: int) -> int: ...
class M(Base):
    @ModelClass.method
    def c(self, x: int) -> Iterator[int]: ...
    @ModelClass.method
    def a(self, x: str) -> Iterator[str]: ...
`,
      want: ["a:UNARY_STREAMING", "b:UNARY_UNARY", "c:UNARY_STREAMING"],
    },
    {
      name: "static methods and undecorated helpers are not methods",
      source: `class M(ModelClass):
    def load_model(self): ...
    @staticmethod
    def helper(x: int) -> int: ...
    @ModelClass.method
    def predict(self, x: int) -> int: ...
`,
      want: ["predict:UNARY_UNARY"],
    },
    {
      name: "the model is the ModelClass subclass that is no base of another; other classes are ignored",
      source: `class Helper:
    def predict(self, request): ...
class Base(ModelClass):
    @ModelClass.method
    def a(self, x: int) -> int: ...
class M(Base):
    pass
`,
      want: ["a:UNARY_UNARY"],
    },
    {
      name: "ModelClass under an alias, through the runners package",
      source: "from clarifai.runners import ModelClass as MC\nclass M(MC):\n    @MC.method\n    def p(self, x: str) -> str: ...\n",
      want: ["p:UNARY_UNARY"],
    },
  ];
  for (const { name, source, want } of cases) it(name, () => assert.deepEqual(names(source), want));

  it("a redecorated override takes its own signature; an undecorated one keeps the base's", () => {
    const source = `from clarifai.runners.models.openai_class import OpenAIModelClass
class M(OpenAIModelClass):
    def openai_transport(self, msg: str, extra: int) -> str: ...
    @OpenAIModelClass.method
    def openai_stream_transport(self, msg: str, n: int = 1) -> Iterator[str]: ...
`;
    const [transport, stream] = readModelPy(HEADER + source, "model.py");
    assert.deepEqual(transport, {
      name: "openai_transport",
      method_type: "UNARY_UNARY",
      description: OPENAI_TRANSPORT_DOC,
      input_fields: [{ required: true, name: "msg", type: "STR" }],
      output_fields: [{ name: "return", type: "STR" }],
    });
    assert.deepEqual(stream?.input_fields, [{ required: true, name: "msg", type: "STR" }, { name: "n", type: "INT", default: "1" }]);
    assert.equal(stream?.description, undefined);
  });

  it("*args, **kw and keyword-only parameters are plain parameters; docstrings are cleaned", () => {
    const source = `class M(ModelClass):
    @ModelClass.method
    def f(self, a: str, *args: int, k: bool = True, **kw: dict) -> str:
        """First line.

            indented detail
        last
        """
`;
    const [signature] = readModelPy(HEADER + source, "model.py");
    assert.deepEqual(signature?.input_fields, [
      { required: true, name: "a", type: "STR" },
      { required: true, name: "args", type: "INT" },
      { name: "k", type: "BOOL", default: "true" },
      { required: true, name: "kw", type: "JSON_DATA" },
    ]);
    assert.equal(signature?.description, "First line.\n\n    indented detail\nlast");
  });

  it("two model classes: an error naming both, and the class option picks one", () => {
    const source = "class A(ModelClass):\n    @ModelClass.method\n    def a(self) -> str: ...\nclass B(ModelClass):\n    @ModelClass.method\n    def b(self) -> str: ...\n";
    assert.throws(() => names(source), /more than one model class in this file \(A, B\).*Keep one class deriving ModelClass per model\.py \(to look at one of them meanwhile: gen-client inspect --class A\)/);
    assert.deepEqual(names(source, "B"), ["b:UNARY_UNARY"]);
  });
});

describe("bad inputs get their own positioned message", () => {
  const cases: { name: string; source: string; want: RegExp; line: number }[] = [
    { name: "syntax error", source: "class M(ModelClass:\n    pass\n", want: /syntax error.*Python cannot import this file/, line: 10 },
    { name: "no ModelClass", source: "class M:\n    pass\n", want: /no class deriving ModelClass found/, line: 1 },
    { name: "base from another file", source: "from base import MyBase\nclass M(MyBase):\n    pass\n", want: /class M derives from MyBase, which is neither defined in model.py or a file next to it nor a Clarifai SDK class/, line: 1 },
    { name: "old ModelRunner base", source: "from clarifai.runners.models.model_runner import ModelRunner\nclass M(ModelRunner):\n    pass\n", want: /class M derives from ModelRunner, the SDK's old proto-style interface .* port it to ModelClass/, line: 1 },
    { name: "SDK class that is no model base", source: "from clarifai.client.model import Model\nclass M(Model):\n    pass\n", want: /class M derives from clarifai\.client\.model\.Model, which is not a model base class of the SDK/, line: 1 },
    { name: "no methods", source: "class M(ModelClass):\n    def load_model(self): ...\n", want: /class M has no methods decorated with @ModelClass.method/, line: 10 },
    { name: "old proto-style predict", source: "class M(ModelClass):\n    def predict(self, request):\n        return request\n", want: /class M has no typed methods: an undecorated predict\(\) is the untyped interface of SDKs before 11\.3 \(on raw protos\), for which the SDK publishes no signatures/, line: 10 },
    { name: "proto-style PostModelOutputs", source: "class M(ModelClass):\n    def PostModelOutputs(self, request):\n        return request\n", want: /class M has no typed methods: PostModelOutputs\(self, request\) is the proto-style method on raw requests, for which the SDK publishes no signatures/, line: 10 },
    { name: "missing return annotation", source: "class M(ModelClass):\n    @ModelClass.method\n    def f(self, x: str):\n        pass\n", want: /method 'f': Function must have a return annotation/, line: 12 },
    { name: "unannotated parameter", source: "class M(ModelClass):\n    @ModelClass.method\n    def f(self, x) -> str: ...\n", want: /method 'f', parameter 'x': .*has no type annotation; annotate it/, line: 12 },
    { name: "with_proto", source: "class M(ModelClass):\n    @ModelClass.method\n    def f(self, with_proto: bool) -> str: ...\n", want: /parameter 'with_proto': the name 'with_proto' is reserved/, line: 12 },
    { name: "None return", source: "class M(ModelClass):\n    @ModelClass.method\n    def f(self) -> None: ...\n", want: /method 'f': None is not a supported type/, line: 12 },
    { name: "two streaming inputs", source: "class M(ModelClass):\n    @ModelClass.method\n    def f(self, a: Iterator[str], b: Iterator[str]) -> Iterator[str]: ...\n", want: /at most one streaming input \(got a, b\)/, line: 12 },
    { name: "streaming input, unary output", source: "class M(ModelClass):\n    @ModelClass.method\n    def f(self, a: Iterator[str]) -> str: ...\n", want: /streaming inputs must have streaming outputs/, line: 12 },
    {
      name: "a bad decorated method in another class still fails the import",
      source: "class Other(ModelClass):\n    @ModelClass.method\n    def g(self, x: Optional[int]) -> str: ...\nclass M(Other):\n    pass\n",
      want: /method 'g', parameter 'x': .*Optional/,
      line: 12,
    },
  ];
  for (const { name, source, want, line } of cases) {
    it(name, () =>
      assert.throws(
        () => readModelPy(HEADER + source, "dir/model.py"),
        (error: unknown) => {
          assert.ok(error instanceof ModelPyError);
          assert.match(error.message, want);
          assert.equal(error.line, line);
          assert.equal(error.format(), `dir/model.py:${error.line}:${error.column}: ${error.message}`);
          return true;
        },
      ),
    );
  }
});
