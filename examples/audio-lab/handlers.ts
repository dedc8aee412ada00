/**
 * The audio-lab model (./1/model.py) ported to TypeScript, method for method, so the demo and the tests
 * can serve it from the test server without Python.
 */
import { Audio, NDArray, type JsonObject } from "clarifai-typed";
import { decodeWav, encodeWav, type PcmAudio } from "./wav.js";

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const peakOf = (samples: Float32Array) => samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);

async function readWav(audio: Audio): Promise<PcmAudio> {
  const bytes = await audio.load();
  if (!bytes) throw new Error("audio-lab needs audio bytes (a URL-only audio was not downloaded)");
  return decodeWav(bytes);
}

/** Frames in reverse order, each frame's channels kept together (numpy's `samples[::-1]` on frames × channels). */
function reverseFrames({ samples, channels }: PcmAudio): Float32Array {
  const out = new Float32Array(samples.length);
  const frames = samples.length / channels;
  for (let f = 0; f < frames; f++)
    out.set(samples.subarray(f * channels, (f + 1) * channels), (frames - 1 - f) * channels);
  return out;
}

export const audioLabHandlers = {
  async analyze_audio(args: { audio: Audio; window_ms?: number }) {
    const { sampleRate, channels, samples } = await readWav(args.audio);
    const frames = samples.length / channels;
    const mono = Float32Array.from({ length: frames }, (_, f) => {
      let sum = 0;
      for (let c = 0; c < channels; c++) sum += samples[f * channels + c]!;
      return sum / channels;
    });
    const window = Math.max(1, Math.floor((sampleRate * (args.window_ms ?? 100)) / 1000));
    const loudness = Float32Array.from({ length: Math.floor(frames / window) }, (_, w) => {
      let energy = 0;
      for (let i = w * window; i < (w + 1) * window; i++) energy += mono[i]! ** 2;
      return Math.sqrt(energy / window);
    });
    return {
      sample_rate: sampleRate,
      channels,
      duration_s: frames / sampleRate,
      peak: peakOf(samples),
      loudness: new NDArray("float32", [loudness.length], loudness),
    };
  },

  async apply_effects(args: { audio: Audio; effects: JsonObject[] }): Promise<Audio> {
    const pcm = await readWav(args.audio);
    for (const effect of args.effects) {
      const kind = effect["type"];
      if (kind === "gain") {
        const factor = 10 ** (Number(effect["db"] ?? 0) / 20);
        pcm.samples = pcm.samples.map((s) => s * factor);
      } else if (kind === "reverse") {
        pcm.samples = reverseFrames(pcm);
      } else if (kind === "normalize") {
        const peak = peakOf(pcm.samples);
        const factor = peak > 0 ? Number(effect["peak"] ?? 1) / peak : 1;
        pcm.samples = pcm.samples.map((s) => s * factor);
      } else {
        throw new Error(`unknown effect '${String(kind)}'; use one of ['gain', 'normalize', 'reverse']`);
      }
    }
    return Audio.fromBytes(encodeWav(pcm));
  },

  find_onsets(args: { samples: NDArray; sample_rate?: number; threshold?: number }): [number, number[]] {
    const values = Array.from(args.samples.data as ArrayLike<number>, Number);
    const threshold = args.threshold ?? 0.5;
    const starts = values.flatMap((v, i) =>
      Math.abs(v) > threshold && !(i > 0 && Math.abs(values[i - 1]!) > threshold) ? [i] : [],
    );
    return [starts.length, starts.map((i) => round4(i / (args.sample_rate ?? 16000)))];
  },

  async describe_audio(args: { audio: Audio }): Promise<JsonObject> {
    const { sampleRate, channels, samples } = await readWav(args.audio);
    return {
      container: "wav",
      codec: "pcm_s16le",
      sample_rate: sampleRate,
      channels,
      frames: samples.length / channels,
      silent: peakOf(samples) === 0,
    };
  },
};
