/**
 * What the reader warns of in a model it could read: what may make the client incomplete (bases it cannot see
 * into) or the model fail when called (a method that yields without an iterator annotation). Each warning is
 * `file:line:col: message`; the model's signatures are still what the SDK computes.
 */
import type { ModelClasses } from "./model-classes.js";
import type { ClassDecl } from "./python-scope.js";
import type { NameResolver } from "./resolve-names.js";
import type { SyntaxNode } from "./syntax-tree.js";

/** Bases that define no model methods: object, and the standard library's abstract and typing helpers. */
const CANNOT_DEFINE_METHODS = /^(?:builtins\.object|abc\.\w+|typing(?:_extensions)?\.\w+)$/u;

export function modelWarnings(models: ModelClasses, names: NameResolver, model: ClassDecl): string[] {
  return [...unseenBases(models, names, model), ...unaryGenerators(models, model)];
}

/**
 * Each base, anywhere in the model's hierarchy, that the reader cannot see into (a class of a package that is no
 * file next to model.py, or an expression): it could define @ModelClass.method methods of its own.
 */
function unseenBases(models: ModelClasses, names: NameResolver, model: ClassDecl): string[] {
  const warnings: string[] = [];
  for (const cls of models.mro(model)) {
    if (cls.file === models.sdkFile) continue; // the SDK's own classes
    for (const base of cls.bases) {
      const target = base.name === "MemberExpression" && !base.getChild("PropertyName") ? (base.firstChild ?? base) : base; // Generic[T]
      const resolved = names.resolve(target, cls.outerScope);
      if (resolved.kind === "class" || (resolved.kind === "external" && CANNOT_DEFINE_METHODS.test(resolved.qualified))) continue;
      const origin = resolved.kind === "external" ? ` (${resolved.qualified})` : "";
      const { line, column } = cls.file.position(base.from);
      warnings.push(
        `${cls.file.fileName}:${line}:${column}: class ${cls.name} derives from ${cls.file.source(base)}${origin}, which is neither defined in a file next to model.py nor a Clarifai SDK class, so the reader cannot see into it: any @ModelClass.method methods it defines are missing from this client. If it has some, generate from the running model instead (gen-client --grpc host:port)`,
      );
    }
  }
  return warnings;
}

/**
 * Methods that contain `yield` (so calling them returns a generator) but whose return annotation is no iterator:
 * the SDK publishes them as unary, and the model server cannot encode the generator they return.
 */
function unaryGenerators(models: ModelClasses, model: ClassDecl): string[] {
  const warnings: string[] = [];
  for (const { owner, def, signature } of models.definitions(model)) {
    if (signature.output_fields?.some((field) => field.iterator) || !yieldsItself(def)) continue;
    const { line, column } = owner.file.position((def.getChild("TypeDef") ?? def).from);
    warnings.push(
      `${owner.file.fileName}:${line}:${column}: method '${signature.name}' contains yield, so it returns a generator, but its return annotation is no Iterator[...]: the SDK publishes it as a unary method, and calls to it will most likely fail on the model server (a generator cannot be encoded as its result); the model should annotate -> Iterator[T] to stream`,
    );
  }
  return warnings;
}

/** Whether the function's own body yields (yields in nested functions, lambdas and classes are theirs). */
function yieldsItself(def: SyntaxNode): boolean {
  const pending: SyntaxNode[] = [];
  const body = def.getChild("Body");
  if (body) pending.push(body);
  // An explicit stack: a hostile file can nest expressions deeper than the call stack goes.
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === "yield") return true;
      if (!NESTED_SCOPES.has(child.name)) pending.push(child);
    }
  }
  return false;
}

const NESTED_SCOPES = new Set(["FunctionDefinition", "LambdaExpression", "ClassDefinition"]);
