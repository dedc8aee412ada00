/**
 * The PAT never leaves: not in any error (message, details, stack, inspect, JSON), log line, warning or
 * generated file — even when a hostile server echoes it back in-band or in a gRPC status. TLS certificate
 * checks are on by default (a self-signed server is refused); plaintext needs an explicit `insecure` and warns
 * when it points at a non-loopback host.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { Server, ServerCredentials, status as GrpcStatus, type ServiceDefinition } from "@grpc/grpc-js";
import { ClarifaiError, createModelClient, closeClient, fetchSignaturesFromApi } from "clarifai-typed";
import { startTestServer, type HandlerContext, type TestServer } from "clarifai-typed/testing";
import { resolveEndpoint } from "../../runtime/transport/endpoint.js";
import { rpc } from "../../runtime/transport/method-definitions.js";
import { generateClients } from "../../generator/cli/generate-clients.js";
import { withEnv } from "../support/with-env.js";
import { CALL_KINDS, METHOD_OF, callKind, echoSignatures, type EchoClient } from "./support/echo-model.js";

const PAT = "pat_7f3c9e1d2b4a6f8e0c5d3b1a9e7f5c3d";

let server: TestServer;
before(async () => {
  // A hostile model: echoes the credential headers back in every way it can.
  const leak = (context: HandlerContext) =>
    String(context.metadata.get("authorization")[0] ?? `token ${String(context.metadata.get("x-clarifai-session-token")[0])}`);
  server = await startTestServer({
    signatures: echoSignatures,
    handlers: {
      predict: (_args: unknown, context: HandlerContext) => {
        throw new Error(`bad key ${leak(context)}`);
      },
      generate: function* (_args: unknown, context: HandlerContext) {
        yield "first";
        throw new Error(`bad key ${leak(context)}`);
      },
      stream: async function* (_args: unknown, context: HandlerContext) {
        yield* [];
        throw new Error(`bad key ${leak(context)}`);
      },
    },
  });
});
after(() => server.close());

/** Every way an error can be looked at. */
function renderings(error: unknown): string {
  const e = error as ClarifaiError;
  return [String(e), e.stack, inspect(e, { depth: Infinity, showHidden: true }), JSON.stringify(e), e.details, e.description, ...(e.stackTrace ?? [])].join("\n");
}

/**
 * Runs `work` while capturing console output, stderr and process warnings. (stdout itself carries the test
 * runner's report, so it is watched through `console`; the runtime writes nowhere else — it has no logging.)
 */
async function captureOutput<T>(work: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const saved = { stderr: process.stderr.write, console: { ...console } };
  const capture = (...args: unknown[]) => void chunks.push(args.map(String).join(" "));
  const onWarning = (warning: Error) => chunks.push(`${warning.name}: ${warning.message}`);
  process.stderr.write = ((chunk: unknown) => (capture(chunk), true)) as typeof process.stderr.write;
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) console[level] = capture;
  process.on("warning", onWarning);
  try {
    return { result: await work(), output: chunks.join("\n") };
  } finally {
    process.stderr.write = saved.stderr;
    Object.assign(console, saved.console);
    process.off("warning", onWarning);
  }
}

const SESSION_TOKEN = "sess_91b2c3d4e5f60718293a4b5c6d7e8f90";
const CREDENTIALS = [
  { name: "PAT", secret: PAT, options: { pat: PAT }, header: "authorization", sent: `Key ${PAT}`, echoed: /bad key Key \[REDACTED\]/ },
  {
    name: "session token", secret: SESSION_TOKEN, options: { sessionToken: SESSION_TOKEN }, header: "x-clarifai-session-token", sent: SESSION_TOKEN,
    echoed: /bad key token \[REDACTED\]/,
  },
];

for (const credential of CREDENTIALS) {
  for (const kind of CALL_KINDS) {
    test(`${kind}: a server echoing the ${credential.name} in-band: the ClarifaiError and all output are free of it`, async () => {
      const client = createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, { ...credential.options, baseUrl: server.address, insecure: true, retry: false });
      try {
        const { result, output } = await captureOutput(() => callKind(client, kind, "x"));
        assert.ok(result.error instanceof ClarifaiError, String(result.error));
        assert.equal(server.requests.at(-1)?.metadata[credential.header], credential.sent, "the credential was sent (so the server could echo it)");
        assert.match(result.error.details, credential.echoed);
        assert.ok(!renderings(result.error).includes(credential.secret), renderings(result.error));
        assert.ok(!output.includes(credential.secret));
        assert.ok(!inspect(client, { depth: Infinity, showHidden: true }).includes(credential.secret));
      } finally {
        closeClient(client);
      }
    });
  }
}

test("a gRPC status whose details echo the PAT: redacted too", async () => {
  server.faults[METHOD_OF.unary] = { fail: { grpcCode: GrpcStatus.UNAUTHENTICATED, description: `rejected key ${PAT}` } };
  const client = createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, { pat: PAT, baseUrl: server.address, insecure: true, retry: false });
  try {
    const { error } = await callKind(client, "unary", "x");
    assert.ok(error instanceof ClarifaiError);
    assert.equal(error.grpcCode, GrpcStatus.UNAUTHENTICATED);
    assert.ok(!renderings(error).includes(PAT), renderings(error));
  } finally {
    delete server.faults[METHOD_OF.unary];
    closeClient(client);
  }
});

test("fetching signatures from the API with a PAT, then generating: the PAT is in no file and no error", async () => {
  const signatures = await fetchSignaturesFromApi({ pat: PAT, baseUrl: server.address, insecure: true, userId: "test-user", appId: "test-app", modelId: "test-model" });
  const out = mkdtempSync(path.join(tmpdir(), "secrets-"));
  try {
    await withEnv({ CLARIFAI_PAT: PAT }, async () => {
      const outcomes = await generateClients([{ spec: "test-user/test-app/test-model", load: {} }], {
        outDir: out,
        loadModel: async () => ({ signatures, identity: { userId: "test-user", appId: "test-app", modelId: "test-model" }, source: "the Clarifai API" }),
      });
      assert.deepEqual(outcomes.map((o) => o.status), ["written"]);
      assert.ok(!readFileSync(path.join(out, "test-model.ts"), "utf8").includes(PAT));
      const missing = await fetchSignaturesFromApi({ pat: PAT, baseUrl: server.address, insecure: true, userId: "u", appId: "a", modelId: "nope" }).catch((e: unknown) => e);
      assert.ok(missing instanceof ClarifaiError && !renderings(missing).includes(PAT));
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("TLS by default: a host:port without `insecure` (and the default base URL) use TLS", async () => {
  await withEnv({ CLARIFAI_API_BASE: undefined }, () => {
    assert.deepEqual(
      [resolveEndpoint(undefined, undefined), resolveEndpoint("10.0.0.5:8000", undefined), resolveEndpoint("127.0.0.1:8000", false)].map((e) => e.tls),
      [true, true, true],
    );
    assert.throws(() => resolveEndpoint("https://x.example:443", true), /insecure/);
  });
});

test("plaintext to a non-loopback host warns (once, naming the host); loopback does not", async () => {
  const { output } = await captureOutput(async () => {
    for (const baseUrl of ["127.0.0.1:1", "localhost:1", "[::1]:1", "192.0.2.7:8000", "192.0.2.7:8000"]) {
      closeClient(createModelClient(echoSignatures, { modelId: "echo" }, { baseUrl, insecure: true }));
    }
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
  });
  const warnings = output.split("\n").filter((line) => line.startsWith("Warning: clarifai-typed: plaintext"));
  assert.equal(warnings.length, 1, output);
  assert.match(warnings[0]!, /192\.0\.2\.7/);
});

test("certificate checks are on: a TLS server with a self-signed certificate is refused, nothing reaches it", async () => {
  await withSelfSignedCertificate(async ({ key, cert }) => {
    const tls = new Server();
    let reached = 0;
    try {
      const credentials = ServerCredentials.createSsl(null, [{ private_key: readFileSync(key), cert_chain: readFileSync(cert) }]);
      tls.addService({ PostModelOutputs: rpc.postModelOutputs } as unknown as ServiceDefinition, { PostModelOutputs: () => void reached++ });
      const port = await new Promise<number>((resolve, reject) => tls.bindAsync("127.0.0.1:0", credentials, (e, p) => (e ? reject(e) : resolve(p))));
      const client = createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, { pat: PAT, baseUrl: `localhost:${port}`, retry: false, timeoutMs: 5_000 });
      try {
        const { error } = await callKind(client, "unary", "x");
        assert.ok(error instanceof ClarifaiError, String(error));
        assert.equal(error.grpcCode, GrpcStatus.UNAVAILABLE, error.message);
        assert.equal(reached, 0);
        assert.ok(!renderings(error).includes(PAT));
      } finally {
        closeClient(client);
      }
    } finally {
      tls.forceShutdown();
    }
  });
});

/** A fresh self-signed certificate for localhost and 127.0.0.1 (openssl), with its key; the folder is removed after `use`. */
async function withSelfSignedCertificate(use: (files: { key: string; cert: string; dir: string }) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "tls-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert], { stdio: "ignore" });
    await use({ key, cert, dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a private CA: rootCertificatesPath (or CLARIFAI_ROOT_CERTIFICATES_PATH) makes a TLS server of that CA trusted", async () => {
  await withSelfSignedCertificate(async ({ key, cert }) => {
    const tlsServer = await startTestServer({ signatures: echoSignatures, handlers: { predict: ({ prompt }: { prompt: string }) => `tls ${prompt}` },
      tls: { key: readFileSync(key), cert: readFileSync(cert, "utf8") } });
    try {
      const connect = (options: object) =>
        createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, { pat: PAT, baseUrl: `localhost:${tlsServer.port}`, retry: false, timeoutMs: 5_000, ...options });
      const trusts = [
        { name: "rootCertificatesPath", env: undefined, options: { rootCertificatesPath: cert } },
        { name: "CLARIFAI_ROOT_CERTIFICATES_PATH", env: cert, options: {} },
      ];
      for (const trust of trusts) {
        await withEnv({ CLARIFAI_ROOT_CERTIFICATES_PATH: trust.env }, async () => {
          const client = connect(trust.options);
          try {
            assert.equal(await client.predict({ prompt: "hello" }), "tls hello", trust.name);
          } finally {
            closeClient(client);
          }
        });
      }
      await withEnv({ CLARIFAI_ROOT_CERTIFICATES_PATH: undefined }, async () => {
        const untrusting = connect({});
        try {
          const { error } = await callKind(untrusting, "unary", "x");
          assert.ok(error instanceof ClarifaiError && error.grpcCode === GrpcStatus.UNAVAILABLE, String(error));
        } finally {
          closeClient(untrusting);
        }
      });
      assert.equal(tlsServer.requests.length, 2, "only the two trusting clients reached the server");
    } finally {
      await tlsServer.close();
    }
  });
});

test("rootCertificatesPath that cannot be used is refused when the client is created, naming the file", async () => {
  await withSelfSignedCertificate(async ({ key, dir }) => {
    const make = (options: object) => () => createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, { pat: PAT, baseUrl: "localhost:1", ...options });
    const missing = path.join(dir, "missing.pem");
    assert.throws(make({ rootCertificatesPath: missing }), new RegExp(`Invalid option rootCertificatesPath: cannot read ${missing.replaceAll("\\", "\\\\")}`));
    assert.throws(make({ rootCertificatesPath: key }), /Invalid option rootCertificatesPath: .*key\.pem holds no PEM certificate/);
    assert.throws(make({ rootCertificatesPath: key, baseUrl: "127.0.0.1:1", insecure: true }), /Invalid option rootCertificatesPath: it applies to TLS, but 127\.0\.0\.1:1 is plaintext/);
  });
});
