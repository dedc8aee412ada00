/**
 * Python modules next to model.py (`from base_model import BaseModel`). A deployed model's folder is on sys.path
 * (models' own code often appends `1/` as well), so a base class or mixin defined in such a file contributes its
 * @ModelClass.method methods to the model. The reader parses a file like that only when a name it needs (a base
 * class, a decorator's class) is imported from it; nothing is executed.
 */
import { readModuleScope, type ClassDecl, type Scope } from "./python-scope.js";
import type { NameResolver } from "./resolve-names.js";
import { SourceFile } from "./syntax-tree.js";

export interface ModuleSource {
  readonly fileName: string;
  readonly text: string;
  /** `name/__init__.py` rather than `name.py`: its relative imports resolve inside it. */
  readonly isPackage: boolean;
}

/**
 * The source of the module `moduleName` (dotted), or undefined when no file next to model.py is that module. The
 * reader itself reads no files: the caller decides where to look (generator/sources/local.ts).
 */
export type ModuleFinder = (moduleName: string) => ModuleSource | undefined;

/**
 * Packages whose names the reader interprets itself (typing.List, numpy.ndarray, the SDK's data types): never looked
 * for next to model.py. A file there of the same name would shadow the real package and break the model anyway.
 */
const KNOWN_PACKAGES = new Set(["builtins", "typing", "typing_extensions", "collections", "abc", "numpy", "PIL", "clarifai"]);

export interface LoadedModule {
  readonly file: SourceFile;
  readonly scope: Scope;
  readonly classes: readonly ClassDecl[];
}

/** Modules found by a ModuleFinder, parsed once each, and the classes they define or re-export. */
export class LocalModules {
  private readonly loaded = new Map<string, LoadedModule | null>();
  /** Qualified names being resolved, so that two files importing from each other end instead of looping. */
  private readonly resolving = new Set<string>();

  constructor(private readonly find: ModuleFinder) {}

  /** Every file read so far, for compiling the methods their classes define. */
  get modules(): LoadedModule[] {
    return [...this.loaded.values()].filter((module): module is LoadedModule => module !== null);
  }

  /** The class `qualified` (`module.Class`) names, when `module` is a file next to model.py that defines or imports it. */
  classNamed(qualified: string, names: NameResolver): ClassDecl | undefined {
    const dot = qualified.lastIndexOf(".");
    if (dot <= 0 || this.resolving.has(qualified) || KNOWN_PACKAGES.has(qualified.split(".", 1)[0]!)) return undefined;
    const module = this.load(qualified.slice(0, dot));
    if (!module) return undefined;
    this.resolving.add(qualified);
    try {
      let resolved = names.resolveDotted([qualified.slice(dot + 1)], module.file.text.length, module.scope);
      if (resolved.kind === "value") resolved = names.resolve(resolved.node, resolved.scope); // `Base = _Base`
      return resolved.kind === "class" ? resolved.cls : undefined;
    } finally {
      this.resolving.delete(qualified);
    }
  }

  private load(moduleName: string): LoadedModule | undefined {
    const cached = this.loaded.get(moduleName);
    if (cached !== undefined) return cached ?? undefined;
    const source = this.find(moduleName);
    let module: LoadedModule | null = null;
    if (source) {
      const packageName = source.isPackage ? moduleName : moduleName.split(".").slice(0, -1).join(".");
      const file = new SourceFile(source.fileName, source.text, packageName);
      file.assertNoSyntaxError(); // importing the file would fail, and with it model.py
      module = { file, ...readModuleScope(file) };
    }
    this.loaded.set(moduleName, module);
    return module ?? undefined;
  }
}
