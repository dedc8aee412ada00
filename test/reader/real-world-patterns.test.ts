/**
 * Patterns found in public model.py files, each restated as a minimal snippet of our own: what the SDK
 * computes for it, or the error that says what to write instead.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MethodSignature } from "clarifai-typed";
import { ModelPyError, readModelPy } from "../../generator/sources/model-py/index.js";
import { HEADER } from "./helpers.js";

const read = (source: string): MethodSignature[] => readModelPy(HEADER + source, "model.py");

/** `name(param=default, ...) -> kind` for each method, enough to tell the cases apart. */
const summary = (source: string): string[] =>
  read(source).map(
    (s) =>
      `${s.name}(${(s.input_fields ?? []).map((f) => `${f.name}${f.default === undefined ? "" : `=${f.default}`}`).join(", ")}) ${s.method_type}${s.description ? ` "${s.description}"` : ""}`,
  );

describe("real-world model.py patterns the SDK accepts", () => {
  const cases: { name: string; source: string; want: string[] }[] = [
    {
      name: "floats written with a trailing dot or a dot before the exponent",
      source: `class M(ModelClass):
    @ModelClass.method
    def f(self, a: float = 0., b: float = 2.e-3, c: float = Param(default=1., min_value=0., max_value=5.), d: List[float] = [1., 2.]) -> str: ...
`,
      want: ["f(a=0.0, b=0.002, c=1.0, d=[1.0, 2.0]) UNARY_UNARY"],
    },
    {
      name: "the trailing-dot rewrite leaves strings alone",
      source: `class M(ModelClass):
    @ModelClass.method
    def f(self, a: str = "v1. see 2.e5 and 3.") -> str: ...
`,
      want: ["f(a=v1. see 2.e5 and 3.) UNARY_UNARY"],
    },
    {
      name: "negative defaults, directly and through module and class constants",
      source: `FLOOR = -1
class M(ModelClass):
    SHIFT = -2.5
    @ModelClass.method
    def f(self, a: int = -3, b: int = FLOOR, c: float = SHIFT, d: float = Param(default=-0.5, min_value=-1.)) -> str: ...
`,
      want: ["f(a=-3, b=-1, c=-2.5, d=-0.5) UNARY_UNARY"],
    },
    {
      name: "SGLangOpenAIModelClass re-decorates the stream transport without a docstring",
      source: `from clarifai.runners.models.sglang_openai_class import SGLangOpenAIModelClass
class M(SGLangOpenAIModelClass):
    pass
`,
      want: [
        'openai_transport(msg) UNARY_UNARY "Process an OpenAI-compatible request and send it to the appropriate OpenAI endpoint.\n\nArgs:\n    msg: JSON string containing the request parameters including \'openai_endpoint\'\n\nReturns:\n    JSON string containing the response or error"',
        "openai_stream_transport(msg) UNARY_STREAMING",
      ],
    },
    {
      name: "NodeJSMCPModelClass inherits mcp_transport",
      source: "from clarifai.runners.models.nodejs_mcp_class import NodeJSMCPModelClass\nclass M(NodeJSMCPModelClass):\n    pass\n",
      want: ['mcp_transport(msg) UNARY_UNARY "The single model method to get the jsonrpc message and send it to the FastMCP server then\nreturn it\'s response."'],
    },
    {
      name: "decorated through a base class other than ModelClass, with a generator annotated as a plain value",
      source: `from clarifai.runners.models.visual_detector_class import VisualDetectorClass
class M(VisualDetectorClass):
    @VisualDetectorClass.method
    def f(self, x: str) -> dict:
        yield {}
`,
      want: ["f(x) UNARY_UNARY"],
    },
    {
      name: "async def: the SDK builds the same signature as for def",
      source: "class M(ModelClass):\n    @ModelClass.method\n    async def f(self, x: str) -> str: ...\n",
      want: ["f(x) UNARY_UNARY"],
    },
    {
      name: "typing.X written in full",
      source: `import typing
class M(ModelClass):
    @ModelClass.method
    def f(self, x: typing.List[str], y: typing.Dict[str, int] = None) -> typing.Iterator[str]: ...
`,
      want: ["f(x, y=null) UNARY_STREAMING"],
    },
    {
      name: "another decorator stacked under @ModelClass.method (functools.wraps keeps the signature)",
      source: `import functools
class M(ModelClass):
    @ModelClass.method
    @functools.lru_cache(maxsize=4)
    def f(self, x: str) -> str: ...
`,
      want: ["f(x) UNARY_UNARY"],
    },
    {
      name: "helpers imported from a sibling file after sys.path tweaks do not matter to the signature",
      source: `import os, sys
sys.path.append(os.path.dirname(__file__))
from my_wrapper import Wrapper, DEFAULT_TEMPERATURE
class M(ModelClass):
    client = Wrapper()
    @ModelClass.method
    def f(self, prompt: str, temperature: float = 0.7) -> str: ...
`,
      want: ["f(prompt, temperature=0.7) UNARY_UNARY"],
    },
    {
      name: "methods defined under `with` or `try` in the class body exist (those blocks always run)",
      source: `import contextlib
class M(ModelClass):
    with contextlib.suppress(Exception):
        @ModelClass.method
        def f(self, x: str) -> str: ...
`,
      want: ["f(x) UNARY_UNARY"],
    },
  ];
  for (const { name, source, want } of cases) {
    it(name, () => assert.deepEqual(summary(source), want));
  }
});

describe("real-world model.py patterns refused with a positioned error that says what to write", () => {
  const cases: { name: string; source: string; want: RegExp; line: number; method?: string; parameter?: string }[] = [
    {
      name: "Stream[T] from data_types (early SDK name)",
      source: "from clarifai.runners.utils.data_types import Stream\nclass M(ModelClass):\n    @ModelClass.method\n    def f(self, x: str) -> Stream[str]: ...\n",
      want: /data_types has no Stream .*annotate Iterator\[T\]/,
      line: 10, // the import fails first, as when the SDK imports the file
    },
    {
      name: "a default read from the environment, directly",
      source: "import os\nclass M(ModelClass):\n    @ModelClass.method\n    def f(self, host: str = os.environ.get('HOST', 'local')) -> str: ...\n",
      want: /the default os\.environ\.get\('HOST', 'local'\) reads the environment .*write the default as a literal/,
      line: 13,
      method: "f",
      parameter: "host",
    },
    {
      name: "a default read from the environment through a module constant (error at the constant)",
      source: "from os import getenv\nLIMIT = int(getenv('LIMIT', '5'))\nclass M(ModelClass):\n    @ModelClass.method\n    def f(self, n: int = LIMIT) -> str: ...\n",
      want: /the default int\(getenv\('LIMIT', '5'\)\) reads the environment/,
      line: 11,
      method: "f",
      parameter: "n",
    },
    {
      name: "a model method defined under if: only one branch exists at run time",
      source: "import sys\nclass M(ModelClass):\n    if sys.platform == 'linux':\n        @ModelClass.method\n        def f(self, x: str) -> str: ...\n",
      want: /it is defined under `if sys\.platform == 'linux':`.*define model methods directly in the class body/,
      line: 14,
      method: "f",
    },
    {
      name: "a first parameter not named self/cls is a real parameter to the SDK",
      source: "class M(ModelClass):\n    @ModelClass.method\n    def f(this, x: str) -> str: ...\n",
      want: /parameter 'this' has no type annotation.*only when it is named self or cls/,
      line: 12,
      method: "f",
      parameter: "this",
    },
  ];
  for (const { name, source, want, line, method, parameter } of cases) {
    it(name, () =>
      assert.throws(
        () => read(source),
        (error: unknown) => {
          assert.ok(error instanceof ModelPyError);
          assert.match(error.message, want);
          assert.equal(error.line, line);
          assert.equal(error.method, method);
          assert.equal(error.parameter, parameter);
          return true;
        },
      ),
    );
  }
});
