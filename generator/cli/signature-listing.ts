/**
 * A readable listing of signatures in Python form, in the style of the SDK's `python_signatures`
 * (`def predict(prompt: str, n: int = 2) -> str:`), with each docstring and the Param options.
 */
import type { MethodSignature, ModelTypeField } from "clarifai-typed";
import { strRepr } from "../sources/model-py/python-values.js";
import { boundsText } from "../emit/field-docs.js";

const TYPE_NAMES: Readonly<Record<string, string>> = {
  STR: "str",
  BYTES: "bytes",
  INT: "int",
  FLOAT: "float",
  BOOL: "bool",
  NDARRAY: "np.ndarray",
  JSON_DATA: "data_types.JSON",
  TEXT: "data_types.Text",
  IMAGE: "data_types.Image",
  CONCEPT: "data_types.Concept",
  REGION: "data_types.Region",
  FRAME: "data_types.Frame",
  AUDIO: "data_types.Audio",
  VIDEO: "data_types.Video",
};

/** The Python spelling of a field's type, as the SDK prints it. */
export function pythonType(field: ModelTypeField): string {
  const args = field.type_args ?? [];
  switch (field.type) {
    case "LIST":
      return `List[${args[0] ? pythonType(args[0]) : "?"}]`;
    case "TUPLE":
      return `Tuple[${args.map(pythonType).join(", ")}]`;
    case "NAMED_FIELDS":
      return `NamedFields[${args.map((a) => `${a.name}: ${pythonType(a)}`).join(", ")}]`;
    default:
      return TYPE_NAMES[field.type] ?? field.type;
  }
}

function withIterator(field: ModelTypeField): string {
  return field.iterator ? `Iterator[${pythonType(field)}]` : pythonType(field);
}

/**
 * The stored default as a Python literal: strings quoted, JSON null/true/false as None/True/False. An optional field
 * without one had the default "" (the empty string does not travel): `''` for a str, stub-style `...` for others
 * (e.g. `text: Text = ""`), so that it never reads as required.
 */
function pythonDefault(field: ModelTypeField): string | undefined {
  const stored = field.default;
  if (stored === undefined) return field.required ? undefined : field.type === "STR" ? "''" : "...";
  if (stored === "null") return "None";
  if (field.type === "STR") return strRepr(stored);
  if (field.type === "BOOL") return stored === "true" ? "True" : stored === "false" ? "False" : stored;
  return stored;
}

function parameter(field: ModelTypeField): string {
  const value = pythonDefault(field);
  return `${field.name}: ${withIterator(field)}${value === undefined ? "" : ` = ${value}`}`;
}

/** Param options worth seeing: description, choices, range. */
function paramNotes(field: ModelTypeField): string | undefined {
  const notes: string[] = [];
  if (field.description) notes.push(field.description);
  if (field.model_type_enum_options?.length) notes.push(`choices: ${field.model_type_enum_options.map((o) => o.id).join(", ")}`);
  const bounds = boundsText(field);
  if (bounds) notes.push(`range: ${bounds}`);
  return notes.length > 0 ? `${field.name}: ${notes.join("; ")}` : undefined;
}

export function formatSignatureListing(signatures: readonly MethodSignature[]): string {
  return signatures
    .map((signature) => {
      const inputs = signature.input_fields ?? [];
      const output = signature.output_fields?.[0];
      const lines = [
        `def ${signature.name}(${inputs.map(parameter).join(", ")}) -> ${output ? withIterator(output) : "None"}:  # ${signature.method_type}`,
      ];
      if (signature.description) {
        const doc = signature.description.split("\n");
        lines.push(...(doc.length === 1 ? [`    """${doc[0]}"""`] : [`    """${doc[0]}`, ...doc.slice(1).map((l) => (l ? `    ${l}` : "")), `    """`]));
      }
      for (const note of inputs.map(paramNotes)) if (note) lines.push(`    # ${note}`);
      return lines.join("\n");
    })
    .join("\n\n");
}
