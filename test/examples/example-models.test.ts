/**
 * The example models behave as their model.py says, called through their generated clients against the
 * test server running their TypeScript handlers.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { decode } from "fast-png";
import { Audio, ClarifaiError, Image, NDArray } from "clarifai-typed";
import { audioLabHandlers } from "../../examples/audio-lab/handlers.js";
import {
  createAudioLabClient,
  signatures as audioLabSignatures,
  type AudioLabClient,
} from "../../examples/audio-lab/audio-lab.js";
import { colorTaggerHandlers } from "../../examples/color-tagger/handlers.js";
import {
  createColorTaggerClient,
  signatures as colorTaggerSignatures,
  type ColorTaggerClient,
} from "../../examples/color-tagger/color-tagger.js";
import { storyWriterHandlers } from "../../examples/story-writer/handlers.js";
import {
  createStoryWriterClient,
  signatures as storyWriterSignatures,
  type StoryWriterClient,
} from "../../examples/story-writer/story-writer.js";
import { serveExample } from "./serve-example.js";

const asset = (path: string) => new URL(`../../examples/${path}`, import.meta.url).pathname;
const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe("story-writer", () => {
  let served: { client: StoryWriterClient; close(): Promise<void> };
  before(
    async () => (served = await serveExample(storyWriterSignatures, storyWriterHandlers, createStoryWriterClient)),
  );
  after(() => served.close());

  const predictCases = [
    { given: { prompt: "a cat", max_tokens: 6 }, want: "Once upon a time, a cat" },
    {
      given: { prompt: "  two dogs!  ", max_tokens: 12, style: "shout" as const },
      want: "ONCE UPON A TIME, TWO DOGS WOKE UP EARLY. IT HAD 2",
    },
    { given: { prompt: "x", chat_history: [{ role: "user", content: "hi" }], max_tokens: 3 }, want: "Once again, x" },
    {
      given: { prompt: "", max_tokens: 7, style: "whisper" as const },
      want: "once upon a time, nothing in particular",
    },
  ];
  for (const { given, want } of predictCases) {
    test(`predict ${JSON.stringify(given)}`, async () => assert.equal(await served.client.predict(given), want));
  }

  test("generate streams the predict answer word by word", async () => {
    const tokens = await collect(served.client.generate({ prompt: "a fox", max_tokens: 5 }));
    assert.deepEqual(tokens, ["Once", " upon", " a", " time,", " a"]);
  });

  test("stream answers each message with the opening of its story", async () => {
    async function* messages() {
      yield "the sea";
      yield "a mountain";
    }
    const replies = await collect(served.client.stream({ input_iterator: messages(), max_tokens: 5 }));
    assert.deepEqual(replies, ["Once upon a time, the", "Once again, a mountain woke"]);
  });
});

describe("color-tagger", () => {
  let served: { client: ColorTaggerClient; close(): Promise<void> };
  before(
    async () => (served = await serveExample(colorTaggerSignatures, colorTaggerHandlers, createColorTaggerClient)),
  );
  after(() => served.close());
  const tiles = () => Image.fromFile(asset("color-tagger/images/tiles.png"));

  test("predict: colour shares of the whole image, largest first, palette order on ties", async () => {
    const concepts = await served.client.predict({ image: tiles(), top_k: 4 });
    assert.deepEqual(
      concepts.map(({ name, value }) => [name, value]),
      [
        ["red", 0.25],
        ["green", 0.25],
        ["blue", 0.25],
        ["yellow", 0.25],
      ],
    );
  });

  test("detect: one region per quadrant above the threshold", async () => {
    const regions = await served.client.detect({ image: tiles(), threshold: 0.9 });
    assert.deepEqual(
      regions.map((r) => [r.id, r.box, r.concepts.map((c) => c.name)]),
      [
        ["quadrant-00", [0, 0, 0.5, 0.5], ["red"]],
        ["quadrant-01", [0.5, 0, 1, 0.5], ["green"]],
        ["quadrant-10", [0, 0.5, 0.5, 1], ["blue"]],
        ["quadrant-11", [0.5, 0.5, 1, 1], ["yellow"]],
      ],
    );
  });

  test("thumbnail: a PNG `size` wide with the aspect ratio kept", async () => {
    const thumbnail = await served.client.thumbnail({ image: tiles(), size: 8 });
    const png = decode(thumbnail.bytes!);
    assert.deepEqual([png.width, png.height], [8, 6]);
    assert.deepEqual([...png.data.slice(0, 3)], [210, 45, 50]); // top-left stays red
  });
});

describe("audio-lab", () => {
  let served: { client: AudioLabClient; close(): Promise<void> };
  before(async () => (served = await serveExample(audioLabSignatures, audioLabHandlers, createAudioLabClient)));
  after(() => served.close());
  const beeps = () => Audio.fromFile(asset("audio-lab/sounds/beeps.wav"));

  test("describe_audio: the WAV format as JSON", async () => {
    assert.deepEqual(await served.client.describe_audio({ audio: beeps() }), {
      container: "wav",
      codec: "pcm_s16le",
      sample_rate: 16000,
      channels: 1,
      frames: 16000,
      silent: false,
    });
  });

  test("analyze_audio: format, peak and the loudness of every window", async () => {
    const report = await served.client.analyze_audio({ audio: beeps(), window_ms: 100 });
    assert.deepEqual([report.sample_rate, report.channels, report.duration_s], [16000, 1, 1]);
    assert.ok(Math.abs(report.peak - 0.6) < 1e-3, `peak ${report.peak}`);
    const loudness = Array.from(report.loudness!.data as Float32Array, (x) => Math.round(x * 100) / 100);
    assert.deepEqual(loudness, [0, 0.42, 0, 0, 0.42, 0, 0, 0.42, 0, 0]); // beeps at 0.1 s, 0.4 s, 0.7 s
  });

  const onsetCases = [
    {
      given: { samples: NDArray.from([0, 0.9, 0.8, 0, 0, 0.7, 0, 0.95], "float32"), sample_rate: 8 },
      want: [3, [0.125, 0.625, 0.875]],
    },
    {
      given: { samples: NDArray.from([0.2, -0.6, 0.1], "float64"), sample_rate: 10, threshold: 0.5 },
      want: [1, [0.1]],
    },
    { given: { samples: NDArray.from([0, 0, 0], "float32") }, want: [0, []] },
  ];
  for (const { given, want } of onsetCases) {
    test(`find_onsets ${JSON.stringify(given.samples.toNested())}`, async () => {
      assert.deepEqual(await served.client.find_onsets(given), want);
    });
  }

  test("apply_effects: reverse twice gives the input back", async () => {
    const original = await readFile(asset("audio-lab/sounds/beeps.wav"));
    const back = await served.client.apply_effects({
      audio: beeps(),
      effects: [{ type: "reverse" }, { type: "reverse" }],
    });
    assert.deepEqual(Buffer.from(back.bytes!), original);
  });

  test("apply_effects: an unknown effect is a FAILURE carrying the model's message", async () => {
    await assert.rejects(
      served.client.apply_effects({ audio: beeps(), effects: [{ type: "echo" }] }),
      (error: unknown) =>
        error instanceof ClarifaiError && error.codeName === "FAILURE" && /unknown effect 'echo'/.test(error.details),
    );
  });
});
