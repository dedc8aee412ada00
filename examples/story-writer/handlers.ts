/**
 * The story-writer model (./1/model.py) ported to TypeScript, method for method, so the demo and the
 * tests can serve it from the test server without Python.
 */
import type { JsonValue } from "clarifai-typed";

const DEFAULT_MAX_TOKENS = 48;
type Style = "plain" | "shout" | "whisper";

function story(prompt: string, historyTurns: number): string[] {
  const topic = prompt.trim().replace(/[?.!]+$/, "") || "nothing in particular";
  const opening = historyTurns ? "Once again" : "Once upon a time";
  const sentences = [
    `${opening}, ${topic} woke up early.`,
    `It had ${topic.split(/\s+/).length} big ideas and one small plan.`,
    "By evening the plan had worked, and everyone cheered.",
    "The end.",
  ];
  return sentences.join(" ").split(" ");
}

function styled(words: string[], style: Style = "plain"): string[] {
  if (style === "shout") return words.map((w) => w.toUpperCase());
  if (style === "whisper") return words.map((w) => w.toLowerCase());
  return words;
}

export const storyWriterHandlers = {
  predict(args: { prompt: string; chat_history?: JsonValue[]; max_tokens?: number; style?: Style }): string {
    const words = styled(story(args.prompt, args.chat_history?.length ?? 0), args.style);
    return words.slice(0, args.max_tokens ?? DEFAULT_MAX_TOKENS).join(" ");
  },

  async *generate(args: { prompt: string; max_tokens?: number; style?: Style }): AsyncGenerator<string> {
    const words = styled(story(args.prompt, 0), args.style).slice(0, args.max_tokens ?? DEFAULT_MAX_TOKENS);
    for (const [i, word] of words.entries()) yield i === 0 ? word : ` ${word}`;
  },

  async *stream(args: { input_iterator: AsyncIterable<string>; max_tokens?: number }): AsyncGenerator<string> {
    let turn = 0;
    for await (const message of args.input_iterator) {
      yield story(message, turn++)
        .slice(0, args.max_tokens ?? 8)
        .join(" ");
    }
  },
};
