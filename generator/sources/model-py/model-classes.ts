/**
 * Which class is the model and which methods it exposes, as ModelClass does at run time (spec §1.1):
 * walk `reversed(cls.__mro__)`, collect each class `__dict__` entry carrying `@ModelClass.method`
 * (a redecorated override keeps the base's position with its own signature; an undecorated override
 * leaves the base's entry in place).
 */
import type { MethodSignature } from "clarifai-typed";
import { buildMethodSignature } from "./method-signature.js";
import type { ClassDecl, ClassMember, Scope } from "./python-scope.js";
import type { NameResolver } from "./resolve-names.js";
import { childrenOf, firstLine, type SourceFile, type SyntaxNode } from "./syntax-tree.js";

const LEGACY_METHODS = ["predict", "generate", "stream", "PostModelOutputs"];

/** What an undecorated predict/generate/stream/PostModelOutputs is (spec §1.1). */
function legacyInterface(name: string): string {
  return name === "PostModelOutputs"
    ? "PostModelOutputs(self, request) is the proto-style method on raw requests"
    : `an undecorated ${name}() is the untyped interface of SDKs before 11.3 (on raw protos)`;
}

export class ModelClasses {
  private readonly mroCache = new Map<ClassDecl, ClassDecl[]>();
  /** Signatures by file and function offset (lezer node objects are not stable identities). */
  private readonly signatureCache = new Map<SourceFile, Map<number, MethodSignature>>();

  constructor(
    private readonly names: NameResolver,
    private readonly modelClassRoot: ClassDecl,
  ) {}

  /** C3 linearisation over the bases we can see (these files and the SDK); other bases contribute nothing. */
  mro(cls: ClassDecl, visiting: ReadonlySet<ClassDecl> = new Set()): ClassDecl[] {
    const cached = this.mroCache.get(cls);
    if (cached) return cached;
    if (visiting.has(cls)) throw cls.file.error(cls.node, `class ${cls.name} inherits from itself`);
    const inner = new Set(visiting).add(cls);
    const bases = this.bases(cls);
    const sequences = [...bases.map((base) => [...this.mro(base, inner)]), [...bases]];
    const result = [cls];
    for (;;) {
      const pending = sequences.filter((s) => s.length > 0);
      if (pending.length === 0) break;
      const head = pending.map((s) => s[0] as ClassDecl).find((candidate) => !pending.some((s) => s.indexOf(candidate) > 0));
      if (!head) throw cls.file.error(cls.node, `Cannot create a consistent method resolution order (MRO) for class ${cls.name}; reorder its bases`);
      result.push(head);
      for (const s of pending) if (s[0] === head) s.shift();
    }
    this.mroCache.set(cls, result);
    return result;
  }

  isModelClass(cls: ClassDecl): boolean {
    return this.mro(cls).includes(this.modelClassRoot);
  }

  /** The SDK's own base classes' file: classes from it are the SDK's. */
  get sdkFile(): SourceFile {
    return this.modelClassRoot.file;
  }

  /** Bases written as expressions that do not resolve to a class we know (e.g. from another local file). */
  unknownBases(cls: ClassDecl): string[] {
    return cls.bases.filter((base) => this.names.resolve(base, cls.outerScope).kind !== "class").map((base) => cls.file.source(base));
  }

  /** `@X.method` where X is ModelClass or any subclass of it; static and class methods are skipped by the SDK. */
  isModelMethod(member: ClassMember, scope: ClassDecl["bodyScope"]): boolean {
    if (!member.def) return false;
    let decorated = false;
    for (const decorator of member.decorators) {
      const parts = childrenOf(decorator).filter((c) => c.name !== "At");
      if (parts.some((p) => p.name !== "VariableName" && p.name !== ".")) continue; // a call, e.g. @lru_cache()
      const dotted = parts.filter((p) => p.name === "VariableName").map((p) => scope.file.source(p));
      const resolved = this.names.resolveDotted(dotted, decorator.from, scope);
      if (resolved.kind === "external" && /^builtins\.(staticmethod|classmethod)$/.test(resolved.qualified)) return false;
      if (resolved.kind === "classAttribute" && resolved.attribute === "method" && this.isModelClass(resolved.cls)) decorated = true;
    }
    if (decorated && member.underIf) {
      throw scope.file.error(
        member.def,
        `it is defined under \`${firstLine(scope.file.source(member.underIf))}\`, so it exists only if that branch runs when the SDK imports the file, which the reader cannot know; define model methods directly in the class body (branch inside the method instead)`,
        { method: member.name },
      );
    }
    return decorated;
  }

  /** The registry of `cls`: method name → the class and function that define it, in SDK order. */
  methods(cls: ClassDecl): Map<string, { owner: ClassDecl; def: SyntaxNode }> {
    const registry = new Map<string, { owner: ClassDecl; def: SyntaxNode }>();
    for (const owner of [...this.mro(cls)].reverse()) {
      for (const member of owner.members.values()) {
        if (member.def && this.isModelMethod(member, owner.bodyScope)) registry.set(member.name, { owner, def: member.def });
      }
    }
    return registry;
  }

  signatures(cls: ClassDecl): MethodSignature[] {
    const registry = this.methods(cls);
    if (registry.size === 0) throw this.noMethodsError(cls);
    return [...registry.values()].map(({ owner, def }) => this.signatureOf(owner, def));
  }

  /** The methods of `cls` with the function that defines each and its signature, in SDK order. */
  definitions(cls: ClassDecl): { owner: ClassDecl; def: SyntaxNode; signature: MethodSignature }[] {
    return [...this.methods(cls).values()].map(({ owner, def }) => ({ owner, def, signature: this.signatureOf(owner, def) }));
  }

  /**
   * Compiles every decorated method the classes of `file` define themselves, in file order: the SDK builds
   * each signature when its class is defined, so a bad one anywhere fails the import.
   */
  compileAll(file: SourceFile, classes: readonly ClassDecl[]): void {
    for (const cls of classes) {
      for (const member of cls.members.values()) {
        if (member.def && cls.file === file && this.isModelMethod(member, cls.bodyScope)) this.signatureOf(cls, member.def);
      }
    }
  }

  private signatureOf(owner: ClassDecl, def: SyntaxNode): MethodSignature {
    let byOffset = this.signatureCache.get(owner.file);
    if (!byOffset) this.signatureCache.set(owner.file, (byOffset = new Map()));
    const cached = byOffset.get(def.from);
    if (cached) return cached;
    const signature = buildMethodSignature(def, owner.bodyScope, this.names);
    byOffset.set(def.from, signature);
    return signature;
  }

  private noMethodsError(cls: ClassDecl): Error {
    const legacy = this.mro(cls)
      .filter((c) => c !== this.modelClassRoot)
      .flatMap((c) => [...c.members.values()])
      .find((m) => m.def && LEGACY_METHODS.includes(m.name));
    if (legacy?.def) {
      return cls.file.error(
        cls.node,
        `class ${cls.name} has no typed methods: ${legacyInterface(legacy.name)}, for which the SDK publishes no signatures, so no client can be generated. Decorate the methods with @ModelClass.method and annotate their parameters and return type (e.g. def predict(self, prompt: str) -> str)`,
      );
    }
    return cls.file.error(
      cls.node,
      `class ${cls.name} has no methods decorated with @ModelClass.method, so it exposes nothing to call; decorate the methods clients may call, e.g. @ModelClass.method above def predict(self, prompt: str) -> str`,
    );
  }

  /**
   * The model class of a file: its ModelClass subclass that is no base of another one there. `scope` is the file's
   * module scope, to name a model class it imports when it defines none (the SDK serves only classes defined in it).
   */
  choose(file: SourceFile, scope: Scope, classes: readonly ClassDecl[], className?: string): ClassDecl {
    const models = classes.filter((cls) => this.isModelClass(cls));
    if (className !== undefined) {
      const named = classes.find((cls) => cls.name === className);
      if (!named) throw file.error(0, `no class named ${className} in this file (classes: ${classes.map((c) => c.name).join(", ") || "none"})`);
      if (!models.includes(named)) throw file.error(named.node, `class ${className} does not derive from ModelClass`);
      return named;
    }
    const leaves = models.filter((cls) => !models.some((other) => other !== cls && this.mro(other).includes(cls)));
    if (leaves.length === 1) return leaves[0] as ClassDecl;
    if (leaves.length > 1) {
      const [first, second] = leaves as [ClassDecl, ClassDecl];
      throw file.error(
        second.node,
        `more than one model class in this file (${leaves.map((c) => c.name).join(", ")}); the SDK needs exactly one. Keep one class deriving ModelClass per model.py (to look at one of them meanwhile: gen-client inspect --class ${first.name})`,
      );
    }
    const imported = this.importedModelClass(file, scope);
    if (imported) {
      throw file.error(
        0,
        `no model class is defined in this file: ${imported.name} is imported from ${imported.cls.file.fileName}, and the SDK serves only a class defined in model.py itself; define one here, e.g. \`class Model(${imported.name}): pass\``,
      );
    }
    const unresolved = classes.map((cls) => ({ cls, bases: this.unknownBases(cls) })).filter((c) => c.bases.length > 0);
    const hint = unresolved[0] ? ` (${this.whyNotFollowed(unresolved[0].cls, unresolved[0].bases)})` : "";
    throw file.error(
      0,
      `no class deriving ModelClass found${hint}; a Clarifai model.py defines e.g. \`class MyModel(ModelClass):\` (from clarifai.runners.models.model_class import ModelClass) with @ModelClass.method methods`,
    );
  }

  /** A name the file imports that is a model class of a module next to it (not one of the SDK's own bases). */
  private importedModelClass(file: SourceFile, scope: Scope): { name: string; cls: ClassDecl } | undefined {
    for (const name of scope.boundNames()) {
      const resolved = this.names.resolveDotted([name], file.text.length, scope);
      if (resolved.kind !== "class" || resolved.cls.file === file || resolved.cls.file === this.modelClassRoot.file) continue;
      if (this.isModelClass(resolved.cls)) return { name, cls: resolved.cls };
    }
    return undefined;
  }

  /** Why the reader stops at `bases` of `cls`: the old runner interface, an SDK class that is no model base, or unknown. */
  private whyNotFollowed(cls: ClassDecl, bases: readonly string[]): string {
    const external = cls.bases
      .map((base) => this.names.resolve(base, cls.outerScope))
      .flatMap((resolved) => (resolved.kind === "external" ? [resolved.qualified] : []));
    if (external.some((name) => /^clarifai\.runners\.models\.model_runner\.ModelRunner$/.test(name))) {
      return `class ${cls.name} derives from ModelRunner, the SDK's old proto-style interface (predict(self, request)), for which the SDK publishes no signatures; port it to ModelClass`;
    }
    const sdk = external.find((name) => name.startsWith("clarifai."));
    if (sdk) return `class ${cls.name} derives from ${sdk}, which is not a model base class of the SDK`;
    return `class ${cls.name} derives from ${bases.join(", ")}, which is neither defined in model.py or a file next to it nor a Clarifai SDK class, so the reader cannot follow it`;
  }

  private bases(cls: ClassDecl): ClassDecl[] {
    return cls.bases.flatMap((base) => {
      const resolved = this.names.resolve(base, cls.outerScope);
      return resolved.kind === "class" ? [resolved.cls] : [];
    });
  }
}
