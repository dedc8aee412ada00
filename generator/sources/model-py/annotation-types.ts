/**
 * A Python annotation → the SDK's data type (spec §1.3), following `_normalize_type` /
 * `_normalize_data_type` of clarifai/runners/utils/method_signatures.py rule by rule, in the same order,
 * and rejecting what it rejects with a message that says what to write instead.
 */
import type { DataTypeName } from "clarifai-typed";
import { decodeStringToken } from "./python-literals.js";
import type { ClassDecl, Scope } from "./python-scope.js";
import type { NameResolver } from "./resolve-names.js";
import { childrenOf, commaSeparated, firstLine, type SyntaxNode } from "./syntax-tree.js";

export type NormType =
  | { readonly kind: "scalar"; readonly type: DataTypeName }
  | { readonly kind: "list"; readonly item: NormType }
  | { readonly kind: "tuple"; readonly items: readonly NormType[] }
  | { readonly kind: "named"; readonly fields: readonly (readonly [string, NormType])[] };

/** Reports an error at a node; never returns. */
export type Fail = (node: SyntaxNode, message: string) => never;

const DATA_TYPE_MODULE = /^clarifai\.runners\.utils\.data_types(?:\.data_types)?\.(\w+)$/;

/** Why a file using `data_types.Stream` cannot be read (the name is gone from the SDK). */
export const NO_STREAM =
  "clarifai.runners.utils.data_types has no Stream (a name from early SDK versions), so the current SDK cannot import this file; to stream, annotate Iterator[T] (from typing import Iterator), e.g. -> Iterator[str]";
const TYPING_MODULE = /^(?:typing|typing_extensions|collections\.abc)\.(\w+)$/;

/** Canonical ids of the names that matter; anything else is unsupported. */
function canonicalId(qualified: string): string {
  const dataType = DATA_TYPE_MODULE.exec(qualified)?.[1];
  if (dataType) return `dt.${dataType}`;
  const typing = TYPING_MODULE.exec(qualified)?.[1];
  if (typing) return typing === "Text" ? "str" : typing;
  if (qualified.startsWith("builtins.")) return qualified.slice("builtins.".length);
  if (qualified === "numpy.ndarray" || qualified === "numpy.typing.NDArray") return "ndarray";
  return qualified;
}

const SCALARS: Readonly<Record<string, DataTypeName>> = {
  str: "STR",
  bytes: "BYTES",
  int: "INT",
  float: "FLOAT",
  bool: "BOOL",
  ndarray: "NDARRAY",
  "dt.JSON": "JSON_DATA",
  "dt.Text": "TEXT",
  "dt.Image": "IMAGE",
  "PIL.Image.Image": "IMAGE",
  "dt.Concept": "CONCEPT",
  "dt.Region": "REGION",
  "dt.Frame": "FRAME",
  "dt.Audio": "AUDIO",
  "dt.Video": "VIDEO",
};

const ITERATORS = new Set(["Iterator", "Iterable", "Generator"]);
const ASYNC_ITERATORS = new Set(["AsyncIterator", "AsyncIterable", "AsyncGenerator"]);
const JSONABLE_LEAVES = new Set(["dict", "list", "tuple", "str", "int", "float", "bool", "None", "NoneType", "Dict", "List", "Tuple"]);

const SUPPORTED =
  "supported: str, bytes, int, float, bool, dict (JSON), np.ndarray, data_types Text/Image/Audio/Video/Concept/Region/Frame, List[T], Tuple[T1, T2], NamedFields(a=T)";

/** A type expression, taken apart: a (resolved) name with optional subscript arguments, or a literal form. */
type Head =
  | { readonly kind: "name"; readonly id: string; readonly args?: readonly SyntaxNode[]; readonly node: SyntaxNode }
  | { readonly kind: "class"; readonly cls: ClassDecl; readonly node: SyntaxNode }
  | { readonly kind: "alias"; readonly node: SyntaxNode; readonly scope: Scope }
  | { readonly kind: "literal"; readonly node: SyntaxNode; readonly scope: Scope };

export class AnnotationReader {
  /** NamedFields classes being read, to refuse one that contains itself. */
  private readonly reading = new Set<ClassDecl>();

  constructor(
    private readonly names: NameResolver,
    private readonly fail: Fail,
  ) {}

  /** The top level: `Iterator[T]` (and Iterable, Generator) marks a stream of T. */
  read(node: SyntaxNode, scope: Scope): { type: NormType; iterator: boolean } {
    const head = this.head(node, scope);
    if (head.kind === "alias") return this.read(head.node, head.scope);
    if (head.kind === "name" && ITERATORS.has(head.id)) {
      const item = head.args?.[0];
      if (!item) this.fail(node, `${head.id} needs an item type: write ${head.id}[str] (or the type it yields)`);
      return { type: this.data(item, scope), iterator: true };
    }
    return { type: this.data(node, scope), iterator: false };
  }

  private data(node: SyntaxNode, scope: Scope): NormType {
    const head = this.head(node, scope);
    if (head.kind === "alias") return this.data(head.node, head.scope);
    if (head.kind === "literal") return this.literal(head.node, head.scope);
    if (head.kind === "class") return this.namedFieldsClass(head.cls, node, scope);
    const { id, args } = head;
    const text = this.source(node, scope);
    if (id === "list" || id === "List") {
      if (!args) return { kind: "scalar", type: "JSON_DATA" };
      if (args.length !== 1) this.fail(node, `${id}[...] takes exactly one item type, e.g. List[str]; for a fixed sequence of types use Tuple[A, B]`);
      return { kind: "list", item: this.data(args[0] as SyntaxNode, scope) };
    }
    if (id === "tuple" || id === "Tuple") {
      if (!args) this.fail(node, `a ${id} annotation needs its element types: write Tuple[str, int]`);
      if (args.length === 0) this.fail(node, "Tuple must have types specified: write Tuple[str, int]");
      return { kind: "tuple", items: args.map((arg) => this.data(arg, scope)) };
    }
    if (id === "dt.NamedFields") this.fail(node, "NamedFields must have types specified: write NamedFields(name=str, score=float)");
    if (id === "ndarray") return { kind: "scalar", type: "NDARRAY" };
    if (id === "PIL.Image") this.fail(node, "Use PIL.Image.Image instead of PIL.Image module (or data_types.Image)");
    if (id === "dict" || id === "Dict") {
      if (!args || args.every((arg) => this.jsonable(arg, scope))) return { kind: "scalar", type: "JSON_DATA" };
      this.fail(node, `${text} is not JSON: its key and value types must be str, int, float, bool, None, list, dict or tuple (Any is not allowed); use plain dict for arbitrary JSON`);
    }
    const scalar = SCALARS[id];
    if (scalar && !args) return { kind: "scalar", type: scalar };
    if (ITERATORS.has(id)) this.fail(node, `${text}: iterators are only allowed at the top level of a parameter or return annotation (Iterator[T]), not inside another type`);
    if (ASYNC_ITERATORS.has(id)) this.fail(node, `${text}: async iterators are not supported; declare a regular method returning Iterator[T]`);
    if (id === "Optional" || id === "Union") this.fail(node, `${text}: Optional and Union are not supported; for an optional parameter write \`name: T = None\``);
    if (id === "dt.Stream") this.fail(node, NO_STREAM);
    if (id === "Any") this.fail(node, `Any is not supported: the SDK needs a concrete type (${SUPPORTED})`);
    if (id === "None" || id === "NoneType") this.fail(node, "None is not a supported type: a method must return a value (e.g. -> str), and parameters need a concrete type");
    return this.fail(node, `Unsupported type: ${text} (${SUPPORTED})`);
  }

  /** Tuple/list literals are tuples; dict literals and NamedFields(...) calls are named fields. */
  private literal(node: SyntaxNode, scope: Scope): NormType {
    const items = commaSeparated(childrenOf(node));
    switch (node.name) {
      case "ArrayExpression":
      case "TupleExpression":
        if (items.length === 0) this.fail(node, "an empty tuple is not a type: list the element types, e.g. [str, int]");
        return { kind: "tuple", items: items.map((item) => this.data(this.single(item, node), scope)) };
      case "DictionaryExpression":
        return {
          kind: "named",
          fields: items.map((item) => {
            const [key, colon, value] = item;
            if (!key || colon?.name !== ":" || !value || key.name !== "String") {
              return this.fail(item[0] ?? node, "a dict annotation must map string field names to types, e.g. {'name': str}");
            }
            return [decodeStringToken(this.source(key, scope)).text, this.data(value, scope)] as const;
          }),
        };
      case "CallExpression": {
        const callee = node.firstChild;
        const argList = node.getChild("ArgList");
        const id = callee ? this.head(callee, scope) : undefined;
        if (id?.kind !== "name" || id.id !== "dt.NamedFields" || !argList) {
          return this.fail(node, `Unsupported type: ${this.source(node, scope)} (a call in an annotation must be NamedFields(a=T, ...))`);
        }
        const args = commaSeparated(childrenOf(argList));
        if (args.length === 0) this.fail(node, "NamedFields must have types specified: write NamedFields(name=str, score=float)");
        return {
          kind: "named",
          fields: args.map((arg) => {
            const [name, op, value] = arg;
            if (name?.name !== "VariableName" || op?.name !== "AssignOp" || !value || arg.length !== 3) {
              return this.fail(arg[0] ?? node, "NamedFields takes keyword arguments only: NamedFields(name=str, score=float)");
            }
            return [this.source(name, scope), this.data(value, scope)] as const;
          }),
        };
      }
      case "BinaryExpression":
        return this.fail(node, `${this.source(node, scope)}: unions (X | Y) are not supported; for an optional parameter write \`name: T = None\``);
      case "Ellipsis":
        return this.fail(node, "variable-length tuples (Tuple[T, ...]) are not supported; use List[T]");
      default:
        return this.fail(node, `Unsupported type: ${this.source(node, scope)} (${SUPPORTED})`);
    }
  }

  /**
   * A class of the file used as a type: the SDK takes a NamedFields subclass (`class Out(NamedFields): text: str`)
   * as named fields, one per annotation of the class's own body in order (`tp.__annotations__`), each normalised
   * like any other type.
   */
  private namedFieldsClass(cls: ClassDecl, node: SyntaxNode, scope: Scope): NormType {
    if (!this.derivesFromNamedFields(cls, new Set())) {
      this.fail(node, `Unsupported type: ${this.source(node, scope)}, a class of this file that does not derive from NamedFields (${SUPPORTED})`);
    }
    if (this.reading.has(cls)) this.fail(node, `class ${cls.name} contains itself through its fields; the SDK cannot build such a type`);
    this.reading.add(cls);
    try {
      return { kind: "named", fields: [...this.classAnnotations(cls)].map(([name, type]) => [name, this.data(type, cls.bodyScope)] as const) };
    } finally {
      this.reading.delete(cls);
    }
  }

  private derivesFromNamedFields(cls: ClassDecl, seen: Set<ClassDecl>): boolean {
    if (seen.has(cls)) return false;
    seen.add(cls);
    return cls.bases.some((base) => {
      const resolved = this.names.resolve(base, cls.outerScope);
      if (resolved.kind === "external") return canonicalId(resolved.qualified) === "dt.NamedFields";
      return resolved.kind === "class" && this.derivesFromNamedFields(resolved.cls, seen);
    });
  }

  /**
   * `cls.__annotations__`: the `name: T` statements of the class body, first position and last type per name. One
   * under an `if`, `for`, `try` or `with` would exist only if that branch runs, which the reader cannot know.
   */
  private classAnnotations(cls: ClassDecl): Map<string, SyntaxNode> {
    const annotations = new Map<string, SyntaxNode>();
    const body = cls.node.getChild("Body");
    for (const statement of body ? childrenOf(body) : []) {
      const annotated = annotationOf(statement);
      if (annotated) annotations.set(cls.file.source(annotated.name), annotated.type);
      else if (!["FunctionDefinition", "ClassDefinition", "DecoratedStatement"].includes(statement.name)) {
        statement.cursor().iterate((n) => {
          if (n.name === "FunctionDefinition" || n.name === "ClassDefinition" || n.name === "LambdaExpression") return false;
          if (n.name === "AssignStatement" && annotationOf(n.node)) {
            this.fail(n.node, `class ${cls.name} declares a field inside \`${firstLine(cls.file.source(statement))}\`, so it exists only if that branch runs; declare NamedFields fields directly in the class body`);
          }
          return undefined;
        });
      }
    }
    return annotations;
  }

  /** `_is_jsonable`: JSON leaf types, or list/tuple/dict generics whose arguments are all jsonable. */
  private jsonable(node: SyntaxNode, scope: Scope, depth = 0): boolean {
    const head = this.head(node, scope);
    if (head.kind === "alias") return depth < 32 && this.jsonable(head.node, head.scope, depth + 1);
    if (head.kind !== "name") return false;
    if (!head.args) return JSONABLE_LEAVES.has(head.id);
    return ["list", "List", "tuple", "Tuple", "dict", "Dict"].includes(head.id) && head.args.every((arg) => this.jsonable(arg, scope, depth + 1));
  }

  private head(node: SyntaxNode, scope: Scope): Head {
    switch (node.name) {
      case "String":
        return this.fail(node, stringAnnotationMessage(this.source(node, scope)));
      case "None":
        return { kind: "name", id: "None", node };
      case "ParenthesizedExpression": {
        const inner = childrenOf(node).filter((c) => c.name !== "(" && c.name !== ")");
        return inner.length === 1 ? this.head(inner[0] as SyntaxNode, scope) : { kind: "literal", node, scope };
      }
      case "MemberExpression": {
        const open = node.getChild("[");
        if (!open) return this.named(node, scope);
        const base = node.firstChild;
        const inside = childrenOf(node).filter((c) => c.from >= open.from);
        let args = commaSeparated(inside).map((item) => this.single(item, node));
        // `Tuple[()]` is the empty argument list.
        if (args.length === 1 && args[0]?.name === "TupleExpression" && commaSeparated(childrenOf(args[0])).length === 0) args = [];
        const baseHead = base ? this.head(base, scope) : undefined;
        if (baseHead?.kind !== "name") return this.fail(node, `Unsupported type: ${this.source(node, scope)} (${SUPPORTED})`);
        return { kind: "name", id: baseHead.id, args, node };
      }
      case "VariableName":
        return this.named(node, scope);
      default:
        return { kind: "literal", node, scope };
    }
  }

  private named(node: SyntaxNode, scope: Scope): Head {
    const resolved = this.names.resolve(node, scope);
    switch (resolved.kind) {
      case "external":
        return { kind: "name", id: canonicalId(resolved.qualified), node };
      case "value":
        return { kind: "alias", node: resolved.node, scope: resolved.scope };
      case "undefined":
        return this.fail(node, `name '${resolved.name}' is not defined or imported before it is used; import it (e.g. from clarifai.runners.utils.data_types import ${resolved.name})`);
      case "class":
        return { kind: "class", cls: resolved.cls, node };
      default:
        return { kind: "name", id: this.source(node, scope), node };
    }
  }

  private single(item: readonly SyntaxNode[], at: SyntaxNode): SyntaxNode {
    if (item.length !== 1) this.fail(item[0] ?? at, "expected a single type here");
    return item[0] as SyntaxNode;
  }

  private source(node: SyntaxNode, scope: Scope): string {
    return scope.file.source(node);
  }
}

/** `name: T` (with or without a value): its name and type nodes. Other targets (`self.x: T`) are not annotations. */
function annotationOf(statement: SyntaxNode): { name: SyntaxNode; type: SyntaxNode } | undefined {
  if (statement.name !== "AssignStatement") return undefined;
  const [target, typeDef] = childrenOf(statement);
  const type = typeDef?.name === "TypeDef" ? childrenOf(typeDef).find((c) => c.name !== ":") : undefined;
  return target?.name === "VariableName" && type ? { name: target, type } : undefined;
}

/**
 * The SDK reads annotations as they are, without evaluating strings (`inspect.signature(func)`, `tp.__annotations__`),
 * so a string annotation fails there with "Unsupported type: <the string>".
 */
function stringAnnotationMessage(token: string): string {
  let text = token;
  try {
    text = decodeStringToken(token).text;
  } catch {
    // Not a plain string literal (e.g. an f-string): name it as written.
  }
  return `the annotation ${token} is a string, which the SDK does not evaluate (it reads annotations as written), so it fails with "Unsupported type: ${text}"; write the type itself, e.g. ${text}`;
}
