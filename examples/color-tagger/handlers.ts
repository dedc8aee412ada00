/**
 * The color-tagger model (./1/model.py) ported to TypeScript, method for method, so the demo and the
 * tests can serve it from the test server without Python. PNG decoding/encoding stands in for Pillow.
 */
import { decode, encode } from "fast-png";
import { Image, type ConceptInput, type RegionInput } from "clarifai-typed";

const PALETTE: ReadonlyArray<readonly [name: string, rgb: readonly [number, number, number]]> = [
  ["red", [220, 40, 40]],
  ["green", [40, 170, 70]],
  ["blue", [40, 90, 220]],
  ["yellow", [240, 210, 40]],
  ["white", [245, 245, 245]],
  ["black", [15, 15, 15]],
  ["gray", [128, 128, 128]],
];

/** An RGB raster, row-major, 3 bytes per pixel (Pillow's `convert("RGB")`). */
interface Rgb {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

async function readRgb(image: Image): Promise<Rgb> {
  const bytes = await image.load();
  if (!bytes) throw new Error("color-tagger needs image bytes (a URL-only image was not downloaded)");
  const png = decode(bytes);
  const { width, height, channels } = png;
  const pixels = new Uint8Array(width * height * 3);
  const scale = png.depth === 16 ? 257 : 1;
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) {
      const source = channels < 3 ? i * channels : i * channels + c; // gray(+alpha) repeats its one channel
      pixels[i * 3 + c] = Math.round(Number(png.data[source]) / scale);
    }
  }
  return { width, height, pixels };
}

function nearestColor(pixels: Uint8Array, at: number): number {
  let best = 0;
  let bestDistance = Infinity;
  PALETTE.forEach(([, rgb], i) => {
    const d = rgb.reduce((sum, v, c) => sum + (pixels[at + c]! - v) ** 2, 0);
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/** Share of the pixels nearest to each palette colour in a window, largest first (ties by palette order). */
function colorShares(rgb: Rgb, left = 0, top = 0, right = rgb.width, bottom = rgb.height): ConceptInput[] {
  const counts = new Array<number>(PALETTE.length).fill(0);
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) counts[nearestColor(rgb.pixels, (y * rgb.width + x) * 3)]!++;
  }
  const total = (right - left) * (bottom - top);
  return PALETTE.map(([name], i) => ({ name, value: round4(counts[i]! / total), count: counts[i]!, i }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.i - b.i)
    .map(({ name, value }) => ({ name, value }));
}

export const colorTaggerHandlers = {
  async predict(args: { image: Image; top_k?: number }): Promise<ConceptInput[]> {
    return colorShares(await readRgb(args.image)).slice(0, args.top_k ?? 3);
  },

  async detect(args: { image: Image; threshold?: number }): Promise<RegionInput[]> {
    const rgb = await readRgb(args.image);
    const { width, height } = rgb;
    const regions: RegionInput[] = [];
    for (const row of [0, 1]) {
      for (const col of [0, 1]) {
        const [top, bottom] = [Math.floor((row * height) / 2), Math.floor(((row + 1) * height) / 2)];
        const [left, right] = [Math.floor((col * width) / 2), Math.floor(((col + 1) * width) / 2)];
        const best = colorShares(rgb, left, top, right, bottom)[0] as { name: string; value: number };
        if (best.value >= (args.threshold ?? 0.5)) {
          regions.push({
            id: `quadrant-${row}${col}`,
            box: [left / width, top / height, right / width, bottom / height],
            concepts: [best],
          });
        }
      }
    }
    return regions;
  },

  async thumbnail(args: { image: Image; size?: number }): Promise<Image> {
    const source = await readRgb(args.image);
    const width = args.size ?? 32;
    const height = Math.max(1, Math.round((source.height * width) / source.width));
    const data = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      const sy = Math.floor(((y + 0.5) * source.height) / height);
      for (let x = 0; x < width; x++) {
        const sx = Math.floor(((x + 0.5) * source.width) / width);
        data.set(
          source.pixels.subarray((sy * source.width + sx) * 3, (sy * source.width + sx) * 3 + 3),
          (y * width + x) * 3,
        );
      }
    }
    return Image.fromBytes(encode({ width, height, data, channels: 3 }));
  },
};
