/**
 * The calls' own protocol checks (runtime/transport/calls.ts), against a raw grpc-js server that breaks the unary
 * contract: it serves PostModelOutputs as a server stream, so it can answer with no message or with two. grpc-js'
 * Client layer made these checks before the runtime called the channel directly; they must still hold.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Server, ServerCredentials, credentials, Client, Metadata, status, type ServerWritableStream } from "@grpc/grpc-js";
import { ClarifaiError, createModelClient, closeClient } from "clarifai-typed";
import { serverStreamCall, unaryCall } from "../../runtime/transport/calls.js";
import { rpc } from "../../runtime/transport/method-definitions.js";
import { wire } from "../../runtime/wire/index.js";

const predict = { name: "predict", method_type: "UNARY_UNARY" as const,
  input_fields: [{ name: "prompt", type: "STR" as const, required: true }], output_fields: [{ name: "return", type: "STR" as const }] };

/** A valid one-output answer, as the model server would send it. */
const answer = Buffer.from(wire.MultiOutputResponse.encode({
  status: { code: 10000 },
  outputs: [{ status: { code: 10000 }, data: { parts: [{ id: "return", data: { stringValue: "ok" } }] } }],
}).finish());

/** How many answers the server sends to the next call. */
let answers = 1;
let server: Server;
let address: string;

before(async () => {
  server = new Server();
  const asBytes = (b: Buffer) => b;
  server.addService(
    { PostModelOutputs: { path: rpc.postModelOutputs.path, requestStream: false, responseStream: true,
      requestSerialize: asBytes, requestDeserialize: asBytes, responseSerialize: asBytes, responseDeserialize: asBytes } },
    {
      PostModelOutputs: (call: ServerWritableStream<Buffer, Buffer>) => {
        for (let i = 0; i < answers; i++) call.write(answer);
        call.end();
      },
    },
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  address = `127.0.0.1:${port}`;
});
after(() => void server.forceShutdown());

async function outcome(count: number) {
  answers = count;
  const client = createModelClient<{ predict(args: { prompt: string }): Promise<string> }>([predict], { modelId: "m" }, {
    baseUrl: address, insecure: true, retry: false,
  });
  try {
    return { result: await client.predict({ prompt: "x" }) };
  } catch (error) {
    assert.ok(error instanceof ClarifaiError, `expected a ClarifaiError, got ${String(error)}`);
    return { grpcCode: error.grpcCode, details: error.details, method: error.method };
  } finally {
    closeClient(client);
  }
}

test("one answer is the result", async () => {
  assert.deepEqual(await outcome(1), { result: "ok" });
});

test("an OK status without an answer is UNIMPLEMENTED 'No message received', not a hang or undefined", async () => {
  assert.deepEqual(await outcome(0), { grpcCode: status.UNIMPLEMENTED, details: "No message received", method: "predict" });
});

test("two answers to a unary call are UNIMPLEMENTED 'Too many responses received' (grpc-js' own Client hangs on them)", async () => {
  assert.deepEqual(await outcome(2), { grpcCode: status.UNIMPLEMENTED, details: "Too many responses received", method: "predict" });
});

test("an answer the method's deserializer rejects is INTERNAL, with the deserializer's message", async () => {
  answers = 1;
  const channel = new Client(address, credentials.createInsecure());
  const rejecting = { ...rpc.postModelOutputs, responseDeserialize: (): Buffer => {
    throw new Error("not what was expected");
  } };
  try {
    const error = await unaryCall(channel, rejecting, new Uint8Array(), { metadata: new Metadata(), method: "predict" }).then(
      () => assert.fail("expected a rejection"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ClarifaiError);
    assert.deepEqual({ grpcCode: error.grpcCode, details: error.details }, {
      grpcCode: status.INTERNAL,
      details: "Response message parsing error: not what was expected",
    });
  } finally {
    channel.close();
  }
});

test("a stream message the method's deserializer rejects ends the stream with INTERNAL", async () => {
  answers = 3;
  const channel = new Client(address, credentials.createInsecure());
  let seen = 0;
  const rejectingSecond = { ...rpc.postModelOutputs, responseDeserialize: (bytes: Buffer): Buffer => {
    if (++seen === 2) throw new Error("not what was expected");
    return bytes;
  } };
  const received: number[] = [];
  try {
    const error = await (async () => {
      for await (const message of serverStreamCall(channel, rejectingSecond, new Uint8Array(), { metadata: new Metadata() })) {
        received.push(message.length);
      }
    })().then(() => assert.fail("expected a failure"), (e: unknown) => e);
    assert.ok(error instanceof ClarifaiError);
    assert.deepEqual({ received, grpcCode: error.grpcCode, details: error.details }, {
      received: [answer.length],
      grpcCode: status.INTERNAL,
      details: "Response message parsing error: not what was expected",
    });
  } finally {
    channel.close();
  }
});
