/**
 * The model every hardening test talks to: one method per call kind, each echoing its input, so a result
 * proves which request it answers. Signatures, handlers, and one `callKind` that drives any kind the same way.
 */
import type { MethodSignature } from "clarifai-typed";
import type { Handler } from "clarifai-typed/testing";

export type CallKind = "unary" | "server streaming" | "bidi";
export const CALL_KINDS: readonly CallKind[] = ["unary", "server streaming", "bidi"];

const str = (name: string, extra: object = {}) => ({ name, type: "STR" as const, ...extra });

export const echoSignatures: readonly MethodSignature[] = [
  { name: "predict", method_type: "UNARY_UNARY", input_fields: [str("prompt", { required: true })], output_fields: [str("return")] },
  {
    name: "generate",
    method_type: "UNARY_STREAMING",
    input_fields: [str("prompt", { required: true }), { name: "n", type: "INT", default: "3" }],
    output_fields: [str("return")],
  },
  {
    name: "stream",
    method_type: "STREAMING_STREAMING",
    input_fields: [str("input_iterator", { iterator: true, required: true })],
    output_fields: [str("return")],
  },
];

/**
 * What a healthy server answers: predict `p` → `echo:p`; generate → `p#0…p#n-1`; stream → `s!` per item.
 * An input containing "raise" makes the model raise after its first result, as a Python model would.
 */
export const echoHandlers: Record<string, Handler> = {
  predict: ({ prompt }: { prompt: string }) => `echo:${prompt}`,
  generate: function* ({ prompt, n = 3 }: { prompt: string; n?: number }) {
    for (let i = 0; i < n; i++) {
      if (i === 1 && prompt.includes("raise")) throw new Error(`model raised on ${prompt}`);
      yield `${prompt}#${i}`;
    }
  },
  stream: async function* ({ input_iterator }: { input_iterator: AsyncIterable<string> }) {
    let count = 0;
    for await (const item of input_iterator) {
      if (count++ === 1 && item.includes("raise")) throw new Error(`model raised on ${item}`);
      yield `${item}!`;
    }
  },
};

/** The results a healthy server gives `callKind(kind, input)`. */
export function expectedItems(kind: CallKind, input: string): string[] {
  switch (kind) {
    case "unary":
      return [`echo:${input}`];
    case "server streaming":
      return [0, 1, 2].map((i) => `${input}#${i}`);
    case "bidi":
      return [`${input}!`, `${input}-2!`, `${input}-3!`];
  }
}

export interface EchoClient {
  predict(args: { prompt: string }, options?: object): Promise<string>;
  generate(args: { prompt: string; n?: number }, options?: object): AsyncIterable<string>;
  stream(args: { input_iterator: Iterable<string> | AsyncIterable<string> }, options?: object): AsyncIterable<string>;
}

export interface CallOutcome {
  /** Results received (one for unary), in order, even when the call then failed. */
  items: string[];
  error?: unknown;
  elapsedMs: number;
}

export const METHOD_OF: Record<CallKind, keyof EchoClient> = { unary: "predict", "server streaming": "generate", bidi: "stream" };

export interface CallKindOptions {
  /** Call options (timeout, signal, retry). */
  options?: object;
  /** Called after each result arrives, with the number received so far. */
  onItem?: (received: number) => void;
}

/** Runs one call of `kind` with `input` and collects what came back; never throws. */
export async function callKind(client: EchoClient, kind: CallKind, input: string, how: CallKindOptions = {}): Promise<CallOutcome> {
  const { options = {}, onItem } = how;
  const items: string[] = [];
  const started = performance.now();
  try {
    if (kind === "unary") items.push(await client.predict({ prompt: input }, options));
    else {
      const stream =
        kind === "server streaming"
          ? client.generate({ prompt: input }, options)
          : client.stream({ input_iterator: [input, `${input}-2`, `${input}-3`] }, options);
      for await (const item of stream) {
        items.push(item);
        onItem?.(items.length);
      }
    }
    return { items, elapsedMs: performance.now() - started };
  } catch (error) {
    return { items, error, elapsedMs: performance.now() - started };
  }
}
