/**
 * The static model.py reader: Python source → the MethodSignature list the official Clarifai SDK would
 * compute for it, without Python and without executing anything.
 */
import type { MethodSignature } from "clarifai-typed";
import { LocalModules, type ModuleFinder } from "./local-modules.js";
import { checkFailingImports } from "./failing-imports.js";
import { ModelClasses } from "./model-classes.js";
import { modelWarnings } from "./model-warnings.js";
import { readModuleScope, type ClassDecl } from "./python-scope.js";
import { NameResolver } from "./resolve-names.js";
import { SDK_BASE_CLASSES_FILE, SDK_BASE_CLASSES_SOURCE } from "./sdk-base-classes.js";
import { SourceFile } from "./syntax-tree.js";

export { ModelPyError, type ModelPyErrorDetails } from "./model-py-error.js";
export type { ModuleFinder, ModuleSource } from "./local-modules.js";

export interface ReadModelPyOptions {
  /** The model class to read when a file defines more than one. */
  readonly className?: string;
  /** Finds the modules model.py imports from files next to it; without it, no other file is read. */
  readonly findModule?: ModuleFinder;
  /**
   * Told what may make the signatures incomplete or the model fail (`file:line:col: message`): a base class imported
   * from a module that is no file next to model.py, a method that yields but is not annotated as an iterator.
   */
  readonly onWarning?: (warning: string) => void;
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
  const local = new LocalModules(options.findModule ?? (() => undefined));
  const names: NameResolver = new NameResolver((qualified) => {
    const name = SDK_MODULE.exec(qualified)?.[1];
    if (name !== undefined) return sdk.byName.get(name);
    return local.classNamed(qualified, names);
  });
  const file = new SourceFile(fileName, text);
  file.assertNoSyntaxError();
  checkFailingImports(file);
  const { scope, classes } = readModuleScope(file);
  const models = new ModelClasses(names, sdk.root);
  models.compileAll(file, classes);
  const model = models.choose(file, scope, classes, options.className);
  const signatures = models.signatures(model);
  // Importing model.py imported these files too: a bad method signature in any of their classes fails it.
  for (const module of local.modules) models.compileAll(module.file, module.classes);
  if (options.onWarning) for (const warning of modelWarnings(models, names, model)) options.onWarning(warning);
  return signatures;
}
