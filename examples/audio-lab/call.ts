/**
 * Calls every method of the audio-lab model through its generated client:
 *   npx tsx examples/audio-lab/call.ts --grpc localhost:8000     (a local model server)
 *   CLARIFAI_PAT=… npx tsx examples/audio-lab/call.ts             (the model uploaded to Clarifai)
 */
import { fileURLToPath } from "node:url";
import { Audio, ClarifaiError, NDArray, type JsonObject } from "clarifai-typed";
import type { ConsoleOutput } from "../shared/console-output.js";
import { isMainModule, runExampleScript } from "../shared/run-script.js";
export { createAudioLabClient as createClient, signatures } from "./audio-lab.js";
import { createAudioLabClient, type AudioLabClient } from "./audio-lab.js";

const beeps = () => Audio.fromFile(fileURLToPath(new URL("sounds/beeps.wav", import.meta.url)));

export async function tour(client: AudioLabClient, out: ConsoleOutput): Promise<void> {
  await out.call("describe_audio", { audio: beeps() }, (args) => client.describe_audio(args));
  await out.call("analyze_audio", { audio: beeps(), window_ms: 100 }, (args) => client.analyze_audio(args));

  const effects: JsonObject[] = [{ type: "reverse" }, { type: "gain", db: -6 }];
  const processed = await out.call("apply_effects", { audio: beeps(), effects }, (args) => client.apply_effects(args));
  await out.save(processed, "beeps-processed.wav");

  // A signal built in TypeScript travels as a numpy array (dtype, shape, little-endian bytes).
  const samples = NDArray.from([0, 0.9, 0.8, 0, 0, 0.7, 0, 0.95], "float32");
  const [count, times] = await out.call("find_onsets", { samples, sample_rate: 8 }, (args) => client.find_onsets(args));
  out.note(`${count} onsets, at ${times.join(" s, ")} s`);

  // A model failure is a ClarifaiError carrying the Clarifai status code and the model's message.
  try {
    await client.apply_effects({ audio: beeps(), effects: [{ type: "echo" }] });
  } catch (error) {
    if (!(error instanceof ClarifaiError)) throw error;
    out.line(
      "apply_effects",
      { effects: [{ type: "echo" }] },
      `ClarifaiError ${error.code} ${error.codeName}: ${error.details}`,
    );
  }
}

if (isMainModule(import.meta.url)) await runExampleScript(createAudioLabClient, tour);
