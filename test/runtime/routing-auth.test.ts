import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createModelClient, closeClient, ClarifaiError, type ClientOptions } from "clarifai-typed";
import type { TestServer } from "clarifai-typed/testing";
import type { PostModelOutputsRequest } from "../../runtime/wire/index.js";
import { resolveEndpoint } from "../../runtime/transport/endpoint.js";
import { withEnv } from "../support/with-env.js";
import { signatures, startModelServer, type TestClient } from "./fixtures.js";

let server: TestServer;
before(async () => (server = await startModelServer({ ownerId: "pat-owner" })));
after(() => server.close());

function clientWith(options: ClientOptions): TestClient {
  return createModelClient<TestClient>(signatures, { userId: "u", appId: "a", modelId: "test-model" },
    { baseUrl: server.address, insecure: true, ...options });
}

test("runner_selector as the server sees it, from client defaults and per-call overrides", async () => {
  const cases: { given: ClientOptions; call?: object; want: unknown }[] = [
    { given: {}, want: undefined },
    { given: { deploymentId: "dep", deploymentUserId: "org" }, want: { deployment: { id: "dep", userId: "org" } } },
    { given: { deploymentId: "dep" }, want: { deployment: { id: "dep", userId: "pat-owner" } } },
    { given: { computeClusterId: "cc", nodepoolId: "np" },
      want: { nodepool: { id: "np", computeCluster: { id: "cc", userId: "pat-owner" } } } },
    { given: { computeClusterId: "cc", nodepoolId: "np", computeClusterUserId: "org" },
      want: { nodepool: { id: "np", computeCluster: { id: "cc", userId: "org" } } } },
    { given: { deploymentId: "dep", deploymentUserId: "org" }, call: { nodepoolId: "np2", computeClusterId: "cc2", computeClusterUserId: "o2" },
      want: { nodepool: { id: "np2", computeCluster: { id: "cc2", userId: "o2" } } } },
  ];
  for (const { given, call, want } of cases) {
    const client = clientWith(given);
    server.requests.length = 0;
    await client.predict({ prompt: "x" }, call);
    closeClient(client);
    const predict = server.requests.find((r) => r.rpc === "PostModelOutputs")!;
    const selector = (predict.request as PostModelOutputsRequest).runnerSelector;
    assert.deepEqual(selector?.toJSON(), want, JSON.stringify(given));
  }
});

test("the PAT owner id is resolved once per client with GetUser", async () => {
  const client = clientWith({ deploymentId: "dep" });
  server.requests.length = 0;
  await client.predict({ prompt: "x" });
  await client.predict({ prompt: "y" });
  closeClient(client);
  assert.deepEqual(server.requests.map((r) => r.rpc), ["GetUser", "PostModelOutputs", "PostModelOutputs"]);
});

test("conflicting or incomplete routing options are rejected naming them", async () => {
  const cases: { given: ClientOptions; want: RegExp }[] = [
    { given: { deploymentId: "d", nodepoolId: "n" }, want: /select compute in two ways/ },
    { given: { nodepoolId: "n" }, want: /needs both computeClusterId and nodepoolId/ },
    { given: { deploymentUserId: "o" }, want: /deploymentUserId: it needs deploymentId/ },
  ];
  for (const { given, want } of cases) assert.throws(() => clientWith(given), (e: unknown) => e instanceof ClarifaiError && want.test(e.message));
  const client = clientWith({});
  await assert.rejects(client.predict({ prompt: "x" }, { deploymentId: "d", computeClusterId: "c" }), /select compute in two ways/);
  closeClient(client);
});

test("authorization metadata carries the PAT from options or CLARIFAI_PAT", async () => {
  const cases = [
    { env: undefined, option: "opt-pat", want: "Key opt-pat" },
    { env: "env-pat", option: undefined, want: "Key env-pat" },
    { env: undefined, option: undefined, want: undefined },
  ];
  for (const { env, option, want } of cases) {
    await withEnv({ CLARIFAI_PAT: env, CLARIFAI_SESSION_TOKEN: undefined }, async () => {
      const client = clientWith(option === undefined ? {} : { pat: option });
      server.requests.length = 0;
      await client.predict({ prompt: "x" });
      closeClient(client);
      assert.equal(server.requests[0]!.metadata.authorization, want);
    });
  }
});

test("a session token goes as x-clarifai-session-token when there is no PAT; a PAT wins, as in the SDK", async () => {
  const cases = [
    { env: {}, option: { sessionToken: "opt-token" }, want: { token: "opt-token", authorization: undefined } },
    { env: { CLARIFAI_SESSION_TOKEN: "env-token" }, option: {}, want: { token: "env-token", authorization: undefined } },
    { env: { CLARIFAI_SESSION_TOKEN: "env-token" }, option: { pat: "p" }, want: { token: undefined, authorization: "Key p" } },
    { env: { CLARIFAI_PAT: "env-pat" }, option: { sessionToken: "opt-token" }, want: { token: undefined, authorization: "Key env-pat" } },
  ];
  for (const { env, option, want } of cases) {
    await withEnv({ CLARIFAI_PAT: undefined, CLARIFAI_SESSION_TOKEN: undefined, ...env }, async () => {
      const client = clientWith(option);
      server.requests.length = 0;
      await client.predict({ prompt: "x" });
      closeClient(client);
      const { metadata } = server.requests[0]!;
      assert.deepEqual({ token: metadata["x-clarifai-session-token"], authorization: metadata.authorization }, want, JSON.stringify({ env, option }));
    });
  }
});

test("over TLS without a PAT or session token, a call fails at once saying how to give one", async () => {
  await withEnv({ CLARIFAI_PAT: undefined, CLARIFAI_SESSION_TOKEN: undefined }, async () => {
    const client = createModelClient<TestClient>(signatures, { modelId: "m" }, { baseUrl: "localhost:1", retry: false });
    const error = await client.predict({ prompt: "x" }).catch((e: unknown) => e);
    closeClient(client);
    assert.ok(error instanceof ClarifaiError);
    assert.equal(error.code, 11009); // CONN_KEY_NOT_FOUND
    assert.match(error.message, /no Clarifai PAT; pass the pat client option or set CLARIFAI_PAT \(or a session token: sessionToken, CLARIFAI_SESSION_TOKEN\)/);
  });
});

test("the endpoint from the environment: CLARIFAI_API_BASE, else CLARIFAI_GRPC_BASE (a host), else the public API", async () => {
  const cases = [
    { env: { CLARIFAI_API_BASE: "http://127.0.0.1:9000", CLARIFAI_GRPC_BASE: "grpc.example" }, want: { address: "127.0.0.1:9000", tls: false } },
    { env: { CLARIFAI_API_BASE: undefined, CLARIFAI_GRPC_BASE: "grpc.example" }, want: { address: "grpc.example:443", tls: true } },
    { env: { CLARIFAI_API_BASE: "", CLARIFAI_GRPC_BASE: "" }, want: { address: "api.clarifai.com:443", tls: true } },
  ];
  for (const { env, want } of cases) {
    await withEnv(env, () => {
      const { address, tls } = resolveEndpoint(undefined, undefined);
      assert.deepEqual({ address, tls }, want, JSON.stringify(env));
    });
  }
});

test("baseUrl forms resolve to an address and TLS choice", () => {
  const cases = [
    { baseUrl: "api.clarifai.com:443", insecure: undefined, want: { address: "api.clarifai.com:443", tls: true } },
    { baseUrl: "https://api.clarifai.com", insecure: undefined, want: { address: "api.clarifai.com:443", tls: true } },
    { baseUrl: "https://h.example:8443/v2", insecure: undefined, want: { address: "h.example:8443", tls: true } },
    { baseUrl: "http://localhost:8000", insecure: undefined, want: { address: "localhost:8000", tls: false } },
    { baseUrl: "127.0.0.1:8000", insecure: true, want: { address: "127.0.0.1:8000", tls: false } },
    { baseUrl: "[::1]:8000", insecure: true, want: { address: "[::1]:8000", tls: false } },
  ];
  for (const { baseUrl, insecure, want } of cases) {
    const { address, tls } = resolveEndpoint(baseUrl, insecure);
    assert.deepEqual({ address, tls }, want, baseUrl);
  }
  for (const [baseUrl, insecure] of [["ftp://x:1", undefined], ["https://x", true], ["localhost", true]] as const) {
    assert.throws(() => resolveEndpoint(baseUrl, insecure), /Invalid option baseUrl/);
  }
});
