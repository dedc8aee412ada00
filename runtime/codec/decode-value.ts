/**
 * `Data` → the runtime value its field's DataType describes (spec §3.2, §3.3). Defensive: anything that
 * does not match the signature is a ClarifaiError naming the path, never a TypeError.
 */
import { wire, type Data, type Long } from "../wire/index.js";
import { NDArray } from "../data-types/ndarray.js";
import { Text } from "../data-types/text.js";
import type { ModelTypeField } from "../signature.js";
import { malformed } from "./decode-error.js";
import { structToJson } from "./json-value.js";
import { mediaFromProto } from "./media-proto.js";
import { conceptFromProto, frameFromProto, regionFromProto } from "./structured.js";

export function decodeValue(method: string, field: ModelTypeField, data: Data, path: string): unknown {
  switch (field.type) {
    case "STR":
      return data.stringValue;
    case "INT":
      return safeNumber(method, data.intValue, path);
    case "FLOAT":
      return data.floatValue;
    case "BOOL":
      return data.boolValue;
    case "BYTES":
      return data.bytesValue;
    case "NDARRAY":
      return decodeNDArray(method, data, path);
    case "JSON_DATA":
      return decodeJson(method, data, path);
    case "TEXT":
      return data.text ? new Text(data.text.raw, data.text.url || undefined) : null;
    case "IMAGE":
      return data.image ? mediaFromProto("image", data.image) : null;
    case "AUDIO":
      return data.audio ? mediaFromProto("audio", data.audio) : null;
    case "VIDEO":
      return data.video ? mediaFromProto("video", data.video) : null;
    // A single CONCEPT/REGION/FRAME decodes like the Python SDK: none → null, one → it, several → a list.
    case "CONCEPT":
      return oneOrMany(data.concepts.map(conceptFromProto));
    case "REGION":
      return oneOrMany(data.regions.map(regionFromProto));
    case "FRAME":
      return oneOrMany(data.frames.map(frameFromProto));
    case "LIST":
      return decodeList(method, field, data, path);
    case "TUPLE":
      return decodeTuple(method, field, data, path);
    case "NAMED_FIELDS":
      return decodeNamedFields(method, field, data, path);
    default:
      throw malformed(method, path, `the signature's type ${field.type} cannot be decoded`);
  }
}

function safeNumber(method: string, value: number | Long, path: string): number {
  const n = typeof value === "number" ? value : value.toNumber();
  if (!Number.isSafeInteger(n)) {
    throw malformed(method, path, `int64 ${value} does not fit a JS number without losing precision (results beyond ±2^53 need the model to return them as str)`);
  }
  return n;
}

function decodeNDArray(method: string, data: Data, path: string): NDArray | null {
  const proto = data.ndarray;
  if (!proto || proto.buffer.length === 0) return null;
  try {
    return NDArray.fromBytes(proto.buffer, proto.dtype, proto.shape);
  } catch (error) {
    throw malformed(method, path, (error as Error).message);
  }
}

function decodeJson(method: string, data: Data, path: string): unknown {
  if (data.structValue) return structToJson(data.structValue);
  // Models built with clarifai 11.3.0–11.10.2 answer JSON as text (spec §3.4).
  if (data.stringValue === "") return null;
  try {
    return JSON.parse(data.stringValue) as unknown;
  } catch {
    throw malformed(method, path, "string_value is not valid JSON");
  }
}

function oneOrMany<T>(items: T[]): T | T[] | null {
  return items.length === 0 ? null : items.length === 1 ? items[0]! : items;
}

function decodeList(method: string, field: ModelTypeField, data: Data, path: string): unknown[] {
  const item = field.type_args?.[0];
  if (item === undefined) throw malformed(method, path, "the signature's LIST has no item type");
  switch (item.type) {
    case "CONCEPT":
      return data.concepts.map(conceptFromProto);
    case "REGION":
      return data.regions.map(regionFromProto);
    case "FRAME":
      return data.frames.map(frameFromProto);
    default:
      return data.parts.map((part, i) => decodeValue(method, item, part.data ?? emptyData(), `${path}[${i}]`));
  }
}

function decodeTuple(method: string, field: ModelTypeField, data: Data, path: string): unknown[] {
  const items = field.type_args ?? [];
  if (data.parts.length !== items.length) {
    throw malformed(method, path, `a tuple of ${items.length} needs ${items.length} parts, got ${data.parts.length}`);
  }
  return items.map((item, i) => decodeValue(method, item, data.parts[i]!.data ?? emptyData(), `${path}[${i}]`));
}

function decodeNamedFields(method: string, field: ModelTypeField, data: Data, path: string): Record<string, unknown> {
  const byId = new Map(data.parts.map((part) => [part.id, part]));
  const result: Record<string, unknown> = {};
  for (const f of field.type_args ?? []) {
    const part = byId.get(f.name);
    if (part === undefined) throw malformed(method, `${path}.${f.name}`, "the named field is missing");
    result[f.name] = decodeValue(method, f, part.data ?? emptyData(), `${path}.${f.name}`);
  }
  return result;
}

/** A present part with no data is the zero value (proto3 drops zero scalars, spec §3.1). */
export function emptyData(): Data {
  return wire.Data.create();
}
