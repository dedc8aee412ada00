/** NDArray: numpy bytes in (any byte order, alignment), nested numbers in and out, wire form. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeResult } from "../../runtime/codec/index.js";
import { NDArray } from "../../runtime/data-types/index.js";
import { loadSignature, throughWire } from "./vector-support.js";

const hex = (h: string) => new Uint8Array(Buffer.from(h, "hex"));

describe("NDArray.fromBytes", () => {
  const cases = [
    { dtype: "int32", bytes: "01000000feffffff", shape: [2], want: { dtype: "int32", nested: [1, -2] } },
    { dtype: ">i4", bytes: "00000001fffffffe", shape: [2], want: { dtype: "int32", nested: [1, -2] } },
    { dtype: "<f4", bytes: "0000803f00000040", shape: [1, 2], want: { dtype: "float32", nested: [[1, 2]] } },
    { dtype: ">f8", bytes: "3ff8000000000000", shape: [], want: { dtype: "float64", nested: 1.5 } },
    { dtype: "int64", bytes: "ffffffffffffffff", shape: [1], want: { dtype: "int64", nested: [-1n] } },
    { dtype: "uint64", bytes: "ffffffffffffffff", shape: [1], want: { dtype: "uint64", nested: [2n ** 64n - 1n] } },
    { dtype: "float16", bytes: "003c00c0", shape: [2], want: { dtype: "float16", nested: [1, -2] } },
    { dtype: "|u1", bytes: "ff00", shape: [2], want: { dtype: "uint8", nested: [255, 0] } },
    { dtype: "bool", bytes: "0100", shape: [2], want: { dtype: "bool", nested: [true, false] } },
  ];
  for (const c of cases) {
    it(`${c.dtype} ${c.bytes}`, () => {
      const array = NDArray.fromBytes(hex(c.bytes), c.dtype, c.shape);
      assert.deepEqual({ dtype: array.dtype, nested: array.toNested() }, c.want);
    });
  }

  it("views aligned received bytes without a copy, copies misaligned ones", () => {
    const buffer = hex("00" + "0000803f".repeat(2));
    const aligned = NDArray.fromBytes(buffer.subarray(0, 8), "float32", [2]);
    const misaligned = NDArray.fromBytes(buffer.subarray(1), "float32", [2]);
    assert.deepEqual([aligned.data.buffer === buffer.buffer, misaligned.data.buffer === buffer.buffer], [true, false]);
    assert.deepEqual(misaligned.toNested(), [1, 1]);
  });

  it("copies misaligned bytes that arrive in a Node Buffer (whose slice() is a view)", () => {
    const received = Buffer.from("00" + "0000803f".repeat(2), "hex");
    const array = NDArray.fromBytes(received.subarray(1), "float32", [2]);
    assert.deepEqual(array.toNested(), [1, 1]);
  });

  it("complex64 keeps interleaved (re, im) and says how to read it", () => {
    const array = NDArray.fromBytes(hex("0000803f00000040"), "complex64", [1]);
    assert.deepEqual([...array.data], [1, 2]);
    assert.throws(() => array.toNested(), /complex64 has no nested number form/);
  });

  const bad = [
    { dtype: "object", bytes: "00", shape: [1], want: /unsupported dtype "object"/ },
    { dtype: "int32", bytes: "000000", shape: [1], want: /3 bytes is not a whole number of int32 elements/ },
    { dtype: "int32", bytes: "0000000000000000", shape: [3], want: /needs 3 data slots, got 2/ },
  ];
  for (const c of bad) {
    it(`rejects ${c.dtype} ${c.bytes} shape [${c.shape}]`, () => assert.throws(() => NDArray.fromBytes(hex(c.bytes), c.dtype, c.shape), c.want));
  }
});

describe("NDArray.from", () => {
  it("round-trips nested numbers and views its data as little-endian bytes", () => {
    const array = NDArray.from([[1, 2], [3, 4]], "float32");
    assert.deepEqual(
      { shape: array.shape, b64: Buffer.from(array.toBytes()).toString("base64"), nested: array.toNested() },
      { shape: [2, 2], b64: "AACAPwAAAEAAAEBAAACAQA==", nested: [[1, 2], [3, 4]] },
    );
    assert.equal(array.toBytes().buffer, array.data.buffer);
  });

  const bad = [
    { nested: [[1, 2], [3]], dtype: "float64", want: /ragged nesting at \[1\]/ },
    { nested: [1.5], dtype: "int32", want: /element 0 \(1.5\) is not an integer/ },
    { nested: [1], dtype: "complex64", want: /build complex64 arrays with new NDArray/ },
  ] as const;
  for (const c of bad) {
    it(`rejects ${JSON.stringify(c.nested)} as ${c.dtype}`, () => assert.throws(() => NDArray.from(c.nested as never, c.dtype), c.want));
  }
});

describe("NDARRAY results", () => {
  it("an empty buffer decodes to null", () => {
    const data = throughWire({ parts: [{ id: "return", data: { ndarray: { dtype: "float32", shape: [0] } } }] });
    assert.equal(decodeResult(loadSignature("peer", "array_scale"), data), null);
  });
});
