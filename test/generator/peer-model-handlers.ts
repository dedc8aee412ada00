/**
 * TypeScript ports of every method of ../shared/vectors/model/1/model.py (PeerTestModel), for the test
 * server: given the vectors' calls, they answer what the Python model answered.
 */
import { NDArray, type Image, type JsonObject, type RegionInput } from "clarifai-typed";
import type { Handler } from "clarifai-typed/testing";
import { convertToL, openImage, resizeNearest, sizeText, toPngImage } from "./e2e-support/pil-image.js";
import { pythonFloat, pythonRound, pythonSorted } from "./e2e-support/python-values.js";

/** The dtypes `array_scale` is ported for (numpy keeps a float32 product in float32: the typed array rounds it). */
const scaledKinds: Partial<Record<NDArray["dtype"], "float" | "integer">> = {
  float32: "float",
  float64: "float",
  int8: "integer",
  int16: "integer",
  int32: "integer",
  uint8: "integer",
  uint16: "integer",
  uint32: "integer",
};

const reversed = (text: string) => [...text].reverse().join("");

export const peerModelHandlers: Record<string, Handler> = {
  predict: ({ prompt, temperature = 0.7, max_tokens = 10 }: { prompt: string; temperature?: number; max_tokens?: number }) =>
    `predict:${prompt}|temperature=${pythonFloat(temperature)}|max_tokens=${max_tokens}`,

  scalars: ({ i, f, b, s, raw }: { i: number; f: number; b: boolean; s: string; raw: Uint8Array }) => ({
    i: i + 1,
    f: f * 2,
    b: !b,
    s: reversed(s),
    raw: Buffer.concat([raw, Buffer.from("!")]),
  }),

  with_params: ({ text, count = 2, mode = "upper", sep = "-" }: { text: string; count?: number; mode?: string; sep?: string }) =>
    Array.from({ length: count }, () => (mode === "upper" ? text.toUpperCase() : text.toLowerCase())).join(sep),

  image_gray: ({ image }: { image: Image }) => toPngImage(convertToL(openImage(image))),

  image_size: ({ image }: { image: Image }) => {
    const { width, height, mode } = openImage(image);
    return { width, height, mode };
  },

  list_mix: ({ texts, images }: { texts: string[]; images: Image[] }) => [
    ...texts.map((t) => t.toUpperCase()),
    ...images.map(sizeText),
  ],

  thumbnails: ({ images, size = 2 }: { images: Image[]; size?: number }) =>
    images.map((image) => toPngImage(resizeNearest(openImage(image), size, size))),

  json_echo: ({ data }: { data: JsonObject }) => ({
    received: data,
    keys: pythonSorted(Object.keys(data)),
    n: Object.keys(data).length,
  }),

  /** `(arr * factor).astype(arr.dtype)`: float dtypes keep the product, integer dtypes truncate it toward zero. */
  array_scale: ({ arr, factor = 2.0 }: { arr: NDArray; factor?: number }) => {
    const kind = scaledKinds[arr.dtype];
    if (kind === undefined) {
      throw new Error(`array_scale port: dtype ${arr.dtype} is not ported (${Object.keys(scaledKinds).join(", ")} are)`);
    }
    const data = arr.data.slice() as Exclude<NDArray["data"], BigInt64Array | BigUint64Array>;
    data.forEach((value, i) => {
      data[i] = kind === "integer" ? Math.trunc(value * factor) : value * factor;
    });
    return new NDArray(arr.dtype, arr.shape, data);
  },

  pair: ({ a, b }: { a: string; b: number }) => [a.repeat(Math.max(0, b)), b * 10],

  classify: ({ text }: { text: string }) =>
    text
      .split(/\s+/u)
      .filter(Boolean)
      .map((w, i) => ({ name: w, value: pythonRound(1 / (i + 1), 4) })),

  detect: ({ image, threshold = 0.5 }: { image: Image; threshold?: number }): RegionInput[] => {
    const regions: (RegionInput & { concepts: { name: string; value: number; id?: string }[] })[] = [
      {
        id: "region-1",
        box: [0.1, 0.2, 0.5, 0.6],
        concepts: [{ name: "cat", value: 0.9 }, { name: "animal", value: 0.8 }],
        text: sizeText(image),
      },
      { id: "region-2", box: [0.5, 0.5, 1.0, 1.0], concepts: [{ name: "dog", value: 0.4, id: "dog-id" }], trackId: "track-7" },
    ];
    return regions.filter((r) => r.concepts[0]!.value >= threshold);
  },

  generate: function* ({ prompt, n = 3 }: { prompt: string; n?: number }) {
    for (let i = 0; i < n; i += 1) yield `${prompt}-${i}`;
  },

  stream: async function* ({ input_iterator, suffix = "!" }: { input_iterator: AsyncIterable<string>; suffix?: string }) {
    let i = 0;
    for await (const item of input_iterator) yield `${i++}:${item}${suffix}`;
  },

  fail: ({ message = "boom" }: { message?: string }) => {
    throw new Error(`intentional failure: ${message}`);
  },

  generate_fail: function* ({ prompt, fail_at = 2 }: { prompt: string; fail_at?: number }) {
    for (let i = 0; i < 5; i += 1) {
      if (i === fail_at) throw new Error(`generate failed at ${i}`);
      yield `${prompt}-${i}`;
    }
  },
};
