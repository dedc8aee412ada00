/**
 * 16-bit PCM WAV read/write: what Python's `wave` module does for the audio-lab model, in a few lines.
 * Samples are float32 in [-1, 1], interleaved by channel (frame-major), like the model's numpy arrays.
 */
const FULL_SCALE = 32768;

export interface PcmAudio {
  sampleRate: number;
  channels: number;
  /** Interleaved samples, `frames × channels` long. */
  samples: Float32Array;
}

export function decodeWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE")
    throw new Error("not a WAV file (no RIFF/WAVE header)");
  let format: { channels: number; sampleRate: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (tag(at) === "fmt ") {
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (tag(at) === "data") {
      if (!format) throw new Error("WAV data chunk before its fmt chunk");
      if (format.bits !== 16) throw new Error("only 16-bit PCM WAV is supported");
      const count = Math.floor(Math.min(size, bytes.length - body) / 2);
      const samples = new Float32Array(count);
      for (let i = 0; i < count; i++) samples[i] = view.getInt16(body + 2 * i, true) / FULL_SCALE;
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error("WAV file has no data chunk");
}

export function encodeWav({ sampleRate, channels, samples }: PcmAudio): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) =>
    view.setInt16(44 + 2 * i, Math.max(-32768, Math.min(32767, Math.round(s * FULL_SCALE))), true),
  );
  return bytes;
}
