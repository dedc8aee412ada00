/**
 * Reading the recorded vectors (../shared/vectors) and turning values into one comparable form:
 * Python results (with their `__type__` / `__ndarray__` / `__bytes_b64__` markers) and our decoded
 * values both become plain JSON-like data, so class instances are compared by content.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Media, NDArray, Text, type DtypeName } from "../../runtime/data-types/index.js";
import type { MethodSignature } from "../../runtime/signature.js";
import { wire, type Data, type Init, type MultiOutputResponse, type PostModelOutputsRequest } from "../../runtime/wire/index.js";

export const vectorsDir = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "vectors");

export interface Vector {
  case: string;
  method: string;
  python_call: string;
  python_result?: unknown;
  python_exception?: { type: string; message: string };
  rpc_type: "unary" | "server_streaming" | "bidi_streaming";
  request_b64: string | string[];
  response_b64: string | string[];
}

export function loadVector(name: string): Vector {
  return JSON.parse(readFileSync(path.join(vectorsDir, `${name}.json`), "utf8")) as Vector;
}

const signatureFiles = { peer: "signatures.json", m3: "signatures-m3.json" } as const;

export function loadSignature(model: keyof typeof signatureFiles, method: string): MethodSignature {
  const file = JSON.parse(readFileSync(path.join(vectorsDir, signatureFiles[model]), "utf8")) as {
    signatures: MethodSignature[];
  };
  const signature = file.signatures.find((s) => s.name === method);
  if (!signature) throw new Error(`no signature ${method} in ${signatureFiles[model]}`);
  return signature;
}

const list = (b64: string | string[]) => (Array.isArray(b64) ? b64 : [b64]);
export const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));

export function requestBytes(vector: Vector): Uint8Array[] {
  return list(vector.request_b64).map(bytesOf);
}

export function requests(vector: Vector): PostModelOutputsRequest[] {
  return requestBytes(vector).map((b) => wire.PostModelOutputsRequest.decode(b));
}

export function responses(vector: Vector): MultiOutputResponse[] {
  return list(vector.response_b64).map((b) => wire.MultiOutputResponse.decode(bytesOf(b)));
}

/** The recorded first request's input data (where the media bytes of `<4x3 PNG>` arguments are). */
export function firstInput(vector: Vector): Data {
  return requests(vector)[0]!.inputs[0]!.data!;
}

/** The data of the recorded first request's part `id`. */
export function partData(vector: Vector, id: string): Data {
  const part = firstInput(vector).parts.find((p) => p.id === id);
  if (!part?.data) throw new Error(`${vector.case}: no part ${id}`);
  return part.data;
}

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Python result (recorded JSON with markers) → the comparable form. */
export function fromPython(value: unknown): Plain {
  if (Array.isArray(value)) return value.map(fromPython);
  if (value === null || typeof value !== "object") return value as Plain;
  const object = value as Record<string, unknown>;
  if ("__ndarray__" in object) {
    const array = NDArray.from(object["__ndarray__"] as number[], object["dtype"] as DtypeName);
    return comparable(array);
  }
  if ("__bytes_b64__" in object) return { bytes: object["__bytes_b64__"] as string };
  const type = object["__type__"];
  switch (type) {
    case "Image":
    case "Audio":
    case "Video":
      return { media: type, bytes: (object["bytes_b64"] as string) ?? "", url: (object["url"] as string) || "" };
    case "Text":
      return { text: object["text"] as string, url: (object["url"] as string | null) ?? "" };
    case "Region": {
      const { __type__, track_id, ...rest } = object;
      return fromPython({ ...rest, trackId: track_id });
    }
    default: {
      const { __type__, ...rest } = object;
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, fromPython(v)]));
    }
  }
}

/** A decoded runtime value → the comparable form. */
export function comparable(value: unknown): Plain {
  if (value instanceof Media) {
    return { media: value.constructor.name, bytes: Buffer.from(value.bytes ?? []).toString("base64"), url: value.url ?? "" };
  }
  if (value instanceof Text) return { text: value.text, url: value.url ?? "" };
  if (value instanceof NDArray) {
    return { ndarray: value.dtype, shape: [...value.shape], nested: value.toNested() as Plain };
  }
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== "object") return value as Plain;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
}

/** `data` as the receiving side sees it: encoded, then decoded again. */
export function throughWire(data: Init.Data): Data {
  return wire.Data.decode(wire.Data.encode(data).finish());
}
