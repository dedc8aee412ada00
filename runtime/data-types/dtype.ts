/**
 * numpy dtypes an NDARRAY may carry (spec §3.5): the canonical name numpy prints (`str(dtype)`), the
 * TypedArray holding the elements, and parsing of numpy's short forms (`<f4`, `>i4`, `u1`).
 */

export type DtypeName =
  | "bool"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "float16"
  | "float32"
  | "float64"
  | "complex64"
  | "complex128";

export type NDArrayData =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

type TypedArrayClass = {
  new (length: number): NDArrayData;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): NDArrayData;
  readonly BYTES_PER_ELEMENT: number;
};

export interface DtypeInfo {
  readonly name: DtypeName;
  /** numpy's kind and size code, e.g. `f4`. */
  readonly code: string;
  /** Bytes per element (a complex element is two floats). */
  readonly itemSize: number;
  /** TypedArray slots per element: 2 for complex (re, im interleaved), else 1. */
  readonly lanes: 1 | 2;
  readonly arrayClass: TypedArrayClass;
}

const table: readonly DtypeInfo[] = [
  { name: "bool", code: "b1", itemSize: 1, lanes: 1, arrayClass: Uint8Array },
  { name: "int8", code: "i1", itemSize: 1, lanes: 1, arrayClass: Int8Array },
  { name: "int16", code: "i2", itemSize: 2, lanes: 1, arrayClass: Int16Array },
  { name: "int32", code: "i4", itemSize: 4, lanes: 1, arrayClass: Int32Array },
  { name: "int64", code: "i8", itemSize: 8, lanes: 1, arrayClass: BigInt64Array },
  { name: "uint8", code: "u1", itemSize: 1, lanes: 1, arrayClass: Uint8Array },
  { name: "uint16", code: "u2", itemSize: 2, lanes: 1, arrayClass: Uint16Array },
  { name: "uint32", code: "u4", itemSize: 4, lanes: 1, arrayClass: Uint32Array },
  { name: "uint64", code: "u8", itemSize: 8, lanes: 1, arrayClass: BigUint64Array },
  { name: "float16", code: "f2", itemSize: 2, lanes: 1, arrayClass: Uint16Array },
  { name: "float32", code: "f4", itemSize: 4, lanes: 1, arrayClass: Float32Array },
  { name: "float64", code: "f8", itemSize: 8, lanes: 1, arrayClass: Float64Array },
  { name: "complex64", code: "c8", itemSize: 8, lanes: 2, arrayClass: Float32Array },
  { name: "complex128", code: "c16", itemSize: 16, lanes: 2, arrayClass: Float64Array },
];

const byKey = new Map<string, DtypeInfo>();
for (const info of table) {
  byKey.set(info.name, info);
  byKey.set(info.code, info);
}
byKey.set("?", byKey.get("bool")!);

export interface ParsedDtype {
  readonly info: DtypeInfo;
  /** True for an explicit big-endian form such as `>i4`. */
  readonly bigEndian: boolean;
}

/** Parses a numpy dtype string; `undefined` when it is not one of the numeric dtypes above. */
export function parseDtype(dtype: string): ParsedDtype | undefined {
  const order = dtype[0];
  const hasOrder = order === "<" || order === ">" || order === "=" || order === "|";
  const info = byKey.get(hasOrder ? dtype.slice(1) : dtype);
  if (info === undefined) return undefined;
  return { info, bigEndian: order === ">" && info.itemSize / info.lanes > 1 };
}

export function dtypeInfo(name: DtypeName): DtypeInfo {
  return byKey.get(name)!;
}

export const dtypeNames: readonly DtypeName[] = table.map((info) => info.name);
