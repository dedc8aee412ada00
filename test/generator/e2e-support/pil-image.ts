/**
 * The few Pillow operations the recorded models use, ported so the test-server handlers give the pixels
 * Python gave: `Image.open` of a PNG, `convert("L")`, `resize(size, NEAREST)`, `Image.new("RGB", size,
 * color)`, saving as PNG, and the `pil` view ({size, mode, pixels}) the vectors record for every image.
 * 8-bit PNGs without a palette only (modes L, LA, RGB, RGBA); anything else is refused by name.
 */
import { decode, encode } from "fast-png";
import { Image } from "clarifai-typed";

export type PilMode = "L" | "LA" | "RGB" | "RGBA";

/** An 8-bit raster, row-major, `mode.length` bytes per pixel (the mode letters are the channels). */
export interface Raster {
  width: number;
  height: number;
  mode: PilMode;
  data: Uint8Array;
}

/** The `pil` entry the vectors record for an image: `pixels` are rows of ints (one channel) or of lists. */
export interface PilView {
  size: [width: number, height: number];
  mode: PilMode;
  pixels: (number | number[])[][];
}

const modeByChannels: Record<number, PilMode> = { 1: "L", 2: "LA", 3: "RGB", 4: "RGBA" };

/** `PIL.Image.open(io.BytesIO(image.bytes))`, for the PNGs of the vectors. */
export function openImage(image: Image): Raster {
  if (image.bytes === undefined) {
    throw new Error("the test-server image ports need the image's bytes; this image is a URL or a file not yet read");
  }
  const png = decode(image.bytes);
  const mode = modeByChannels[png.channels];
  if (png.palette !== undefined || png.depth !== 8 || mode === undefined) {
    const kind = png.palette ? "palette" : `${png.depth}-bit, ${png.channels}-channel`;
    throw new Error(`the test-server image ports read 8-bit L/LA/RGB/RGBA PNGs only; got a ${kind} PNG`);
  }
  return { width: png.width, height: png.height, mode, data: Uint8Array.from(png.data) };
}

/** `Image.save(buf, format="PNG")`, wrapped as the SDK's `Image(bytes=…)`. */
export function toPngImage(raster: Raster): Image {
  const { width, height, data, mode } = raster;
  return Image.fromBytes(encode({ width, height, data, channels: mode.length, depth: 8 }));
}

/**
 * `convert("L")`: ITU-R 601-2 luma in Pillow's 16-bit fixed point with rounding,
 * L = (R·19595 + G·38470 + B·7471 + 0x8000) >> 16 (≈ R·299/1000 + G·587/1000 + B·114/1000); alpha is dropped.
 */
export function convertToL(raster: Raster): Raster {
  const { width, height, mode, data } = raster;
  const channels = mode.length;
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const at = i * channels;
    out[i] = mode.startsWith("RGB") ? (data[at]! * 19595 + data[at + 1]! * 38470 + data[at + 2]! * 7471 + 0x8000) >> 16 : data[at]!;
  }
  return { width, height, mode: "L", data: out };
}

/**
 * `resize((width, height), NEAREST)`: Pillow's affine nearest-neighbour transform, which samples source
 * pixel floor((x + 0.5) · sourceWidth / width), stepping the coordinate by that scale as Pillow does.
 */
export function resizeNearest(raster: Raster, width: number, height: number): Raster {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new Error(`resize: width and height must be non-negative integers, got ${width}x${height}`);
  }
  const channels = raster.mode.length;
  const out = new Uint8Array(width * height * channels);
  const [scaleX, scaleY] = [raster.width / width, raster.height / height];
  let sourceY = scaleY * 0.5;
  for (let y = 0; y < height; y++, sourceY += scaleY) {
    let sourceX = scaleX * 0.5;
    for (let x = 0; x < width; x++, sourceX += scaleX) {
      const from = (Math.trunc(sourceY) * raster.width + Math.trunc(sourceX)) * channels;
      out.set(raster.data.subarray(from, from + channels), (y * width + x) * channels);
    }
  }
  return { width, height, mode: raster.mode, data: out };
}

/** `Image.new("RGB", (width, height), rgb)`. */
export function solidRgb(width: number, height: number, rgb: readonly [number, number, number]): Raster {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(rgb, i * 3);
  return { width, height, mode: "RGB", data };
}

/** What the vectors record as `pil` for an image: size, mode and the pixels as nested rows. */
export function pilView(raster: Raster): PilView {
  const { width, height, mode, data } = raster;
  const channels = mode.length;
  const pixel = (at: number) => (channels === 1 ? data[at]! : Array.from(data.subarray(at, at + channels)));
  const pixels = Array.from({ length: height }, (_, y) =>
    Array.from({ length: width }, (_, x) => pixel((y * width + x) * channels)),
  );
  return { size: [width, height], mode, pixels };
}

/** `f"{pil.width}x{pil.height}"` of an image. */
export function sizeText(image: Image): string {
  const { width, height } = openImage(image);
  return `${width}x${height}`;
}
