/**
 * Calls every method of the color-tagger model through its generated client:
 *   npx tsx examples/color-tagger/call.ts --grpc localhost:8000     (a local model server)
 *   CLARIFAI_PAT=… npx tsx examples/color-tagger/call.ts             (the model uploaded to Clarifai)
 */
import { fileURLToPath } from "node:url";
import { Image } from "clarifai-typed";
import type { ConsoleOutput } from "../shared/console-output.js";
import { isMainModule, runExampleScript } from "../shared/run-script.js";
export { createColorTaggerClient as createClient, signatures } from "./color-tagger.js";
import { createColorTaggerClient, type ColorTaggerClient } from "./color-tagger.js";

const imagePath = (name: string) => fileURLToPath(new URL(`images/${name}`, import.meta.url));

export async function tour(client: ColorTaggerClient, out: ConsoleOutput): Promise<void> {
  const tiles = Image.fromFile(imagePath("tiles.png"));
  const sunset = Image.fromFile(imagePath("sunset.png"));

  await out.call("predict", { image: tiles, top_k: 2 }, (args) => client.predict(args));
  // A batch: one request, one result per input, in order.
  await out.call("predict", [{ image: tiles }, { image: sunset }], (batch) => client.predict(batch));
  await out.call("detect", { image: sunset, threshold: 0.6 }, (args) => client.detect(args));
  const thumbnail = await out.call("thumbnail", { image: sunset, size: 40 }, (args) => client.thumbnail(args));
  await out.save(thumbnail, "sunset-thumbnail.png");
}

if (isMainModule(import.meta.url)) await runExampleScript(createColorTaggerClient, tour);
