/**
 * The TypeScript type of a signature field, as an argument (what callers may pass) or as a result (what the
 * runtime returns) — the table in docs/internals.md "Data types".
 */
import type { ModelTypeField } from "../../runtime/signature.js";
import { propertyKey } from "./identifiers.js";
import type { RuntimeSymbol } from "./runtime-symbols.js";

export type Direction = "argument" | "result";

/** Collects the runtime symbols the emitted types refer to. */
export type UseSymbol = (symbol: RuntimeSymbol) => string;

const SCALARS: Partial<Record<ModelTypeField["type"], { argument: string; result: string }>> = {
  STR: { argument: "string", result: "string" },
  BYTES: { argument: "Uint8Array", result: "Uint8Array" },
  INT: { argument: "number | bigint", result: "number" },
  FLOAT: { argument: "number", result: "number" },
  BOOL: { argument: "boolean", result: "boolean" },
};

/** Thrown for a signature the generator cannot express; the message names the field and what is wrong. */
export class UnsupportedSignatureError extends Error {
  override readonly name = "UnsupportedSignatureError";
}

/** The type of `field` (ignoring its `iterator` flag, which the method shape handles). */
export function fieldType(field: ModelTypeField, direction: Direction, use: UseSymbol, path: string): string {
  const scalar = SCALARS[field.type];
  if (scalar) {
    const choices = field.model_type_enum_options ?? [];
    if (direction === "argument" && field.type === "STR" && choices.length > 0) {
      return [...new Set(choices.map((c) => JSON.stringify(c.id)))].join(" | ");
    }
    return scalar[direction];
  }
  const args = field.type_args ?? [];
  switch (field.type) {
    case "NDARRAY":
      return direction === "argument" ? use("NDArray") : `${use("NDArray")} | null`;
    case "JSON_DATA":
      return direction === "argument" ? `${use("JsonObject")} | ${use("JsonArray")}` : use("JsonValue");
    case "TEXT":
      return direction === "argument" ? `${use("Text")} | string` : use("Text");
    case "IMAGE":
      return use("Image");
    case "AUDIO":
      return use("Audio");
    case "VIDEO":
      return use("Video");
    case "CONCEPT":
      return use(direction === "argument" ? "ConceptInput" : "Concept");
    case "REGION":
      return use(direction === "argument" ? "RegionInput" : "Region");
    case "FRAME":
      return use(direction === "argument" ? "FrameInput" : "Frame");
    case "LIST": {
      const [item] = args;
      if (args.length !== 1 || !item) throw unsupported(path, `LIST needs exactly one type argument, got ${args.length}`);
      const element = parenthesize(fieldType(item, direction, use, `${path}[]`));
      return direction === "argument" ? `readonly ${element}[]` : `${element}[]`;
    }
    case "TUPLE": {
      if (args.length === 0) throw unsupported(path, "TUPLE needs at least one type argument");
      const elements = args.map((a, i) => fieldType(a, direction, use, `${path}[${i}]`)).join(", ");
      return direction === "argument" ? `readonly [${elements}]` : `[${elements}]`;
    }
    case "NAMED_FIELDS":
      return objectType(args, direction, use, path);
    default:
      throw unsupported(path, `data type ${JSON.stringify(field.type)} has no TypeScript mapping`);
  }
}

/** `{ a: A; b: B }` for NAMED_FIELDS members (every member is required, as in the SDK). */
export function objectType(members: readonly ModelTypeField[], direction: Direction, use: UseSymbol, path: string): string {
  if (members.length === 0) throw unsupported(path, "NAMED_FIELDS needs at least one field");
  const body = members.map((m) => `${propertyKey(m.name)}: ${fieldType(m, direction, use, `${path}.${m.name}`)};`);
  return `{ ${body.join(" ")} }`;
}

/** Wraps a union or a `readonly` array in parentheses so it can take `[]`. */
export function parenthesize(type: string): string {
  return type.startsWith("readonly ") || (/[|&]/u.test(type) && !/^[[{(]/u.test(type)) ? `(${type})` : type;
}

function unsupported(path: string, problem: string): UnsupportedSignatureError {
  return new UnsupportedSignatureError(`${path}: ${problem}; regenerate after fixing the model's signature`);
}
