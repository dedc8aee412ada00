/**
 * The one table of what a generated client may import from the runtime (docs/internals.md "Runtime public
 * API"). Values are imported as values, everything else with `type`.
 */
export const RUNTIME_SYMBOLS = {
  createModelClient: "value",
  CallOptions: "type",
  ClientOptions: "type",
  MethodSignature: "type",
  Text: "type",
  Image: "type",
  Audio: "type",
  Video: "type",
  NDArray: "type",
  Concept: "type",
  Region: "type",
  Frame: "type",
  ConceptInput: "type",
  RegionInput: "type",
  FrameInput: "type",
  JsonValue: "type",
  JsonObject: "type",
  JsonArray: "type",
} as const;

export type RuntimeSymbol = keyof typeof RUNTIME_SYMBOLS;

/** Import specifiers for the symbols used, in the table's order (so the import line is deterministic). */
export function importSpecifiers(used: ReadonlySet<RuntimeSymbol>): string[] {
  return (Object.keys(RUNTIME_SYMBOLS) as RuntimeSymbol[])
    .filter((symbol) => used.has(symbol))
    .map((symbol) => (RUNTIME_SYMBOLS[symbol] === "type" ? `type ${symbol}` : symbol));
}
