/**
 * Type tests of a generated client (test/golden/peer-test-model/expected.ts): calls that must compile, and
 * calls marked `@ts-expect-error` that must not (an unused directive is itself an error, so each line proves
 * the generated types reject that call). Checked by `tsc` and by types.test.ts; never executed.
 */
import type { Image, NDArray } from "clarifai-typed";
import type { PeerTestModelClient, PeerTestModelScalarsResult } from "../golden/peer-test-model/expected.js";

export async function mustCompile(client: PeerTestModelClient, image: Image, array: NDArray): Promise<void> {
  const text: string = await client.predict({ prompt: "hi" });
  const texts: string[] = await client.predict([{ prompt: "a" }, { prompt: "b", temperature: 0.2, max_tokens: 3n }]);
  const scalars: PeerTestModelScalarsResult = await client.scalars({ i: 1, f: 0.5, b: true, s: "s", raw: new Uint8Array() });
  const raw: Uint8Array = scalars.raw;
  const repeated: string = await client.with_params({ text: "x", mode: "lower", count: 3 }, { timeoutMs: 1000 });
  const pair: [string, number] = await client.pair({ a: "a", b: 2 });
  const scaled: NDArray | null = await client.array_scale({ arr: array });
  const sizes: { width: number; height: number } = await client.image_size({ image });
  const failed: string = await client.fail();
  for await (const chunk of client.generate({ prompt: "p", n: 2 })) {
    const s: string = chunk;
    void s;
  }
  for await (const echoed of client.stream({ input_iterator: ["a", "b"] })) void (echoed satisfies string);
  async function* words(): AsyncGenerator<string> {
    yield "w";
  }
  for await (const echoed of client.stream({ input_iterator: words(), suffix: "?" })) void (echoed satisfies string);
  const labels: string[] = (await client.classify({ text: "a b" })).map((c) => c.name);
  void [text, texts, raw, repeated, pair, scaled, sizes, failed, labels];
}

export async function mustNotCompile(client: PeerTestModelClient, image: Image): Promise<void> {
  // @ts-expect-error wrong argument type (prompt is a string)
  await client.predict({ prompt: 42 });
  // @ts-expect-error missing required argument (prompt)
  await client.predict({ temperature: 0.5 });
  // @ts-expect-error unknown parameter
  await client.predict({ prompt: "hi", top_k: 3 });
  // @ts-expect-error unknown method
  await client.summarize({ prompt: "hi" });
  // @ts-expect-error a value outside the choices
  await client.with_params({ text: "x", mode: "title" });
  // @ts-expect-error a required argument object cannot be left out
  await client.image_gray();
  // @ts-expect-error a streaming result is not a promise
  const notAPromise: string = await client.generate({ prompt: "p" });
  // @ts-expect-error a streaming result cannot be indexed like an array
  void client.generate({ prompt: "p" })[0];
  // @ts-expect-error the stream's iterator argument must be iterable, not a single item
  void client.stream({ input_iterator: "one" as unknown as number });
  // @ts-expect-error a unary result is a promise, not an async iterable
  for await (const x of client.predict({ prompt: "p" })) void x;
  // @ts-expect-error batch results are arrays of the result type
  const wrongBatch: number[] = await client.predict([{ prompt: "a" }]);
  // @ts-expect-error the image argument takes an Image, not a path string
  await client.image_size({ image: "cat.png" });
  void [notAPromise, wrongBatch, image];
}
