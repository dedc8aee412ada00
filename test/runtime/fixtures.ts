/** A small model used by the runtime tests: one method of each kind, plus a failing one. */
import type { MethodSignature } from "clarifai-typed";
import { startTestServer, type TestServer, type TestServerOptions } from "clarifai-typed/testing";

export const signatures: MethodSignature[] = [
  { name: "predict", method_type: "UNARY_UNARY",
    input_fields: [{ name: "prompt", type: "STR", required: true }, { name: "n", type: "INT", default: "1" }],
    output_fields: [{ name: "return", type: "STR" }] },
  { name: "fail", method_type: "UNARY_UNARY",
    input_fields: [{ name: "message", type: "STR", required: true }], output_fields: [{ name: "return", type: "STR" }] },
  { name: "generate", method_type: "UNARY_STREAMING",
    input_fields: [{ name: "count", type: "INT", required: true }], output_fields: [{ name: "return", type: "INT", iterator: true }] },
  { name: "stream", method_type: "STREAMING_STREAMING",
    input_fields: [{ name: "items", type: "STR", required: true, iterator: true }, { name: "suffix", type: "STR", default: "!" }],
    output_fields: [{ name: "return", type: "STR", iterator: true }] },
];

export interface TestClient {
  predict(args: { prompt: string; n?: number }, opts?: object): Promise<string>;
  predict(batch: { prompt: string; n?: number }[], opts?: object): Promise<string[]>;
  fail(args: { message: string }, opts?: object): Promise<string>;
  generate(args: { count: number }, opts?: object): AsyncIterable<number>;
  stream(args: { items: Iterable<string> | AsyncIterable<string>; suffix?: string }, opts?: object): AsyncIterable<string>;
}

export const handlers: TestServerOptions["handlers"] = {
  predict: ({ prompt, n = 1 }: { prompt: string; n?: number }) => prompt.repeat(n),
  fail: ({ message }: { message: string }) => {
    throw new Error(`intentional failure: ${message}`);
  },
  generate: function* ({ count }: { count: number }) {
    for (let i = 0; i < count; i++) yield i;
  },
  stream: async function* ({ items, suffix = "!" }: { items: AsyncIterable<string>; suffix?: string }) {
    let i = 0;
    for await (const item of items) yield `${i++}:${item}${suffix}`;
  },
};

export function startModelServer(extra: Partial<TestServerOptions> = {}): Promise<TestServer> {
  return startTestServer({ signatures, handlers, ...extra });
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
