import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readModelPy } from "../../generator/sources/model-py/index.js";
import { HEADER } from "./helpers.js";

function warningsOf(body: string): string[] {
  const warnings: string[] = [];
  readModelPy(`${HEADER}class M(ModelClass):\n${body}`, "model.py", { onWarning: (w) => warnings.push(w) });
  return warnings;
}

describe("model.py reader: methods that yield without an iterator annotation", () => {
  it("warns, at the return annotation, that the SDK publishes the method as unary and calls will fail", () => {
    const warnings = warningsOf("    @ModelClass.method\n    def generate(self, prompt: str) -> Dict:\n        yield {'token': prompt}\n");
    assert.deepEqual(warnings, [
      "model.py:12:37: method 'generate' contains yield, so it returns a generator, but its return annotation is no Iterator[...]: the SDK publishes it as a unary method, and calls to it will most likely fail on the model server (a generator cannot be encoded as its result); the model should annotate -> Iterator[T] to stream",
    ]);
  });

  const quiet: [name: string, body: string][] = [
    ["an iterator annotation", "    @ModelClass.method\n    def g(self, x: str) -> Iterator[str]:\n        yield x\n"],
    ["yield only in a nested function", "    @ModelClass.method\n    def f(self, x: str) -> str:\n        def inner():\n            yield x\n        return ''.join(inner())\n"],
    ["yield only in a lambda or nested class", "    @ModelClass.method\n    def f(self, x: str) -> str:\n        class C:\n            def g(self):\n                yield 1\n        return x\n"],
    ["a unary method without yield", "    @ModelClass.method\n    def f(self, x: str) -> str:\n        return x  # yield\n"],
    ["yield in an undecorated helper", "    def helper(self) -> str:\n        yield 'x'\n    @ModelClass.method\n    def f(self, x: str) -> str:\n        return x\n"],
  ];
  for (const [name, body] of quiet) it(`no warning for ${name}`, () => assert.deepEqual(warningsOf(body), []));

  it("yield from and yield expressions count, in async methods too", () => {
    assert.equal(warningsOf("    @ModelClass.method\n    def f(self, x: str) -> List[str]:\n        y = yield from g()\n").length, 1);
    assert.equal(warningsOf("    @ModelClass.method\n    async def f(self, x: str) -> str:\n        if x:\n            await (yield x)\n").length, 1);
  });
});
