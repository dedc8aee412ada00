/**
 * One recorded call (test/codec/vector-calls.ts's TS equivalent of `python_call`) made through a generated
 * client, settled into what came back: the result, or the error and the stream items received before it.
 */
import type { MethodSignature } from "clarifai-typed";
import type { Call } from "../../codec/vector-calls.js";

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown; received: unknown[] };

/** How a bidi call's iterator parameter is passed: both forms are part of the generated type. */
export type StreamForm = "async generator" | "array";

type ClientMethod = (argsOrBatch: unknown) => Promise<unknown> | AsyncIterable<unknown>;

export async function callThroughClient(
  client: object,
  method: MethodSignature,
  call: Call,
  form: StreamForm = "array",
): Promise<Outcome> {
  const member = (client as Record<string, ClientMethod | undefined>)[method.name];
  if (typeof member !== "function") throw new Error(`the generated client has no method "${method.name}"`);
  const invoke = (argsOrBatch: unknown) => member.call(client, argsOrBatch);
  if ("batch" in call) return settle(invoke(call.batch) as Promise<unknown>);
  if ("stream" in call) {
    const iterator = method.input_fields?.find((field) => field.iterator)?.name;
    if (iterator === undefined) throw new Error(`${method.name}: a stream call needs an iterator parameter`);
    const items = form === "array" ? call.stream : yieldEach(call.stream);
    return drain(invoke({ ...call.args, [iterator]: items }) as AsyncIterable<unknown>);
  }
  const produced = invoke(call.args);
  return method.method_type === "UNARY_STREAMING" ? drain(produced as AsyncIterable<unknown>) : settle(produced as Promise<unknown>);
}

async function settle(result: Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await result };
  } catch (error) {
    return { ok: false, error, received: [] };
  }
}

async function drain(stream: AsyncIterable<unknown>): Promise<Outcome> {
  const received: unknown[] = [];
  try {
    for await (const item of stream) received.push(item);
    return { ok: true, value: received };
  } catch (error) {
    return { ok: false, error, received };
  }
}

async function* yieldEach(items: readonly unknown[]): AsyncGenerator<unknown> {
  for (const item of items) yield item;
}
