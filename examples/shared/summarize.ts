/**
 * One-line, human-readable renderings of the values typed clients return: strings, numbers, concepts,
 * regions, media, arrays, NamedFields objects. Long values are shortened; nothing here changes a value.
 */
import path from "node:path";
import { Audio, Image, NDArray, Text, Video } from "clarifai-typed";

const MAX_STRING = 70;
const MAX_ITEMS = 6;

const isConcept = (v: object): v is { name: string; value: number } =>
  "name" in v &&
  "value" in v &&
  typeof v.value === "number" &&
  Object.keys(v).every((k) => ["id", "name", "value"].includes(k));
const isRegion = (v: object): v is { id: string; box?: number[]; concepts: unknown[] } =>
  "concepts" in v && "trackId" in v;

export function summarize(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value !== "object" || value === null) return String(value);
  if (value instanceof Text) return `Text(${summarize(value.text)})`;
  if (value instanceof Image || value instanceof Audio || value instanceof Video) return summarizeMedia(value);
  if (value instanceof NDArray) return summarizeArray(value);
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (Array.isArray(value)) return summarizeList(value);
  if (isConcept(value)) return `${value.name} ${value.value.toFixed(2)}`;
  if (isRegion(value)) {
    const box = value.box ? ` [${value.box.map((x) => x.toFixed(2)).join(", ")}]` : "";
    return `${value.id}${box} ${summarizeList(value.concepts)}`;
  }
  const fields = Object.entries(value).map(([k, v]) => `${k}: ${summarize(v)}`);
  return `{ ${fields.join(", ")} }`;
}

function summarizeList(items: readonly unknown[]): string {
  const shown = items.slice(0, MAX_ITEMS).map(summarize);
  if (items.length > MAX_ITEMS) shown.push(`… ${items.length - MAX_ITEMS} more`);
  return `[${shown.join(", ")}]`;
}

function summarizeMedia(media: Image | Audio | Video): string {
  const kind = media.constructor.name;
  if (media.bytes) return `${kind}(${media.bytes.length} bytes)`;
  return media.url ? `${kind}(${media.url})` : `${kind}(${media.path ? path.basename(media.path) : "empty"})`;
}

function summarizeArray(array: NDArray): string {
  const values = Array.from(array.data as ArrayLike<number>)
    .slice(0, MAX_ITEMS)
    .map((x) => summarize(Number(x)));
  const more = array.size > MAX_ITEMS ? ", …" : "";
  return `NDArray<${array.dtype}>[${array.shape.join("×")}] [${values.join(", ")}${more}]`;
}
