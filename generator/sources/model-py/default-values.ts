/**
 * Parameter defaults, evaluated statically: literals, containers, module- or class-level constants, constant
 * arithmetic, `float(...)`, `Text(...)`, and `Param(...)` with its options given by position or keyword (spec §1.4). Anything that
 * needs running code is refused with a message naming the expression.
 */
import { binaryOperation, numberAsFloat, unaryOperation } from "./python-arithmetic.js";
import { decodeNumber, decodeStrings, pythonFloat, UnsupportedLiteral } from "./python-literals.js";
import type { Scope } from "./python-scope.js";
import { PY_NONE, pyRepr, type PyValue } from "./python-values.js";
import type { NameResolver, Resolved } from "./resolve-names.js";
import { childrenOf, commaSeparated, type SyntaxNode } from "./syntax-tree.js";
import type { Fail } from "./annotation-types.js";

/** `Param(default, description=None, min_value=None, max_value=None, choices=None, is_param=True)`. */
export interface ParamCall {
  readonly default: PyValue;
  readonly description: PyValue;
  readonly min_value: PyValue;
  readonly max_value: PyValue;
  readonly choices: PyValue;
  readonly is_param: PyValue;
  /** Where each option was written, for errors. */
  readonly nodes: Readonly<Partial<Record<ParamOption, SyntaxNode>>>;
}

export type DefaultSpec = { readonly kind: "value"; readonly value: PyValue } | { readonly kind: "param"; readonly param: ParamCall };

const PARAM_OPTIONS = ["default", "description", "min_value", "max_value", "choices", "is_param"] as const;
type ParamOption = (typeof PARAM_OPTIONS)[number];

const PARAM_NAME = /^clarifai\..*\.Param$/;
const TEXT_NAME = /^clarifai\.runners\.utils\.data_types(?:\.data_types)?\.Text$/;
const MAX_DEPTH = 64;

const CANNOT_EVALUATE =
  "cannot be computed without running the file; use a literal (number, string, True/False/None, list, tuple, dict) or a module-level constant holding one";

export class DefaultReader {
  constructor(
    private readonly names: NameResolver,
    private readonly fail: Fail,
  ) {}

  read(node: SyntaxNode, scope: Scope): DefaultSpec {
    if (node.name === "CallExpression" && this.calleeMatches(node, scope, PARAM_NAME)) {
      return { kind: "param", param: this.param(node, scope) };
    }
    return { kind: "value", value: this.evaluate(node, scope) };
  }

  evaluate(node: SyntaxNode, scope: Scope, depth = 0): PyValue {
    if (depth > MAX_DEPTH) this.fail(node, `the default ${this.text(node, scope)} is nested too deeply to evaluate`);
    try {
      return this.evaluateNode(node, scope, depth);
    } catch (error) {
      if (error instanceof UnsupportedLiteral) this.fail(node, `the default ${this.text(node, scope)}: ${error.message}`);
      throw error;
    }
  }

  private evaluateNode(node: SyntaxNode, scope: Scope, depth: number): PyValue {
    const items = (): SyntaxNode[] => commaSeparated(childrenOf(node)).map((item) => this.single(item, node, scope));
    switch (node.name) {
      case "Number":
        return decodeNumber(this.text(node, scope));
      case "String":
        return decodeStrings([this.text(node, scope)]);
      case "ContinuedString": {
        const parts = childrenOf(node);
        if (parts.some((part) => part.name !== "String")) this.fail(node, `the default ${this.text(node, scope)} ${CANNOT_EVALUATE}`);
        return decodeStrings(parts.map((part) => this.text(part, scope)));
      }
      case "Boolean":
        return { kind: "bool", value: this.text(node, scope) === "True" };
      case "None":
        return PY_NONE;
      case "UnaryExpression": {
        const [op, operand] = childrenOf(node);
        if (!op || !operand || op.name === "not") return this.cannotEvaluate(node, scope);
        return unaryOperation(this.text(op, scope), this.evaluate(operand, scope, depth + 1));
      }
      case "BinaryExpression": {
        const [left, op, right] = childrenOf(node);
        if (!left || !right || (op?.name !== "ArithOp" && op?.name !== "BitOp")) return this.cannotEvaluate(node, scope);
        return binaryOperation(this.text(op, scope), this.evaluate(left, scope, depth + 1), this.evaluate(right, scope, depth + 1));
      }
      case "ParenthesizedExpression": {
        const inner = childrenOf(node).filter((c) => c.name !== "(" && c.name !== ")");
        return this.evaluate(this.single(inner, node, scope), scope, depth + 1);
      }
      case "ArrayExpression":
        return { kind: "list", items: items().map((item) => this.evaluate(item, scope, depth + 1)) };
      case "TupleExpression":
        return { kind: "tuple", items: items().map((item) => this.evaluate(item, scope, depth + 1)) };
      case "DictionaryExpression":
        return this.dict(node, scope, depth);
      case "VariableName":
      case "MemberExpression":
        return this.constant(node, scope, depth);
      case "CallExpression":
        if (this.calleeMatches(node, scope, TEXT_NAME)) return this.text_(node, scope, depth);
        if (this.calleeMatches(node, scope, /^builtins\.float$/)) return this.float_(node, scope, depth);
        if (this.calleeMatches(node, scope, PARAM_NAME)) this.fail(node, "Param(...) must be the parameter's default itself, not part of another value");
        return this.cannotEvaluate(node, scope);
      case "SetExpression":
        return this.fail(node, "set defaults are not supported (their order is not stable); use a list");
      default:
        return this.cannotEvaluate(node, scope);
    }
  }

  /** The refusal for an expression that needs running code; reading the environment gets its own advice. */
  private cannotEvaluate(node: SyntaxNode, scope: Scope): never {
    const text = this.text(node, scope);
    if (this.readsEnvironment(node, scope)) {
      return this.fail(
        node,
        `the default ${text} reads the environment when the SDK imports the file, so its value is known only where the model runs; write the default as a literal here, or generate the client from the uploaded model (gen-client <user>/<app>/<model>), whose published signature holds the value it saw`,
      );
    }
    return this.fail(node, `the default ${text} ${CANNOT_EVALUATE}`);
  }

  /** Whether the expression mentions os.environ / os.getenv (however imported). */
  private readsEnvironment(node: SyntaxNode, scope: Scope): boolean {
    let found = false;
    const cursor = node.cursor();
    do {
      if (cursor.name === "VariableName" || cursor.name === "MemberExpression") {
        const resolved = this.names.resolve(cursor.node, scope);
        if (resolved.kind === "external" && /^os\.(environ|getenv)\b/.test(resolved.qualified)) found = true;
      }
    } while (!found && cursor.next() && cursor.from < node.to);
    return found;
  }

  private dict(node: SyntaxNode, scope: Scope, depth: number): PyValue {
    const entries: (readonly [PyValue, PyValue])[] = [];
    for (const item of commaSeparated(childrenOf(node))) {
      const [key, colon, value] = item;
      if (!key || colon?.name !== ":" || !value || item.length !== 3) this.fail(item[0] ?? node, `the default ${this.text(node, scope)} ${CANNOT_EVALUATE}`);
      const k = this.evaluate(key, scope, depth + 1);
      const v = this.evaluate(value, scope, depth + 1);
      // A repeated key keeps its first position and takes the last value, as in CPython.
      const index = entries.findIndex(([existing]) => pyRepr(existing) === pyRepr(k) && existing.kind === k.kind);
      if (index >= 0) entries[index] = [entries[index]?.[0] ?? k, v];
      else entries.push([k, v]);
    }
    return { kind: "dict", entries };
  }

  private constant(node: SyntaxNode, scope: Scope, depth: number): PyValue {
    const resolved: Resolved = this.names.resolve(node, scope);
    if (resolved.kind === "value") return this.evaluate(resolved.node, resolved.scope, depth + 1);
    if (resolved.kind === "undefined") this.fail(node, `name '${resolved.name}' is not defined before this default; define the constant above the class`);
    return this.cannotEvaluate(node, scope);
  }

  /** `data_types.Text(text, url)` is not JSON, so the SDK stores its dataclass repr. */
  private text_(node: SyntaxNode, scope: Scope, depth: number): PyValue {
    const args = this.callArguments(node, scope, ["text", "url"], depth);
    const text = args.values.text ?? { kind: "str", value: "" };
    const url = args.values.url ?? PY_NONE;
    return { kind: "object", repr: `Text(text=${pyRepr(text)}, url=${pyRepr(url)})` };
  }

  /** `float(x)`, e.g. `float("inf")` as a max_value: Python's float() of a number or a numeric string. */
  private float_(node: SyntaxNode, scope: Scope, depth: number): PyValue {
    const { x } = this.callArguments(node, scope, ["x"], depth).values;
    if (x === undefined) return { kind: "float", value: 0 };
    const parsed = x.kind === "str" ? pythonFloat(x.value) : numberAsFloat(x);
    if (parsed === undefined) return this.fail(node, `the default ${this.text(node, scope)}: Python's float() cannot convert that (ValueError)`);
    return { kind: "float", value: parsed };
  }

  private param(node: SyntaxNode, scope: Scope): ParamCall {
    const { values, nodes } = this.callArguments(node, scope, PARAM_OPTIONS, 0);
    if (!values.default) this.fail(node, "Param(...) needs a default: write Param(default=<value>, ...)");
    return {
      default: values.default,
      description: values.description ?? PY_NONE,
      min_value: values.min_value ?? PY_NONE,
      max_value: values.max_value ?? PY_NONE,
      choices: values.choices ?? PY_NONE,
      is_param: values.is_param ?? { kind: "bool", value: true },
      nodes,
    };
  }

  /** Binds a call's positional and keyword arguments to the callee's parameter names, as Python does. */
  private callArguments<Name extends string>(
    node: SyntaxNode,
    scope: Scope,
    parameters: readonly Name[],
    depth: number,
  ): { values: Partial<Record<Name, PyValue>>; nodes: Partial<Record<Name, SyntaxNode>> } {
    const values: Partial<Record<Name, PyValue>> = {};
    const nodes: Partial<Record<Name, SyntaxNode>> = {};
    const argList = node.getChild("ArgList");
    const callee = this.text(node.firstChild ?? node, scope);
    const args = argList ? commaSeparated(childrenOf(argList)) : [];
    args.forEach((arg, index) => {
      const keyword = arg.length === 3 && arg[1]?.name === "AssignOp" ? this.text(arg[0] as SyntaxNode, scope) : undefined;
      const valueNode = keyword === undefined ? this.single(arg, node, scope) : (arg[2] as SyntaxNode);
      const name = (keyword ?? parameters[index]) as Name | undefined;
      if (name === undefined || !parameters.includes(name)) {
        this.fail(arg[0] ?? node, keyword === undefined ? `${callee}() takes at most ${parameters.length} positional arguments` : `${callee}() has no option '${keyword}'; its options are ${parameters.join(", ")}`);
      }
      if (values[name] !== undefined) this.fail(arg[0] ?? node, `${callee}() got '${name}' twice`);
      values[name] = this.evaluate(valueNode, scope, depth + 1);
      nodes[name] = valueNode;
    });
    return { values, nodes };
  }

  private calleeMatches(node: SyntaxNode, scope: Scope, pattern: RegExp): boolean {
    const callee = node.firstChild;
    if (!callee || node.name !== "CallExpression") return false;
    const resolved = this.names.resolve(callee, scope);
    return resolved.kind === "external" && pattern.test(resolved.qualified);
  }

  private single(item: readonly SyntaxNode[], at: SyntaxNode, scope: Scope): SyntaxNode {
    if (item.length !== 1) this.fail(item[0] ?? at, `the default ${this.text(at, scope)} ${CANNOT_EVALUATE}`);
    return item[0] as SyntaxNode;
  }

  private text(node: SyntaxNode, scope: Scope): string {
    return scope.file.source(node);
  }
}
