/**
 * Signatures from a server are untrusted: absurd nesting, unknown DataType numbers, empty, duplicate and
 * non-identifier names, hostile identities, 10,000 methods. Each either generates a client that type-checks
 * under `strict` (one ts-morph project for all of them) or fails with a message naming the field.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { create } from "@bufbuild/protobuf";
import type { MethodSignature, ModelTypeField } from "clarifai-typed";
import { signatureFromProto } from "clarifai-typed/signatures";
import { MethodSignatureSchema, type ModelTypeField_DataType } from "../../runtime/gen/proto/clarifai/api/resources_pb.js";
import { emitClient } from "../../generator/emit/emit-client.js";
import { verifyClients } from "../../generator/emit/verify.js";
import type { ModelIdentity } from "../../generator/emit/client-model.js";

const str = (name: string): ModelTypeField => ({ name, type: "STR" });
const ret = (field: Omit<ModelTypeField, "name"> = { type: "STR" }): ModelTypeField => ({ name: "return", ...field });
const unary = (name: string, inputs: ModelTypeField[] = [str("x")], output = ret()): MethodSignature => ({
  name, method_type: "UNARY_UNARY", input_fields: inputs, output_fields: [output],
});
function nestedList(depth: number): ModelTypeField {
  let field: ModelTypeField = { name: "item", type: "INT" };
  for (let i = 0; i < depth; i++) field = { name: "item", type: "LIST", type_args: [field] };
  return field;
}
const hostileNames = ["class", "a-b", "1st", "", "__proto__", "constructor", "then", "x*/y", "é", "a b", "${x}", "`x`", "'\"\\"];

interface Case {
  name: string;
  signatures: MethodSignature[];
  identity?: ModelIdentity;
  /** Absent: the client must generate and type-check. Otherwise the error message must match. */
  refused?: RegExp;
}

const cases: Case[] = [
  { name: "LIST nested 32 deep (the limit)", signatures: [unary("deep", [{ ...nestedList(32), name: "x" }], ret(nestedList(32)))] },
  {
    name: "LIST nested 50 deep",
    signatures: [unary("deep", [{ ...nestedList(50), name: "x" }])],
    refused: /"deep".*"x"/,
  },
  {
    name: "LIST nested 5,000 deep",
    signatures: [unary("deep", [{ ...nestedList(5_000), name: "x" }])],
    refused: /"deep".*"x"/,
  },
  {
    name: "an unknown DataType number (99) from the proto",
    signatures: [signatureFromProto(create(MethodSignatureSchema, { name: "odd", methodType: 1, inputFields: [{ name: "weird", type: 99 as ModelTypeField_DataType }], outputFields: [{ name: "return", type: 1 }] }))],
    refused: /weird/,
  },
  { name: "an empty method name", signatures: [unary("")], refused: /method name.*empty|empty method name/i },
  { name: "an empty parameter name", signatures: [unary("m", [str("")])], refused: /"m".*parameter.*empty|empty parameter name/i },
  { name: "duplicate method names", signatures: [unary("twice"), unary("twice")], refused: /twice/ },
  { name: "duplicate parameter names", signatures: [unary("m", [str("p"), str("p")])], refused: /"m".*"p"|"p".*twice/ },
  { name: "method names that are not identifiers or are reserved", signatures: hostileNames.filter(Boolean).map((n) => unary(n)) },
  { name: "parameter names that are not identifiers or are reserved", signatures: [unary("m", hostileNames.filter(Boolean).map(str))] },
  {
    name: "descriptions, defaults and choices that try to close comments and strings",
    signatures: [unary("m", [{ name: "p", type: "STR", description: "*/ process.exit(1) /*", default: "`${process.exit(1)}`", model_type_enum_options: [{ id: "a'b" }, { id: "*/" }] }])],
  },
  {
    name: "hostile user, app and version ids (quotes, newlines, comment ends)",
    signatures: [unary("m")],
    identity: { userId: "u\"; process.exit(1); //", appId: "a\n*/ evil()", modelId: "ok-id", versionId: "v`${x}`" },
  },
  // 10,000 methods take ~96 s in prettier: bench/fuzz-generator-limits.ts measures that case.
  { name: "1,000 methods", signatures: Array.from({ length: 1_000 }, (_, i) => unary(`m${i}`)) },
];

const generated = new Map<string, string>();

for (const [i, c] of cases.entries()) {
  test(`${c.name}: ${c.refused ? "refused naming the field" : "generates"}`, async (t) => {
    const started = performance.now();
    const result = await emitClient({ signatures: c.signatures, identity: c.identity ?? { modelId: `case-${i}` }, source: "hostile test" }).then(
      (content) => ({ content }),
      (error: unknown) => ({ message: error instanceof Error ? error.message : String(error) }),
    );
    const ms = Math.round(performance.now() - started);
    if ("content" in result) {
      t.diagnostic(`generated in ${ms} ms, ${Math.round(result.content.length / 1024)} KiB`);
      if (!c.refused) generated.set(path.join(import.meta.dirname, `case-${i}.generated.ts`), result.content);
      assert.equal(c.refused, undefined, "want it refused, but a client was generated");
    } else {
      t.diagnostic(`refused in ${ms} ms: ${result.message.slice(0, 200)}`);
      assert.ok(c.refused, `want a client, got: ${result.message}`);
      assert.match(result.message, c.refused);
    }
  });
}

test("every generated client type-checks under strict (one ts-morph project)", { timeout: 60_000 }, async (t) => {
  const started = performance.now();
  const problems = await verifyClients(generated);
  t.diagnostic(`type-check of ${generated.size} clients: ${Math.round(performance.now() - started)} ms`);
  assert.equal(generated.size, cases.filter((c) => !c.refused).length);
  assert.deepEqual(problems.slice(0, 10).map((p) => `${path.basename(p.file)}: ${p.message}`), []);
});
