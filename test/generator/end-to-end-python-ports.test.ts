/**
 * The Python built-ins and Pillow operations the end-to-end handlers port, on the inputs the vectors do not
 * reach (ties, exponents, astral characters, PNG kinds). Wants are what CPython 3 / Pillow give.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode } from "fast-png";
import { Image } from "clarifai-typed";
import { convertToL, openImage, pilView, resizeNearest, solidRgb, toPngImage } from "./e2e-support/pil-image.js";
import { pythonFloat, pythonRound, pythonSorted, pythonStr } from "./e2e-support/python-values.js";

describe("Python built-ins as ported", () => {
  it("repr(float)", () => {
    const table: [given: number, want: string][] = [
      [7, "7.0"],
      [0.7, "0.7"],
      [-0, "-0.0"],
      [0.0001, "0.0001"],
      [1e-5, "1e-05"],
      [2.5e-7, "2.5e-07"],
      [123456789012345.6, "123456789012345.6"],
      [1e16, "1e+16"],
      [1.5e16, "1.5e+16"],
      [1e22, "1e+22"],
      [Infinity, "inf"],
      [NaN, "nan"],
    ];
    for (const [given, want] of table) assert.equal(pythonFloat(given), want, `repr(${given})`);
  });

  it("round(x, n): ties of the exact binary value to even, otherwise the nearest", () => {
    const table: [x: number, digits: number, want: number][] = [
      [2.5, 0, 2],
      [3.5, 0, 4],
      [-2.5, 0, -2],
      [0.125, 2, 0.12],
      [0.375, 2, 0.38],
      [-0.125, 2, -0.12],
      [2.675, 2, 2.67], // 2.675 is 2.67499999… in binary
      [1 / 3, 4, 0.3333],
      [Math.fround(0.8) / 3, 4, 0.2667], // related(): a float32 score divided
      [(Math.fround(0.6) - Math.fround(0.1)) * (Math.fround(0.8) - Math.fround(0.2)), 6, 0.3], // region_area()
    ];
    for (const [x, digits, want] of table) assert.equal(pythonRound(x, digits), want, `round(${x}, ${digits})`);
  });

  it("sorted(strings) by code point", () => {
    assert.deepEqual(pythonSorted(["b", "\u{1F600}", "\uFFFF", "a", "B"]), ["B", "a", "b", "\uFFFF", "\u{1F600}"]);
  });

  it("str() of JSON values as Python holds them (Struct numbers are floats)", () => {
    const table: [given: Parameters<typeof pythonStr>[0], want: string][] = [
      [undefined, "None"],
      [null, "None"],
      [true, "True"],
      [7, "7.0"],
      ["plain", "plain"],
      [[1, "a", null, false], "[1.0, 'a', None, False]"],
      [{ a: { "b'": 2.5 } }, `{'a': {"b'": 2.5}}`],
      [["tab\there", "back\\slash"], "['tab\\there', 'back\\\\slash']"],
    ];
    for (const [given, want] of table) assert.equal(pythonStr(given), want, JSON.stringify(given));
    assert.throws(() => pythonStr(["\u0007"]), /non-printable characters is not ported/);
  });
});

describe("Pillow operations as ported", () => {
  const rgb = (width: number, height: number, pixels: number[]) =>
    Image.fromBytes(encode({ width, height, data: Uint8Array.from(pixels), channels: 3, depth: 8 }));

  it("convert('L') rounds the 16-bit fixed-point luma; RGBA drops alpha", () => {
    const image = rgb(3, 1, [255, 255, 255, 1, 1, 1, 0, 0, 200]);
    assert.deepEqual(pilView(convertToL(openImage(image))), { size: [3, 1], mode: "L", pixels: [[255, 1, 23]] });
    const rgba = Image.fromBytes(encode({ width: 1, height: 1, data: Uint8Array.from([0, 0, 200, 7]), channels: 4, depth: 8 }));
    assert.deepEqual(pilView(convertToL(openImage(rgba))).pixels, [[23]]);
  });

  it("resize NEAREST samples floor((x + 0.5) · scale)", () => {
    const row = rgb(5, 1, [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    assert.deepEqual(pilView(resizeNearest(openImage(row), 2, 1)).pixels, [[[1, 1, 1], [3, 3, 3]]]);
    assert.deepEqual(pilView(resizeNearest(openImage(row), 10, 1)).pixels[0]!.map((p) => (p as number[])[0]), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    assert.throws(() => resizeNearest(openImage(row), 1.5, 1), /non-negative integers, got 1.5x1/);
  });

  it("a solid image survives the PNG round trip with its mode and pixels", () => {
    const png = toPngImage(solidRgb(2, 1, [10, 20, 30]));
    assert.deepEqual(pilView(openImage(png)), { size: [2, 1], mode: "RGB", pixels: [[[10, 20, 30], [10, 20, 30]]] });
  });

  it("refuses PNGs it does not port, and images without bytes, naming what it got", () => {
    const sixteenBit = Image.fromBytes(encode({ width: 1, height: 1, data: Uint16Array.from([1, 2, 3]), channels: 3, depth: 16 }));
    assert.throws(() => openImage(sixteenBit), /8-bit L\/LA\/RGB\/RGBA PNGs only; got a 16-bit, 3-channel PNG/);
    const palette = Image.fromBytes(encode({ width: 1, height: 1, data: Uint8Array.from([0]), channels: 1, depth: 8, palette: [[1, 2, 3]] }));
    assert.throws(() => openImage(palette), /got a palette PNG/);
    assert.throws(() => openImage(Image.fromUrl("https://example.com/a.png")), /need the image's bytes/);
  });
});
