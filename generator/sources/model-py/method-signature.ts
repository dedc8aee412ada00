/**
 * One `@ModelClass.method` function → its MethodSignature, as `build_function_signature` builds it
 * (spec §1.2–§1.5): `self`/`cls` dropped, every parameter (keyword-only, `*args`, `**kw` included) an
 * input field, the return annotation the one output field named `return`, method_type from the iterators.
 */
import type { MethodSignature, MethodTypeName, ModelTypeField } from "clarifai-typed";
import { AnnotationReader, type NormType } from "./annotation-types.js";
import { DefaultReader, type DefaultSpec } from "./default-values.js";
import { cleandoc, docstringOf } from "./docstring.js";
import type { Scope } from "./python-scope.js";
import { defaultString, pyStr, shortestFloat32, type PyValue } from "./python-values.js";
import { pythonFloat } from "./python-literals.js";
import type { NameResolver } from "./resolve-names.js";
import { childrenOf, type SourceFile, type SyntaxNode } from "./syntax-tree.js";

interface PythonParameter {
  readonly name: string;
  readonly node: SyntaxNode;
  annotation?: SyntaxNode;
  default?: SyntaxNode;
}

export function buildMethodSignature(def: SyntaxNode, scope: Scope, names: NameResolver): MethodSignature {
  const file = scope.file;
  const nameNode = def.getChild("VariableName");
  const method = nameNode ? file.source(nameNode) : "?";
  const failAt =
    (parameter?: string) =>
    (node: SyntaxNode, message: string): never => {
      throw file.error(node, message, parameter === undefined ? { method } : { method, parameter });
    };

  const parameters = readParameters(def, file.source.bind(file));
  const receiver = parameters[0] && (parameters[0].name === "self" || parameters[0].name === "cls") ? parameters.shift() : undefined;
  const returnAnnotation =
    typeOf(def.getChild("TypeDef")) ??
    failAt()(nameNode ?? def, "Function must have a return annotation: add one after the parameters, e.g. `-> str` (or `-> Iterator[str]` to stream)");

  const postponed = futureAnnotationsImport(file);
  /** Under `from __future__ import annotations` every annotation is a string, which the SDK does not evaluate. */
  const checkEvaluated = (annotation: SyntaxNode, fail: (node: SyntaxNode, message: string) => never): void => {
    if (!postponed) return;
    fail(
      annotation,
      `\`${file.source(postponed)}\` (line ${file.position(postponed.from).line}) turns every annotation into a string, which the SDK does not evaluate (it reads annotations as written), so it fails with "Unsupported type: ${file.source(annotation)}"; remove that import`,
    );
  };

  const inputs: ModelTypeField[] = [];
  const streamingInputs: string[] = [];
  for (const parameter of parameters) {
    const fail = failAt(parameter.name);
    if (parameter.name === "with_proto") {
      fail(parameter.node, "the name 'with_proto' is reserved by the Clarifai client (it asks for the raw response); rename the parameter");
    }
    const annotation =
      parameter.annotation ??
      fail(parameter.node, `Unsupported type: <class 'inspect._empty'>: parameter '${parameter.name}' has no type annotation; annotate it, e.g. \`${parameter.name}: str\`${receiver || parameter !== parameters[0] ? "" : " (the SDK drops a first parameter only when it is named self or cls)"}`);
    checkEvaluated(annotation, fail);
    const { type, iterator } = new AnnotationReader(names, fail).read(annotation, scope);
    if (iterator) streamingInputs.push(parameter.name);
    const defaultSpec = parameter.default ? new DefaultReader(names, fail).read(parameter.default, scope) : undefined;
    inputs.push(inputField(parameter.name, type, iterator, defaultSpec, fail));
  }

  checkEvaluated(returnAnnotation, failAt());
  const output = new AnnotationReader(names, failAt()).read(returnAnnotation, scope);
  const methodType = methodTypeOf(streamingInputs, output.iterator, (message) => failAt()(nameNode ?? def, message));
  const description = cleandoc(docstringOf(def, file));
  return {
    name: method,
    method_type: methodType,
    ...(description ? { description } : {}),
    ...(inputs.length > 0 ? { input_fields: inputs } : {}),
    output_fields: [field({ name: "return", type: output.type, iterator: output.iterator })],
  };
}

function methodTypeOf(streamingInputs: readonly string[], streamingOutput: boolean, fail: (message: string) => never): MethodTypeName {
  if (streamingInputs.length > 1) {
    fail(`streaming methods must have at most one streaming input (got ${streamingInputs.join(", ")}); stream one Iterator of NamedFields(...) instead`);
  }
  if (streamingInputs.length === 1 && !streamingOutput) {
    fail(`stream methods with streaming inputs must have streaming outputs: parameter '${streamingInputs[0]}' is an Iterator, so return Iterator[T] too`);
  }
  if (streamingInputs.length === 1) return "STREAMING_STREAMING";
  return streamingOutput ? "UNARY_STREAMING" : "UNARY_UNARY";
}

/** The annotation expression of a `TypeDef` node (`: T` or `-> T`). */
function typeOf(typeDef: SyntaxNode | null): SyntaxNode | undefined {
  return typeDef ? childrenOf(typeDef).filter((c) => c.name !== ":").at(-1) : undefined;
}

function readParameters(def: SyntaxNode, source: (node: SyntaxNode) => string): PythonParameter[] {
  const list = def.getChild("ParamList");
  const parameters: PythonParameter[] = [];
  let current: PythonParameter | undefined;
  let expectDefault = false;
  for (const child of list ? childrenOf(list) : []) {
    if (expectDefault && current) {
      current.default = child;
      expectDefault = false;
      continue;
    }
    switch (child.name) {
      case "VariableName":
        current = { name: source(child), node: child };
        parameters.push(current);
        break;
      case "TypeDef":
        if (current) {
          const annotation = typeOf(child);
          if (annotation) current.annotation = annotation;
        }
        break;
      case "AssignOp":
        expectDefault = true;
        break;
      default:
        break;
    }
  }
  return parameters;
}

/** A field with its keys in proto field-number order and default values left out, as the JSON printer does. */
function field(parts: {
  name: string;
  type: NormType;
  iterator?: boolean;
  required?: boolean;
  description?: string;
  choices?: readonly string[];
  range?: { min?: number; max?: number };
  default?: string;
  isParam?: boolean;
}): ModelTypeField {
  const { type, type_args } = typeParts(parts.name, parts.type);
  // Assigned one by one (not spread) because this runs for every field of every method.
  const ordered: Record<string, unknown> = {};
  if (parts.description) ordered["description"] = parts.description;
  if (parts.choices && parts.choices.length > 0) ordered["model_type_enum_options"] = parts.choices.map((id) => ({ id }));
  if (parts.required) ordered["required"] = true;
  if (parts.range) ordered["model_type_range_info"] = parts.range;
  ordered["name"] = parts.name;
  ordered["type"] = type;
  if (type_args) ordered["type_args"] = type_args;
  if (parts.iterator) ordered["iterator"] = true;
  if (parts.default) ordered["default"] = parts.default;
  if (parts.isParam) ordered["is_param"] = true;
  return ordered as unknown as ModelTypeField;
}

/** `_fill_signature_type`: LIST/TUPLE children are named `<name>_item`, NAMED_FIELDS children by field. */
function typeParts(name: string, type: NormType): Pick<ModelTypeField, "type" | "type_args"> {
  switch (type.kind) {
    case "scalar":
      return { type: type.type };
    case "list":
      return { type: "LIST", type_args: [field({ name: `${name}_item`, type: type.item })] };
    case "tuple":
      return { type: "TUPLE", type_args: type.items.map((item) => field({ name: `${name}_item`, type: item })) };
    case "named":
      return { type: "NAMED_FIELDS", type_args: type.fields.map(([fieldName, item]) => field({ name: fieldName, type: item })) };
  }
}

function inputField(
  name: string,
  type: NormType,
  iterator: boolean,
  spec: DefaultSpec | undefined,
  fail: (node: SyntaxNode, message: string) => never,
): ModelTypeField {
  if (!spec) return field({ name, type, iterator, required: true });
  if (spec.kind === "value") return field({ name, type, iterator, default: defaultString(spec.value) });
  const param = spec.param;
  const at = (option: keyof typeof param.nodes): SyntaxNode => param.nodes[option] ?? param.nodes.default ?? (undefined as never);
  if (param.description.kind !== "none" && param.description.kind !== "str") {
    fail(at("description"), "Param description must be a string");
  }
  let choices: string[] | undefined;
  if (param.choices.kind === "list" || param.choices.kind === "tuple") choices = param.choices.items.map(pyStr);
  else if (param.choices.kind !== "none") fail(at("choices"), "Param choices must be a list, e.g. choices=['fast', 'slow']");
  const min = toFloat(param.min_value, () => fail(at("min_value"), "Param min_value must be a number"));
  const max = toFloat(param.max_value, () => fail(at("max_value"), "Param max_value must be a number"));
  const bound = (value: number | undefined, option: "min_value" | "max_value"): number | undefined => {
    const stored = value === undefined ? undefined : shortestFloat32(value);
    if (stored !== undefined && !Number.isFinite(stored)) {
      fail(at(option), `Param ${option} is ${stored} as a 32-bit float; infinite or NaN bounds are not supported here: leave ${option} out for no bound`);
    }
    return stored;
  };
  const low = bound(min, "min_value");
  const high = bound(max, "max_value");
  const range =
    low === undefined && high === undefined ? undefined : { ...(low ? { min: low } : {}), ...(high ? { max: high } : {}) };
  return field({
    name,
    type,
    iterator,
    description: param.description.kind === "str" ? param.description.value : "",
    ...(choices ? { choices } : {}),
    ...(range ? { range } : {}),
    default: defaultString(param.default),
    isParam: truthy(param.is_param),
  });
}

/** Python `float(v)` for the values a bound can hold; undefined for None. */
function toFloat(value: PyValue, fail: () => never): number | undefined {
  switch (value.kind) {
    case "none":
      return undefined;
    case "int":
      return Number(value.value);
    case "float":
      return value.value;
    case "bool":
      return value.value ? 1 : 0;
    case "str":
      return pythonFloat(value.value) ?? fail();
    default:
      return fail();
  }
}

function truthy(value: PyValue): boolean {
  switch (value.kind) {
    case "none":
      return false;
    case "bool":
      return value.value;
    case "int":
      return value.value !== 0n;
    case "float":
      return value.value !== 0;
    case "str":
      return value.value !== "";
    case "bytes":
      return value.value.length > 0;
    case "list":
    case "tuple":
      return value.items.length > 0;
    case "dict":
      return value.entries.length > 0;
    case "object":
      return true;
  }
}

/** The module's `from __future__ import annotations` statement (PEP 563), if any. */
function futureAnnotationsImport(file: SourceFile): SyntaxNode | undefined {
  return childrenOf(file.root).find(
    (statement) => statement.name === "ImportStatement" && /^from\s+__future__\s+import\b[^#]*\bannotations\b/.test(file.source(statement)),
  );
}
