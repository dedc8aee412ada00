/**
 * Encoding one PostModelOutputsRequest (a one-string-argument call): protobufjs on the whole message (the baseline)
 * against the clients' RequestEncoder, which reuses the template's and `_method_name`'s encodings. Hot loop, same
 * run, median of 7 rounds; two templates: the model id alone, and a model with user, app, version and a deployment.
 *
 * Run: npm run build && node --import tsx bench/request-encoding.bench.ts [--append]  (the compiled modules)
 */
import type { ArgumentData } from "../runtime/wire/request-encoder.js";
import type { Init } from "../runtime/wire/index.js";
import { publish } from "./bench-model.js";
import { built } from "./built.js";

const { encodeArguments } = (await import(built("codec/index.js"))) as typeof import("../runtime/codec/index.js");
const { wire } = (await import(built("wire/index.js"))) as typeof import("../runtime/wire/index.js");
const { RequestEncoder } = (await import(built("wire/request-encoder.js"))) as typeof import("../runtime/wire/request-encoder.js");

const signature = { name: "predict", method_type: "UNARY_UNARY" as const,
  input_fields: [{ name: "prompt", type: "STR" as const, required: true }], output_fields: [{ name: "return", type: "STR" as const }] };
const data: ArgumentData = await encodeArguments(signature, { prompt: "hello" });
const templates = {
  "model id only": { modelId: "bench" },
  "user, app, model, version, deployment": {
    userAppId: { userId: "someone", appId: "some-app" }, modelId: "bench-model", versionId: "abcdef0123",
    runnerSelector: { deployment: { id: "dep-1", userId: "someone" } },
  },
};
const CALLS = 500_000;
const ROUNDS = 7;

function nsPerCall(encode: () => Uint8Array): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) encode();
    times.push(((performance.now() - start) * 1e6) / CALLS);
  }
  return times.sort((a, b) => a - b)[ROUNDS >> 1]!;
}

const rows: string[] = [];
for (const [name, template] of Object.entries(templates)) {
  const encoder = new RequestEncoder(template);
  const t: Init.PostModelOutputsRequest = template;
  // The request built as the runtime built it before RequestEncoder: the template's fields copied into a literal.
  const whole = nsPerCall(() => wire.PostModelOutputsRequest.encode({
    userAppId: t.userAppId, modelId: t.modelId, versionId: t.versionId, runnerSelector: t.runnerSelector, inputs: [{ data }],
  }).finish());
  const reusing = nsPerCall(() => encoder.encode([data]));
  rows.push(`| ${name} | ${whole.toFixed(0)} | ${reusing.toFixed(0)} | ${(reusing / whole).toFixed(2)}× |`);
}
publish(`
## Request encoding (bench/request-encoding.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

One PostModelOutputsRequest with one string argument, ns per request in a hot loop (median of ${ROUNDS} rounds of
${CALLS} requests). Baseline: protobufjs encoding the whole message; RequestEncoder: what clients use.

| template | whole message | RequestEncoder | ratio |
| --- | ---: | ---: | ---: |
${rows.join("\n")}
`);
