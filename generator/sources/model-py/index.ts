/**
 * The static model.py reader: Python source → the MethodSignature list the official Clarifai SDK would
 * compute for it, without Python and without executing anything.
 */
import type { MethodSignature } from "clarifai-typed";
import { checkMissingSdkImports } from "./missing-imports.js";
import { ModelClasses } from "./model-classes.js";
import { readModuleScope, type ClassDecl } from "./python-scope.js";
import { NameResolver } from "./resolve-names.js";
import { SDK_BASE_CLASSES_FILE, SDK_BASE_CLASSES_SOURCE } from "./sdk-base-classes.js";
import { SourceFile } from "./syntax-tree.js";

export { ModelPyError, type ModelPyErrorDetails } from "./model-py-error.js";

export interface ReadModelPyOptions {
  /** The model class to read when a file defines more than one. */
  readonly className?: string;
}

const SDK_MODULE = /^clarifai\.runners\.(?:[\w.]+\.)?(\w+)$/;

interface SdkClasses {
  readonly byName: ReadonlyMap<string, ClassDecl>;
  readonly root: ClassDecl;
}

let sdkClasses: SdkClasses | undefined;

/** The SDK's base classes, parsed once from their model.py-like description. */
function loadSdkClasses(): SdkClasses {
  if (sdkClasses) return sdkClasses;
  const file = new SourceFile(SDK_BASE_CLASSES_FILE, SDK_BASE_CLASSES_SOURCE);
  file.assertNoSyntaxError();
  const byName = new Map(readModuleScope(file).classes.map((cls) => [cls.name, cls]));
  const root = byName.get("ModelClass");
  if (!root) throw new Error("sdk-base-classes: ModelClass is missing");
  sdkClasses = { byName, root };
  return sdkClasses;
}

/** Parses `text` (the content of `fileName`) and returns its model class's method signatures, in SDK order. */
export function readModelPy(text: string, fileName: string, options: ReadModelPyOptions = {}): MethodSignature[] {
  const sdk = loadSdkClasses();
  const names = new NameResolver((qualified) => {
    const name = SDK_MODULE.exec(qualified)?.[1];
    return name === undefined ? undefined : sdk.byName.get(name);
  });
  // CPython reads source with universal newlines.
  const file = new SourceFile(fileName, text.replace(/\r\n?/g, "\n"));
  file.assertNoSyntaxError();
  checkMissingSdkImports(file);
  const { classes } = readModuleScope(file);
  const models = new ModelClasses(names, sdk.root);
  models.compileAll(file, classes);
  const model = models.choose(file, classes, options.className);
  return models.signatures(model);
}
