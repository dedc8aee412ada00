/** TypeScript ports of ../shared/vectors/model/1/model.py's text and number methods, for the test server. */
import type { Handler } from "clarifai-typed/testing";

export const peerModelHandlers: Record<string, Handler> = {
  predict: ({ prompt, temperature = 0.7, max_tokens = 10 }: { prompt: string; temperature?: number; max_tokens?: number }) =>
    `predict:${prompt}|temperature=${temperature}|max_tokens=${max_tokens}`,
  with_params: ({ text, count = 2, mode = "upper", sep = "-" }: { text: string; count?: number; mode?: string; sep?: string }) =>
    Array.from({ length: count }, () => (mode === "upper" ? text.toUpperCase() : text.toLowerCase())).join(sep),
  pair: ({ a, b }: { a: string; b: number }) => [a.repeat(b), b * 10],
  classify: ({ text }: { text: string }) =>
    text.split(/\s+/u).filter(Boolean).map((w, i) => ({ name: w, value: Math.round((1 / (i + 1)) * 1e4) / 1e4 })),
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
};
