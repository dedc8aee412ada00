/**
 * What names mean in a Python file, statically: imports (as dotted qualified names), module- and
 * class-level assignments, and class definitions. A name means what its last binding before the use says
 * (a name imported twice means what the later import says), as when CPython executes the file top down.
 */
import { childrenOf, commaSeparated, type SourceFile, type SyntaxNode } from "./syntax-tree.js";

export type Binding =
  | { readonly kind: "import"; readonly at: number; readonly qualified: string }
  | { readonly kind: "value"; readonly at: number; readonly node: SyntaxNode; readonly scope: Scope }
  | { readonly kind: "class"; readonly at: number; readonly cls: ClassDecl }
  | { readonly kind: "other"; readonly at: number };

/** One entry of a class body, as the class `__dict__` will hold it (last definition wins). */
export interface ClassMember {
  readonly name: string;
  /** The FunctionDefinition node, when the member is a function. */
  readonly def?: SyntaxNode;
  readonly decorators: readonly SyntaxNode[];
  /** The `if` statement of the class body the definition sits under, if any: it exists only if that branch runs. */
  readonly underIf?: SyntaxNode;
}

export interface ClassDecl {
  readonly name: string;
  readonly node: SyntaxNode;
  readonly file: SourceFile;
  /** Where the base-class expressions and decorators are evaluated. */
  readonly outerScope: Scope;
  /** The class body: where method defaults and annotations are evaluated. */
  readonly bodyScope: Scope;
  readonly bases: readonly SyntaxNode[];
  /** In first-definition order, each holding its last definition (CPython dict semantics). */
  readonly members: ReadonlyMap<string, ClassMember>;
}

export class Scope {
  private readonly bindings = new Map<string, Binding[]>();
  /** Modules imported with `from m import *`, latest last. */
  readonly starImports: string[] = [];

  constructor(
    readonly file: SourceFile,
    readonly parent?: Scope,
  ) {}

  bind(name: string, binding: Binding): void {
    const list = this.bindings.get(name);
    if (list) list.push(binding);
    else this.bindings.set(name, [binding]);
  }

  /** The names this scope binds (not its parent's), in first-binding order. */
  boundNames(): string[] {
    return [...this.bindings.keys()];
  }

  /** The binding of `name` in force at offset `at`: the last one before it, here or in the parent. */
  lookup(name: string, at: number): Binding | undefined {
    const list = this.bindings.get(name) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const binding = list[i] as Binding;
      if (binding.at <= at) return binding;
    }
    return this.parent?.lookup(name, at);
  }
}

/** Reads a file's top-level statements into a scope and its class declarations. */
export function readModuleScope(file: SourceFile): { scope: Scope; classes: ClassDecl[] } {
  const scope = new Scope(file);
  const classes: ClassDecl[] = [];
  bindStatements(childrenOf(file.root), scope, classes, undefined);
  return { scope, classes };
}

function bindStatements(
  statements: readonly SyntaxNode[],
  scope: Scope,
  classes: ClassDecl[],
  members: Map<string, ClassMember> | undefined,
  underIf?: SyntaxNode,
): void {
  const member = (name: string, value: ClassMember): void => {
    // Map.set keeps a key's first position, as a class __dict__ does when a name is redefined.
    members?.set(name, underIf ? { ...value, underIf } : value);
  };
  for (const statement of statements) {
    switch (statement.name) {
      case "ImportStatement":
        bindImport(statement, scope);
        break;
      case "AssignStatement":
        for (const name of bindAssignment(statement, scope)) member(name, { name, decorators: [] });
        break;
      case "ClassDefinition":
      case "FunctionDefinition":
      case "DecoratedStatement": {
        const decorators = childrenOf(statement).filter((c) => c.name === "Decorator");
        const def = statement.name === "DecoratedStatement" ? childrenOf(statement).at(-1) : statement;
        const name = def?.getChild("VariableName");
        if (!def || !name) break;
        const text = scope.file.source(name);
        if (def.name === "ClassDefinition") {
          const cls = readClass(def, text, scope);
          if (!members) classes.push(cls);
          scope.bind(text, { kind: "class", at: statement.from, cls });
          member(text, { name: text, decorators });
        } else {
          scope.bind(text, { kind: "other", at: statement.from });
          member(text, { name: text, def, decorators });
        }
        break;
      }
      case "IfStatement":
      case "WithStatement":
      case "TryStatement": {
        // Imports guarded by `if TYPE_CHECKING:` or `try:` count; `except` fallbacks do not.
        const bodies = childrenOf(statement).filter((c) => c.name === "Body");
        for (const body of statement.name === "TryStatement" ? bodies.slice(0, 1) : bodies) {
          bindStatements(childrenOf(body), scope, classes, members, statement.name === "IfStatement" ? statement : underIf);
        }
        break;
      }
      default:
        break;
    }
  }
}

function readClass(node: SyntaxNode, name: string, outerScope: Scope): ClassDecl {
  const file = outerScope.file;
  // Class bodies see their own names, then the module's globals (not an enclosing class's names).
  const globals = outerScope.parent ?? outerScope;
  const bodyScope = new Scope(file, globals);
  const members = new Map<string, ClassMember>();
  const body = node.getChild("Body");
  if (body) bindStatements(childrenOf(body), bodyScope, [], members);
  const argList = node.getChild("ArgList");
  const bases = argList
    ? commaSeparated(childrenOf(argList))
        .filter((item) => item.length === 1) // drop keywords (metaclass=...) and *bases
        .map((item) => item[0] as SyntaxNode)
    : [];
  return { name, node, file, outerScope, bodyScope, bases, members };
}

function bindAssignment(statement: SyntaxNode, scope: Scope): string[] {
  const children = childrenOf(statement);
  const value = children.at(-1);
  const hasValue = children.some((c) => c.name === "AssignOp");
  const names: string[] = [];
  for (let i = 0; i < children.length - 1; i++) {
    const child = children[i] as SyntaxNode;
    const next = children[i + 1];
    if (child.name !== "VariableName" || (next?.name !== "AssignOp" && next?.name !== "TypeDef")) continue;
    const name = scope.file.source(child);
    names.push(name);
    if (hasValue && value) scope.bind(name, { kind: "value", at: statement.from, node: value, scope });
  }
  // Tuple targets and the like still rebind their names, to something we do not track.
  for (const target of children.filter((c) => c.name === "TupleExpression" || c.name === "ArrayExpression")) {
    if (target === value) continue;
    for (const name of target.getChildren("VariableName")) {
      scope.bind(scope.file.source(name), { kind: "other", at: statement.from });
    }
  }
  return names;
}

function bindImport(statement: SyntaxNode, scope: Scope): void {
  const tokens = childrenOf(statement);
  const text = (node: SyntaxNode): string => scope.file.source(node);
  const at = statement.from;
  if (tokens[0]?.name === "from") {
    const importIndex = tokens.findIndex((t) => t.name === "import");
    const module = absoluteModule(tokens.slice(1, importIndex).map(text).join(""), scope.file.packageName);
    for (const group of commaSeparated(tokens.slice(importIndex + 1))) {
      if (group[0]?.name === "*") {
        scope.starImports.push(module);
        continue;
      }
      const imported = group[0] ? text(group[0]) : "";
      const local = group.length >= 3 && group[2] ? text(group[2]) : imported;
      if (imported) scope.bind(local, { kind: "import", at, qualified: `${module}.${imported}` });
    }
    return;
  }
  for (const group of commaSeparated(tokens.slice(1))) {
    const asIndex = group.findIndex((t) => t.name === "as");
    const path = (asIndex < 0 ? group : group.slice(0, asIndex)).map(text).join("");
    const alias = asIndex >= 0 ? group[asIndex + 1] : undefined;
    if (alias) scope.bind(text(alias), { kind: "import", at, qualified: path });
    else {
      const top = path.split(".")[0] ?? path;
      scope.bind(top, { kind: "import", at, qualified: top });
    }
  }
}

/**
 * `from .x import y` inside package `pkg` imports `pkg.x` (each further dot goes one package up). Relative names
 * that lead nowhere (model.py, or above the top package) stay as written, so they resolve to nothing.
 */
function absoluteModule(module: string, packageName: string | undefined): string {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  if (dots === 0 || packageName === undefined || packageName === "") return module;
  const base = packageName.split(".");
  if (dots - 1 >= base.length) return module;
  return [...base.slice(0, base.length - (dots - 1)), module.slice(dots)].filter(Boolean).join(".");
}
