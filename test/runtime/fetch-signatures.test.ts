import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { fetchSignaturesFromApi, fetchSignaturesFromServer, type MethodSignature } from "clarifai-typed";
import { signatureFromJson } from "clarifai-typed/signatures";
import { startTestServer } from "clarifai-typed/testing";
import { rpc } from "../../runtime/transport/method-definitions.js";

const vectors = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "vectors");
const readJson = (name: string) => JSON.parse(readFileSync(path.join(vectors, name), "utf8"));

const cases = [
  { vector: "get_signatures.json", signatures: "signatures.json" },
  { vector: "m3_get_signatures.json", signatures: "signatures-m3.json" },
];

test("_GET_SIGNATURES answers byte-for-byte like the model server, and fetchSignaturesFromServer reads it back", async () => {
  for (const { vector, signatures: file } of cases) {
    const recorded = readJson(vector);
    const signatures = (readJson(file).signatures as unknown[]).map((s) => signatureFromJson(s));
    const server = await startTestServer({ signatures, handlers: {} });
    const channel = new Client(server.address, credentials.createInsecure());
    try {
      // The recorded request's bytes in, the server's bytes out, as they are on the wire.
      const bytes = (b: Buffer) => b;
      const response = await new Promise<Buffer>((resolve, reject) =>
        channel.makeUnaryRequest(rpc.postModelOutputs.path, bytes, bytes, Buffer.from(recorded.request_b64, "base64"), new Metadata(),
          (error, answer) => (error ? reject(error) : resolve(answer!))));
      assert.equal(response.toString("base64"), recorded.response_b64, vector);
      assert.deepEqual(await fetchSignaturesFromServer({ address: server.address }), signatures, vector);
    } finally {
      channel.close();
      await server.close();
    }
  }
});

test("fetchSignaturesFromApi uses GetModel, or GetModelVersion for a pinned version", async () => {
  const signatures: MethodSignature[] = (readJson("signatures.json").signatures as unknown[]).map((s) => signatureFromJson(s));
  const server = await startTestServer({ signatures, handlers: {}, model: { userId: "u", appId: "a", modelId: "m", versionId: "v1" } });
  const base = { baseUrl: server.address, insecure: true, pat: "p", userId: "u", appId: "a" };
  try {
    assert.deepEqual(await fetchSignaturesFromApi({ ...base, modelId: "m" }), signatures);
    assert.deepEqual(await fetchSignaturesFromApi({ ...base, modelId: "m", versionId: "v1" }), signatures);
    assert.deepEqual(server.requests.map((r) => [r.rpc, r.metadata.authorization]), [["GetModel", "Key p"], ["GetModelVersion", "Key p"]]);
    await assert.rejects(fetchSignaturesFromApi({ ...base, modelId: "missing" }), { code: 21200, codeName: "MODEL_DOES_NOT_EXIST" });
  } finally {
    await server.close();
  }
});
