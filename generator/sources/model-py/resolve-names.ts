/**
 * Resolves a name or dotted expression to what it denotes: something imported (by qualified name, e.g.
 * `typing.List`, `numpy.ndarray`, `clarifai.runners.utils.data_types.Image`), a class of the file or of the
 * SDK's known base classes, or a module-level value. `import numpy as np` + `np.ndarray` and
 * `from clarifai.runners.utils import data_types as dt` + `dt.Image` both end up as qualified names.
 */
import type { ClassDecl, Scope } from "./python-scope.js";
import type { SyntaxNode } from "./syntax-tree.js";

export type Resolved =
  | { readonly kind: "external"; readonly qualified: string }
  | { readonly kind: "class"; readonly cls: ClassDecl }
  | { readonly kind: "classAttribute"; readonly cls: ClassDecl; readonly attribute: string }
  | { readonly kind: "value"; readonly node: SyntaxNode; readonly scope: Scope }
  | { readonly kind: "undefined"; readonly name: string }
  | { readonly kind: "opaque" };

const BUILTINS = new Set([
  "str", "bytes", "int", "float", "bool", "dict", "list", "tuple", "set", "frozenset", "object", "type",
  "complex", "bytearray", "memoryview", "range", "staticmethod", "classmethod", "property", "Ellipsis",
]);

const MAX_ALIAS_DEPTH = 32;

/** Finds the SDK's own class for a qualified name such as `clarifai.runners.models.openai_class.OpenAIModelClass`. */
export type SdkClassLookup = (qualified: string) => ClassDecl | undefined;

export class NameResolver {
  constructor(private readonly sdkClass: SdkClassLookup) {}

  /** What `node` (a name, attribute access or parenthesised expression) denotes, aliases followed. */
  resolve(node: SyntaxNode, scope: Scope, depth = 0): Resolved {
    const resolved = this.resolveOnce(node, scope, depth);
    if (resolved.kind === "value" && depth < MAX_ALIAS_DEPTH && isReference(resolved.node)) {
      return this.resolve(resolved.node, resolved.scope, depth + 1);
    }
    return resolved;
  }

  /** A dotted name such as a decorator's `ModelClass.method`, looked up at offset `at`. */
  resolveDotted(names: readonly string[], at: number, scope: Scope): Resolved {
    let resolved = this.resolveName(names[0] ?? "", at, scope);
    for (const attribute of names.slice(1)) {
      if (resolved.kind === "value" && isReference(resolved.node)) resolved = this.resolve(resolved.node, resolved.scope, 1);
      resolved = this.attribute(resolved, attribute);
    }
    return resolved;
  }

  private resolveOnce(node: SyntaxNode, scope: Scope, depth: number): Resolved {
    switch (node.name) {
      case "VariableName":
        return this.resolveName(scope.file.source(node), node.from, scope);
      case "ParenthesizedExpression": {
        const inner = node.firstChild?.nextSibling;
        return inner ? this.resolve(inner, scope, depth + 1) : { kind: "opaque" };
      }
      case "MemberExpression": {
        const property = node.getChild("PropertyName");
        const object = node.firstChild;
        if (!property || !object) return { kind: "opaque" };
        return this.attribute(this.resolve(object, scope, depth + 1), scope.file.source(property));
      }
      default:
        return { kind: "opaque" };
    }
  }

  private attribute(owner: Resolved, attribute: string): Resolved {
    if (owner.kind === "external") return this.external(`${owner.qualified}.${attribute}`);
    if (owner.kind === "class") return { kind: "classAttribute", cls: owner.cls, attribute };
    return { kind: "opaque" };
  }

  private resolveName(name: string, at: number, scope: Scope): Resolved {
    const binding = scope.lookup(name, at);
    if (binding) {
      switch (binding.kind) {
        case "import":
          return this.external(binding.qualified);
        case "class":
          return { kind: "class", cls: binding.cls };
        case "value":
          return { kind: "value", node: binding.node, scope: binding.scope };
        case "other":
          return { kind: "opaque" };
      }
    }
    if (BUILTINS.has(name)) return { kind: "external", qualified: `builtins.${name}` };
    const star = starImportsOf(scope).at(-1);
    if (star) return this.external(`${star}.${name}`);
    return { kind: "undefined", name };
  }

  private external(qualified: string): Resolved {
    const cls = this.sdkClass(qualified);
    return cls ? { kind: "class", cls } : { kind: "external", qualified };
  }
}

function isReference(node: SyntaxNode): boolean {
  return node.name === "VariableName" || (node.name === "MemberExpression" && node.getChild("PropertyName") !== null);
}

function starImportsOf(scope: Scope): string[] {
  const all: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) all.unshift(...s.starImports);
  return all;
}
