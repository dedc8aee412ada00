import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ModelPyError, readModelPy, type ModuleFinder } from "../../generator/sources/model-py/index.js";
import { LocalModelError, readLocalModel } from "../../generator/sources/local.js";
import { HEADER } from "./helpers.js";

/** A finder over in-memory files: module name → source (`pkg/__init__` for a package). */
function finderOf(files: Record<string, string>): ModuleFinder & { asked: string[] } {
  const asked: string[] = [];
  const find = (name: string) => {
    asked.push(name);
    if (files[`${name}/__init__`] !== undefined) return { fileName: `${name.replaceAll(".", "/")}/__init__.py`, text: files[`${name}/__init__`]!, isPackage: true };
    if (files[name] !== undefined) return { fileName: `${name.replaceAll(".", "/")}.py`, text: files[name]!, isPackage: false };
    return undefined;
  };
  return Object.assign(find, { asked });
}

function read(model: string, files: Record<string, string>) {
  const warnings: string[] = [];
  const signatures = readModelPy(HEADER + model, "model.py", { findModule: finderOf(files), onWarning: (w) => warnings.push(w) });
  return { names: signatures.map((s) => s.name), signatures, warnings };
}

const BASE = `${HEADER}
class VisionBase(ModelClass):
    @ModelClass.method
    def classify(self, image: Image, top_k: int = 5) -> List[Concept]:
        return []
`;

describe("model.py reader: base classes in files next to model.py", () => {
  it("a base class from a sibling module contributes its methods, before the model's own (SDK order)", () => {
    const { names, signatures, warnings } = read("from vision import VisionBase\nclass M(VisionBase):\n    @ModelClass.method\n    def predict(self, x: str) -> str: ...\n", { vision: BASE });
    assert.deepEqual(names, ["classify", "predict"]);
    const classify = signatures[0]!;
    assert.deepEqual(classify.input_fields?.map((f) => [f.name, f.type]), [["image", "IMAGE"], ["top_k", "INT"]]);
    assert.equal(classify.output_fields?.[0]?.type, "LIST");
    assert.deepEqual(warnings, []);
  });

  it("`import module` then `module.Base`, and the decorator through the sibling's class", () => {
    const { names } = read("import vision\nclass M(vision.VisionBase):\n    @vision.VisionBase.method\n    def predict(self, x: str) -> str: ...\n", { vision: BASE });
    assert.deepEqual(names, ["classify", "predict"]);
  });

  it("annotations in the sibling resolve in the sibling's own imports", () => {
    const sibling = "from clarifai.runners.models.model_class import ModelClass\nfrom clarifai.runners.utils.data_types import Video as Clip\nclass B(ModelClass):\n    @ModelClass.method\n    def cut(self, clip: Clip) -> Clip: ...\n";
    const { signatures } = read("from cuts import B\nclass M(B):\n    pass\n", { cuts: sibling });
    assert.deepEqual(signatures[0]?.input_fields?.map((f) => f.type), ["VIDEO"]);
  });

  it("a NamedFields class from a sibling module as an annotation", () => {
    const types = "from typing import List\nfrom clarifai.runners.utils.data_types import NamedFields\nclass Detection(NamedFields):\n    label: str\n    box: List[float]\n";
    const { signatures } = read("from my_types import Detection\nclass M(ModelClass):\n    @ModelClass.method\n    def detect(self, x: str) -> List[Detection]: ...\n", { my_types: types });
    const item = signatures[0]?.output_fields?.[0]?.type_args?.[0];
    assert.equal(item?.type, "NAMED_FIELDS");
    assert.deepEqual(item?.type_args?.map((f) => [f.name, f.type]), [["label", "STR"], ["box", "LIST"]]);
  });

  it("a package re-exporting a mixin with a relative import, and a name aliased in the module", () => {
    const mixin = "from clarifai.runners.models.model_class import ModelClass\nclass Health:\n    @ModelClass.method\n    def health(self) -> str: ...\n";
    const { names, warnings } = read("from shared import Mixin\nclass M(ModelClass, Mixin):\n    @ModelClass.method\n    def predict(self, x: str) -> str: ...\n", {
      "shared/__init__": "from .mixins import Health as _Health\nMixin = _Health\n",
      "shared.mixins": mixin,
    });
    assert.deepEqual(names, ["health", "predict"]);
    assert.deepEqual(warnings, []);
  });

  it("a model class only imported into model.py: the SDK serves none, and the error says how to define one", () => {
    assert.throws(
      () => read("from vision import VisionBase\n", { vision: BASE }),
      /no model class is defined in this file: VisionBase is imported from vision\.py, and the SDK serves only a class defined in model\.py itself; define one here, e\.g\. `class Model\(VisionBase\): pass`/,
    );
  });

  it("CRLF and CR line ends, in model.py and in the module, read as CPython's universal newlines", () => {
    const crlf = (text: string) => text.replaceAll("\n", "\r\n");
    const { names } = read(crlf("from vision import VisionBase\nclass M(VisionBase):\n    pass\n"), { vision: BASE.replaceAll("\n", "\r") });
    assert.deepEqual(names, ["classify"]);
    const error = (() => {
      try {
        read(crlf("from vision import VisionBase\nclass M(VisionBase):\n    pass\n"), { vision: crlf(`${BASE}\nclass Other(ModelClass):\n    @ModelClass.method\n    def g(self, x: Optional[int]) -> str: ...\n`) });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    assert.ok(error instanceof ModelPyError && error.file === "vision.py" && error.line === 18, String(error));
  });

  it("two modules importing from each other end the lookup instead of looping", () => {
    const files = { a: "from b import Base\n", b: "from a import Base\n" };
    assert.throws(() => read("from a import Base\nclass M(Base):\n    pass\n", files), /no class deriving ModelClass found \(class M derives from Base/);
  });

  it("modules are looked up only for names the model needs, each once", () => {
    const finder = finderOf({ vision: BASE });
    readModelPy(`${HEADER}import numpy\nimport torch\nfrom vision import VisionBase\nclass M(VisionBase):\n    @VisionBase.method\n    def predict(self, x: str) -> str: ...\n`, "model.py", { findModule: finder });
    assert.deepEqual(finder.asked, ["vision"]);
  });

  it("a syntax error in the sibling fails, naming the sibling file", () => {
    assert.throws(
      () => read("from vision import VisionBase\nclass M(VisionBase):\n    pass\n", { vision: "class VisionBase(:\n" }),
      (error: unknown) => error instanceof ModelPyError && error.file === "vision.py" && /syntax error/.test(error.message),
    );
  });

  it("a bad method signature in any class of an imported sibling fails, as importing it does", () => {
    const sibling = `${BASE}\nclass Other(ModelClass):\n    @ModelClass.method\n    def g(self, x: Optional[int]) -> str: ...\n`;
    assert.throws(
      () => read("from vision import VisionBase\nclass M(VisionBase):\n    pass\n", { vision: sibling }),
      (error: unknown) => error instanceof ModelPyError && error.file === "vision.py" && /method 'g', parameter 'x'.*Optional/.test(error.message),
    );
  });

  it("a relative import in model.py fails, as the SDK's import of model.py does", () => {
    assert.throws(
      () => read("from .vision import VisionBase\nclass M(VisionBase):\n    pass\n", { vision: BASE }),
      (error: unknown) =>
        error instanceof ModelPyError &&
        error.line === 10 &&
        /relative import, which fails when the SDK loads model.py .*from vision import \.\.\./.test(error.message),
    );
  });
});

describe("model.py reader: warnings for bases it cannot see into", () => {
  it("a base from an installed package: the client is generated, with a warning naming the class and where", () => {
    const { names, warnings } = read("from company.models import LoggingMixin\nclass M(ModelClass, LoggingMixin):\n    @ModelClass.method\n    def predict(self, x: str) -> str: ...\n", {});
    assert.deepEqual(names, ["predict"]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^model\.py:11:21: class M derives from LoggingMixin \(company\.models\.LoggingMixin\), which is neither defined in a file next to model\.py nor a Clarifai SDK class.*gen-client --grpc/);
  });

  it("a base in a sibling file's class is reported too, at that file", () => {
    const sibling = `${BASE.replace("class VisionBase(ModelClass):", "from torch import nn\nclass VisionBase(ModelClass, nn.Module):")}`;
    const { warnings } = read("from vision import VisionBase\nclass M(VisionBase):\n    pass\n", { vision: sibling });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^vision\.py:\d+:\d+: class VisionBase derives from nn\.Module \(torch\.nn\.Module\)/);
  });

  it("no warning for bases that define no model methods: object, ABC, Generic[T], Protocol", () => {
    const model = "import abc\nfrom typing import Generic, TypeVar, Protocol\nT = TypeVar('T')\nclass M(ModelClass, abc.ABC, Generic[T], object):\n    @ModelClass.method\n    def predict(self, x: str) -> str: ...\n";
    assert.deepEqual(read(model, {}).warnings, []);
  });

  it("without a module finder, a sibling base is one the reader cannot see into", () => {
    const warnings: string[] = [];
    readModelPy(`${HEADER}from vision import VisionBase\nclass M(ModelClass, VisionBase):\n    @ModelClass.method\n    def predict(self, x: str) -> str: ...\n`, "model.py", { onWarning: (w) => warnings.push(w) });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /derives from VisionBase \(vision\.VisionBase\)/);
  });
});

describe("readLocalModel: sibling modules on disk", () => {
  it("finds modules beside model.py and in the model folder, and reports unseen bases", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sibling-modules-"));
    try {
      await mkdir(path.join(root, "1", "parts"), { recursive: true });
      await writeFile(path.join(root, "config.yaml"), "model:\n  id: sib\n");
      await writeFile(path.join(root, "1", "vision.py"), BASE);
      await writeFile(path.join(root, "1", "parts", "__init__.py"), "from .health import Health\n");
      await writeFile(path.join(root, "1", "parts", "health.py"), "from clarifai.runners.models.model_class import ModelClass\nclass Health:\n    @ModelClass.method\n    def health(self) -> str: ...\n");
      await writeFile(path.join(root, "common.py"), "from clarifai.runners.models.model_class import ModelClass\nclass Echo:\n    @ModelClass.method\n    def echo(self, text: str) -> str: ...\n");
      await writeFile(
        path.join(root, "1", "model.py"),
        `${HEADER}from vision import VisionBase\nfrom parts import Health\nfrom common import Echo\nfrom elsewhere import Unknown\nclass M(VisionBase, Health, Echo, Unknown):\n    pass\n`,
      );
      const model = await readLocalModel(root);
      assert.deepEqual(model.signatures.map((s) => s.name), ["echo", "health", "classify"]);
      assert.equal(model.warnings.length, 1);
      assert.match(model.warnings[0]!, new RegExp(`^${path.join(root, "1", "model.py").replaceAll("\\", "\\\\")}:14:35: class M derives from Unknown \\(elsewhere\\.Unknown\\)`));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("an imported module is held to model.py's rules: UTF-8, at most 8 MiB", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "sibling-modules-"));
    try {
      await mkdir(path.join(root, "1"), { recursive: true });
      await writeFile(path.join(root, "config.yaml"), "model:\n  id: sib\n");
      await writeFile(path.join(root, "1", "latin.py"), Buffer.from("# caf\xe9\nclass Base: pass\n", "latin1"));
      await writeFile(path.join(root, "1", "huge.py"), Buffer.alloc(8 * 2 ** 20 + 1, 0x20));
      for (const [module, want] of [["latin", /latin\.py is not UTF-8 text/], ["huge", /huge\.py is 8\.0 MiB; files over 8 MiB are refused/]] as const) {
        await writeFile(path.join(root, "1", "model.py"), `${HEADER}from ${module} import Base\nclass M(Base):\n    pass\n`);
        await assert.rejects(readLocalModel(root), (error: unknown) => error instanceof LocalModelError && want.test(error.message));
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
