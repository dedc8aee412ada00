/**
 * The clients' RequestEncoder writes the template's pre-encoded fields and each method's pre-encoded `_method_name`
 * around the parts protobufjs encodes. Want: exactly the bytes of protobufjs encoding the whole request, for any
 * template (ids, version, every routing) and any arguments of the recorded signatures.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { encodeArguments } from "../../runtime/codec/index.js";
import { implicit, wire, type Init } from "../../runtime/wire/index.js";
import { RequestEncoder, type ArgumentData } from "../../runtime/wire/request-encoder.js";
import { loadSignature } from "./vector-support.js";

const id = fc.oneof(fc.constant(""), fc.string({ minLength: 1, maxLength: 12 }), fc.constant("ünï-çødé"));
const routing: fc.Arbitrary<Init.RunnerSelector | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ deployment: fc.record({ id: id.map(implicit), userId: id.map(implicit) }) }),
  fc.record({ nodepool: fc.record({ id: id.map(implicit), computeCluster: fc.record({ id: id.map(implicit), userId: id.map(implicit) }) }) }),
);
const template: fc.Arbitrary<Init.PostModelOutputsRequest> = fc.record({
  userAppId: fc.option(fc.record({ userId: id.map(implicit), appId: id.map(implicit) }), { nil: undefined }),
  modelId: id.map(implicit),
  versionId: id.map(implicit),
  runnerSelector: routing,
});

const predict = loadSignature("peer", "predict");
const inputsOf = async (prompts: string[]): Promise<ArgumentData[]> =>
  Promise.all(prompts.map((prompt) => encodeArguments(predict, { prompt })));
const whole = (t: Init.PostModelOutputsRequest, inputs: ArgumentData[]) =>
  Buffer.from(wire.PostModelOutputsRequest.encode({ ...t, inputs: inputs.map((data) => ({ data })) }).finish()).toString("hex");

test("1,000 templates × 0–3 inputs: the same bytes as encoding the whole request", async () => {
  await fc.assert(
    fc.asyncProperty(template, fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), async (t, prompts) => {
      const inputs = await inputsOf(prompts);
      const encoder = new RequestEncoder(t);
      assert.equal(Buffer.from(encoder.encode(inputs)).toString("hex"), whole(t, inputs));
      // Encoding again reuses the cached template and `_method_name` bytes.
      assert.equal(Buffer.from(encoder.encode(inputs)).toString("hex"), whole(t, inputs));
    }),
    { numRuns: 1_000, seed: 10 },
  );
});

test("two methods through one encoder: each input carries its own method's _method_name", async () => {
  const other = loadSignature("peer", "generate");
  const inputs = [await encodeArguments(predict, { prompt: "a" }), await encodeArguments(other, { prompt: "b" })];
  const t = { modelId: "m", versionId: "v" };
  const bytes = new RequestEncoder(t).encode(inputs);
  assert.equal(Buffer.from(bytes).toString("hex"), whole(t, inputs));
  const decoded = wire.PostModelOutputsRequest.decode(bytes);
  assert.deepEqual(decoded.inputs.map((input) => input.data?.metadata?.fields?.["_method_name"]?.stringValue), ["predict", "generate"]);
});
