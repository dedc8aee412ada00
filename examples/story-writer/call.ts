/**
 * Calls every method of the story-writer model through its generated client:
 *   npx tsx examples/story-writer/call.ts --grpc localhost:8000     (a local model server)
 *   CLARIFAI_PAT=… npx tsx examples/story-writer/call.ts             (the model uploaded to Clarifai)
 */
import type { ConsoleOutput } from "../shared/console-output.js";
import { isMainModule, runExampleScript } from "../shared/run-script.js";
export { createStoryWriterClient as createClient, signatures } from "./story-writer.js";
import { createStoryWriterClient, type StoryWriterClient } from "./story-writer.js";

export async function tour(client: StoryWriterClient, out: ConsoleOutput): Promise<void> {
  await out.call("predict", { prompt: "a lighthouse keeper", max_tokens: 12 }, (args) => client.predict(args));
  await out.call(
    "predict",
    [{ prompt: "a cat" }, { prompt: "a dog", style: "shout" as const, max_tokens: 6 }],
    (batch) => client.predict(batch),
  );

  // Tokens are printed the moment each one arrives.
  const story = { prompt: "a robot who learned to paint", style: "plain" as const };
  await out.stream("generate", story, client.generate(story));

  // A bidirectional stream: messages go out as the iterator yields them, replies come back one per message.
  async function* chat() {
    yield "hello there";
    yield "tell me about the sea";
  }
  const conversation = { input_iterator: chat(), max_tokens: 6 };
  await out.stream("stream", conversation, client.stream(conversation), " | ");
}

if (isMainModule(import.meta.url)) await runExampleScript(createStoryWriterClient, tour);
