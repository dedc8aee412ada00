/**
 * NDARRAY values: a numpy-style array as dtype, shape and a TypedArray of the elements in C (row-major)
 * order. On the wire the elements are the TypedArray's bytes (little-endian), so encoding needs no copy.
 */
import { dtypeInfo, dtypeNames, parseDtype, type DtypeName, type NDArrayData } from "./dtype.js";
import { fromFloat16Bits, toFloat16Bits } from "./float16.js";

export type { DtypeName, NDArrayData } from "./dtype.js";

/** Nested arrays of numbers (bigints for 64-bit integer dtypes, booleans for bool). */
export type NestedArray = number | bigint | boolean | NestedArray[];

export class NDArray {
  readonly dtype: DtypeName;
  readonly shape: readonly number[];
  /** The elements in C order; float16 as raw Uint16 bits; complex as interleaved (re, im) pairs. */
  readonly data: NDArrayData;

  constructor(dtype: DtypeName, shape: readonly number[], data: NDArrayData) {
    const info = dtypeInfo(dtype);
    if (info === undefined) {
      throw new TypeError(`NDArray: unknown dtype "${String(dtype)}"; use one of ${dtypeNames.join(", ")}`);
    }
    if (!(data instanceof info.arrayClass)) {
      throw new TypeError(
        `NDArray: dtype ${dtype} needs its data in a ${info.arrayClass.name}, got ${data.constructor.name}`,
      );
    }
    for (const dim of shape) {
      if (!Number.isInteger(dim) || dim < 0) throw new TypeError(`NDArray: bad shape [${shape.join(", ")}]`);
    }
    const expected = shape.reduce((a, b) => a * b, 1) * info.lanes;
    if (data.length !== expected) {
      throw new TypeError(
        `NDArray: shape [${shape.join(", ")}] of ${dtype} needs ${expected} data slots, got ${data.length}`,
      );
    }
    this.dtype = dtype;
    this.shape = Object.freeze([...shape]);
    this.data = data;
  }

  /** Number of elements. */
  get size(): number {
    return this.shape.reduce((a, b) => a * b, 1);
  }

  /**
   * Builds an array from nested JS arrays (rectangular). `dtype` defaults to float64, as numpy gives for
   * floats; integer dtypes reject non-integers.
   */
  static from(nested: NestedArray, dtype: DtypeName = "float64"): NDArray {
    const info = dtypeInfo(dtype);
    if (info === undefined) throw new TypeError(`NDArray.from: unknown dtype "${String(dtype)}"`);
    if (info.lanes === 2) {
      throw new TypeError(
        `NDArray.from: build ${dtype} arrays with new NDArray("${dtype}", shape, data) (interleaved re, im)`,
      );
    }
    const shape = shapeOf(nested);
    const flat: (number | bigint | boolean)[] = [];
    flatten(nested, shape, 0, flat, "");
    const data = new info.arrayClass(flat.length);
    flat.forEach((value, i) => {
      (data as unknown as (number | bigint)[])[i] = convertElement(value, dtype, i);
    });
    return new NDArray(dtype, shape, data);
  }

  /** The elements as nested arrays in the array's shape (a scalar for a 0-d array). */
  toNested(): NestedArray {
    if (dtypeInfo(this.dtype).lanes === 2) {
      throw new TypeError(`NDArray.toNested: ${this.dtype} has no nested number form; read .data (re, im pairs)`);
    }
    const read = elementReader(this);
    let next = 0;
    const build = (depth: number): NestedArray => {
      if (depth === this.shape.length) return read(next++);
      return Array.from({ length: this.shape[depth]! }, () => build(depth + 1));
    };
    return build(0);
  }

  /** The elements' bytes in little-endian C order: a view over `data`, not a copy. */
  toBytes(): Uint8Array {
    return new Uint8Array(this.data.buffer, this.data.byteOffset, this.data.byteLength);
  }

  /**
   * Reads numpy bytes (`buffer`, `shape`, `dtype` as numpy prints it, short forms and `>` included).
   * The result views `bytes` when it is aligned little-endian data, else holds a converted copy.
   */
  static fromBytes(bytes: Uint8Array, dtype: string, shape: readonly number[]): NDArray {
    const parsed = parseDtype(dtype);
    if (parsed === undefined) throw new TypeError(`NDArray: unsupported dtype "${dtype}"`);
    const { info, bigEndian } = parsed;
    if (bytes.byteLength % info.itemSize !== 0) {
      throw new TypeError(`NDArray: ${bytes.byteLength} bytes is not a whole number of ${info.name} elements`);
    }
    const slot = info.arrayClass.BYTES_PER_ELEMENT;
    let source = bytes;
    if (bigEndian) source = swapBytes(bytes, slot);
    else if (bytes.byteOffset % slot !== 0) source = new Uint8Array(bytes); // a copy: Buffer#slice would return a view at the same odd offset
    const data = new info.arrayClass(source.buffer, source.byteOffset, source.byteLength / slot);
    return new NDArray(info.name, shape, data);
  }
}

function shapeOf(nested: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = nested;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0]!;
  }
  return shape;
}

function flatten(
  value: NestedArray,
  shape: readonly number[],
  depth: number,
  out: (number | bigint | boolean)[],
  path: string,
): void {
  if (depth === shape.length) {
    if (Array.isArray(value)) throw new TypeError(`NDArray.from: ragged nesting at ${path || "the top"}`);
    out.push(value);
    return;
  }
  if (!Array.isArray(value) || value.length !== shape[depth]) {
    throw new TypeError(`NDArray.from: ragged nesting at ${path || "the top"}; every row needs ${shape[depth]} items`);
  }
  value.forEach((item, i) => flatten(item, shape, depth + 1, out, `${path}[${i}]`));
}

function convertElement(value: number | bigint | boolean, dtype: DtypeName, index: number): number | bigint {
  if (dtype === "bool") return value ? 1 : 0;
  if (typeof value === "boolean") throw new TypeError(`NDArray.from: element ${index} is a boolean in a ${dtype} array`);
  if (dtype === "int64" || dtype === "uint64") {
    if (typeof value === "bigint") return value;
    if (!Number.isInteger(value)) throw new TypeError(`NDArray.from: element ${index} (${value}) is not an integer`);
    return BigInt(value);
  }
  const n = Number(value);
  if (dtype.startsWith("int") || dtype.startsWith("uint")) {
    if (!Number.isInteger(n)) throw new TypeError(`NDArray.from: element ${index} (${value}) is not an integer`);
  }
  return dtype === "float16" ? toFloat16Bits(n) : n;
}

function elementReader(array: NDArray): (i: number) => number | bigint | boolean {
  const data = array.data as unknown as ArrayLike<number | bigint>;
  if (array.dtype === "bool") return (i) => data[i] !== 0;
  if (array.dtype === "float16") return (i) => fromFloat16Bits(data[i] as number);
  return (i) => data[i]!;
}

/** A copy of `bytes` with every `size`-byte group reversed (big-endian → little-endian). */
function swapBytes(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes.byteLength);
  for (let i = 0; i < bytes.byteLength; i += size) {
    for (let j = 0; j < size; j++) out[i + j] = bytes[i + size - 1 - j]!;
  }
  return out;
}
