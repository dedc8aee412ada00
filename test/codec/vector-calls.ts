/**
 * Every recorded call as its TypeScript equivalent: given the vector, the arguments a TS user passes for
 * the vector's `python_call`. Media arguments (`<4x3 PNG>`, `red`, `blue`) are the bytes the recording sent.
 */
import { Audio, Image, NDArray, Text, Video } from "../../runtime/data-types/index.js";
import { partData, requests, type Vector } from "./vector-support.js";

export type Args = Record<string, unknown>;
export type Call =
  | { args: Args }
  | { batch: Args[] }
  /** A bidi call: `stream` holds the items of the iterator parameter. */
  | { args: Args; stream: unknown[] };

export interface CallRow {
  case: string;
  model: "peer" | "m3";
  /** JSON objects with several keys have no stable key order on the wire: compare as messages. */
  messageEqual?: boolean;
  call: (v: Vector) => Call;
}

const image = (v: Vector, id: string) => Image.fromBytes(partData(v, id).image!.base64);
const listImages = (v: Vector, id: string) => partData(v, id).parts.map((p) => Image.fromBytes(p.data!.image!.base64));
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const region = {
  id: "r-main",
  box: [0.1, 0.2, 0.6, 0.8],
  concepts: [{ name: "cat", value: 0.75 }, { name: "pet", value: 0.5, id: "pet-id" }],
};

export const callRows: CallRow[] = [
  { case: "predict_basic", model: "peer", call: () => ({ args: { prompt: "hello" } }) },
  { case: "predict_all_args", model: "peer", call: () => ({ args: { prompt: "hello", temperature: 0.2, max_tokens: 5 } }) },
  { case: "predict_positional", model: "peer", call: () => ({ args: { prompt: "pos", temperature: 1.5, max_tokens: 7 } }) },
  { case: "predict_with_proto", model: "peer", call: () => ({ args: { prompt: "p" } }) },
  { case: "predict_batch", model: "peer", call: () => ({ batch: [{ prompt: "a" }, { prompt: "b", max_tokens: 3 }] }) },
  { case: "fail", model: "peer", call: () => ({ args: { message: "oops" } }) },
  { case: "scalars", model: "peer", call: () => ({ args: { i: 41, f: 1.25, b: true, s: "abc", raw: bytes("\x00\x01xyz") } }) },
  { case: "scalars_zero_values", model: "peer", call: () => ({ args: { i: 0, f: 0, b: false, s: "", raw: new Uint8Array() } }) },
  { case: "with_params_defaults", model: "peer", call: () => ({ args: { text: "Hi" } }) },
  { case: "with_params_set", model: "peer", call: () => ({ args: { text: "Hi", count: 3, mode: "lower", sep: "+" } }) },
  { case: "image_gray", model: "peer", call: (v) => ({ args: { image: image(v, "image") } }) },
  { case: "image_size", model: "peer", call: (v) => ({ args: { image: image(v, "image") } }) },
  { case: "list_mix", model: "peer", call: (v) => ({ args: { texts: ["a", "bc"], images: listImages(v, "images") } }) },
  { case: "list_mix_empty", model: "peer", call: () => ({ args: { texts: [], images: [] } }) },
  { case: "thumbnails", model: "peer", call: (v) => ({ args: { images: listImages(v, "images"), size: 1 } }) },
  {
    case: "json_echo",
    model: "peer",
    messageEqual: true,
    call: () => ({ args: { data: { a: 1, b: [1, 2.5, "x"], c: { d: true, e: null }, s: "t" } } }),
  },
  {
    case: "array_scale_float32",
    model: "peer",
    call: () => ({ args: { arr: NDArray.from([[0, 1, 2], [3, 4, 5]], "float32"), factor: 1.5 } }),
  },
  { case: "array_scale_int32_default", model: "peer", call: () => ({ args: { arr: NDArray.from([[1, -2], [3, 4]], "int32") } }) },
  { case: "pair", model: "peer", call: () => ({ args: { a: "ab", b: 2 } }) },
  { case: "classify", model: "peer", call: () => ({ args: { text: "red green blue" } }) },
  { case: "detect_default", model: "peer", call: (v) => ({ args: { image: image(v, "image") } }) },
  { case: "detect_low_threshold", model: "peer", call: (v) => ({ args: { image: image(v, "image"), threshold: 0.3 } }) },
  { case: "generate_default", model: "peer", call: () => ({ args: { prompt: "g" } }) },
  { case: "generate_n5", model: "peer", call: () => ({ args: { prompt: "g", n: 5 } }) },
  { case: "generate_fail", model: "peer", call: () => ({ args: { prompt: "q", fail_at: 2 } }) },
  { case: "stream_default", model: "peer", call: () => ({ args: {}, stream: ["a", "b", "c"] }) },
  { case: "stream_suffix", model: "peer", call: () => ({ args: { suffix: "?" }, stream: ["x", "y"] }) },

  { case: "m3_shout_default", model: "m3", call: () => ({ args: { text: new Text("hi there") } }) },
  { case: "m3_shout_str", model: "m3", call: () => ({ args: { text: "plain str" } }) },
  { case: "m3_shout_times", model: "m3", call: () => ({ args: { text: new Text("ab"), times: 3 } }) },
  { case: "m3_audio_reverse", model: "m3", call: () => ({ args: { audio: Audio.fromBytes(bytes("RIFF\x01\x02\x03")) } }) },
  {
    case: "m3_video_trim",
    model: "m3",
    call: () => ({ args: { video: Video.fromBytes(bytes("\x00\x00\x00\x18ftypmp42")), keep: 6 } }),
  },
  {
    case: "m3_frame_info",
    model: "m3",
    call: (v) => ({
      args: {
        frame: { image: Image.fromBytes(partData(v, "frame").frames[0]!.data!.image!.base64), time: 2.5, index: 7, regions: [region] },
      },
    }),
  },
  { case: "m3_make_frames_default", model: "m3", call: () => ({ args: {} }) },
  { case: "m3_make_frames_three", model: "m3", call: () => ({ args: { count: 3, step: 0.25 } }) },
  { case: "m3_region_area", model: "m3", call: () => ({ args: { region } }) },
  { case: "m3_related", model: "m3", call: () => ({ args: { concept: { name: "dog", value: 0.8 }, n: 3 } }) },
  { case: "m3_transpose", model: "m3", call: () => ({ args: { rows: [[1.0, 2.5], [3.0, -4.0], [0.0, 6.25]] } }) },
  { case: "m3_transpose_empty", model: "m3", call: () => ({ args: { rows: [] } }) },
  {
    case: "m3_pluck",
    model: "m3",
    messageEqual: true,
    call: () => ({ args: { records: [{ name: "a", n: 1 }, { name: "b", n: 2.5 }, { n: 3 }] } }),
  },
  { case: "m3_pluck_field", model: "m3", messageEqual: true, call: () => ({ args: { records: [{ id: 7 }], field: "id" } }) },
  { case: "m3_nest", model: "m3", messageEqual: true, call: () => ({ args: { payload: { k: 1 } } }) },
  { case: "m3_nest_empty", model: "m3", call: () => ({ args: { payload: {} } }) },
  {
    case: "m3_nest_mixed",
    model: "m3",
    messageEqual: true,
    call: () => ({
      args: { payload: { n: 2, x: 2.0, neg: -3, xs: [1, 2.5, [0, -1]], inner: { z: 0.0, e: [], s: "t" } } },
    }),
  },
  {
    case: "m3_caption_pair",
    model: "m3",
    call: (v) => ({ args: { pair: [Image.fromBytes(partData(v, "pair").parts[0]!.data!.image!.base64), "sky"] } }),
  },
  { case: "m3_scene", model: "m3", call: (v) => ({ args: { image: image(v, "image"), label: "dog" } }) },
  { case: "m3_checksum_default", model: "m3", call: () => ({ args: {} }) },
  { case: "m3_checksum_empty", model: "m3", call: () => ({ args: { data: new Uint8Array() } }) },
  { case: "m3_checksum_batch", model: "m3", call: () => ({ batch: [{ data: bytes("\x01\x02") }, { data: bytes("\xff") }] }) },
  { case: "m3_count_up", model: "m3", call: () => ({ args: { start: 5, n: 3 } }) },
  {
    case: "m3_sizes",
    model: "m3",
    call: (v) => ({
      args: { prefix: "p" },
      stream: requests(v).map((r) => Image.fromBytes(r.inputs[0]!.data!.parts.find((p) => p.id === "images")!.data!.image!.base64)),
    }),
  },
];
