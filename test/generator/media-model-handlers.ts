/**
 * TypeScript ports of every method of ../shared/vectors/model3/1/model.py (MediaModel), for the test
 * server: given the vectors' calls, they answer what the Python model answered.
 */
import {
  Audio,
  Text,
  Video,
  type Concept,
  type Frame,
  type FrameInput,
  type Image,
  type JsonArray,
  type JsonObject,
  type Region,
} from "clarifai-typed";
import type { Handler } from "clarifai-typed/testing";
import { sizeText, solidRgb, toPngImage } from "./e2e-support/pil-image.js";
import { pythonRound, pythonStr } from "./e2e-support/python-values.js";

/** `_solid(width, height)`: a PNG of one colour, (10, 20, 30) by default. */
const solid = (width: number, height: number) => toPngImage(solidRgb(width, height, [10, 20, 30]));

const range = (n: number) => Array.from({ length: Math.max(0, n) }, (_, i) => i);

export const mediaModelHandlers: Record<string, Handler> = {
  shout: ({ text, times = 1 }: { text: Text; times?: number }) =>
    new Text(range(times).map(() => text.text.toUpperCase()).join(" ")),

  audio_reverse: ({ audio }: { audio: Audio }) => Audio.fromBytes(Uint8Array.from(audio.bytes ?? []).reverse()),

  /** `video.bytes[:keep]`: a negative `keep` counts from the end, as Python slicing does. */
  video_trim: ({ video, keep = 4 }: { video: Video; keep?: number }) =>
    Video.fromBytes((video.bytes ?? new Uint8Array()).slice(0, keep)),

  frame_info: ({ frame }: { frame: Frame }) => {
    if (frame.image === undefined) throw new Error("'NoneType' object has no attribute 'to_pil'");
    return { index: frame.index, time: frame.time, size: sizeText(frame.image), region_count: frame.regions.length };
  },

  make_frames: ({ count = 2, step = 0.5 }: { count?: number; step?: number }): FrameInput[] =>
    range(count).map((i) => ({
      image: solid(2, 2),
      time: i * step,
      index: i,
      regions: [{ id: `r${i}`, box: [0.0, 0.0, 0.5, 0.5], concepts: [{ name: `f${i}`, value: 0.9 }] }],
    })),

  region_area: ({ region }: { region: Region }) => {
    if (region.box === undefined) throw new Error("region_area: the region has no box to unpack");
    const [x1, y1, x2, y2] = region.box;
    return { area: pythonRound((x2 - x1) * (y2 - y1), 6), labels: region.concepts.map((c) => c.name) };
  },

  related: ({ concept, n = 2 }: { concept: Concept; n?: number }) =>
    range(n).map((i) => ({ name: `${concept.name}-${i}`, value: pythonRound(concept.value / (i + 1), 4) })),

  /** `zip(*rows)`: as many columns as the shortest row has. */
  transpose: ({ rows }: { rows: number[][] }) => {
    const width = rows.length === 0 ? 0 : Math.min(...rows.map((row) => row.length));
    return range(width).map((column) => rows.map((row) => row[column]!));
  },

  pluck: ({ records, field = "name" }: { records: (JsonObject | JsonArray)[]; field?: string }) =>
    records.map((record) => {
      if (Array.isArray(record)) throw new Error("'list' object has no attribute 'get'");
      return pythonStr(Object.hasOwn(record, field) ? record[field] : undefined);
    }),

  nest: ({ payload }: { payload: JsonObject | JsonArray }) => ({
    payload,
    count: Array.isArray(payload) ? payload.length : Object.keys(payload).length,
    ratio: 0.5,
    tags: ["a", 1, 2.5, true, null],
  }),

  caption_pair: ({ pair: [image, caption] }: { pair: [Image, string] }) => `${caption}:${sizeText(image)}`,

  scene: ({ image, label = "cat" }: { image: Image; label?: string }) => ({
    preview: solid(1, 1),
    concepts: [{ name: label, value: 1.0 }],
    note: sizeText(image),
  }),

  checksum: ({ data = Buffer.from("abc") }: { data?: Uint8Array }) => data.reduce((sum, byte) => sum + byte, 0),

  count_up: function* ({ start = 0, n = 3 }: { start?: number; n?: number }) {
    for (const i of range(n)) yield { value: start + i, label: `#${start + i}` };
  },

  sizes: async function* ({ images, prefix = "img" }: { images: AsyncIterable<Image>; prefix?: string }) {
    let i = 0;
    for await (const image of images) yield `${prefix}${i++}:${sizeText(image)}`;
  },
};
