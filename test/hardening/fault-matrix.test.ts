/**
 * The fault matrix: every fault × every call kind, against real servers on loopback. Each row states the
 * outcome it wants (the results, or the error's grpcCode and Clarifai code) and a time bound the call must end
 * within. "Killed" rows run the server in a child process and SIGKILL it; the others use the test server's
 * fault hooks. At the end no socket, timer or child is left open.
 */
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { status as GrpcStatus } from "@grpc/grpc-js";
import { createModelClient, closeClient, ClarifaiError, type ClientOptions } from "clarifai-typed";
import { startTestServer, type Fault, type TestServer } from "clarifai-typed/testing";
import { StatusCode } from "../../runtime/gen/proto/clarifai/api/status/status_code_pb.js";
import {
  CALL_KINDS, METHOD_OF, callKind, echoHandlers, echoSignatures, expectedItems,
  type CallKind, type CallOutcome, type EchoClient,
} from "./support/echo-model.js";
import { startServerProcess } from "./support/server-process-handle.js";
import { leakableHandles, waitUntil } from "./support/load-measure.js";

const RETRY = { maxAttempts: 4, initialDelayMs: 20, maxDelayMs: 50 };
const DEADLINE_MS = 400;

interface Want {
  items: string[];
  /** Absent: the call must succeed. */
  error?: { grpcCode?: number; code: number };
  /** How many requests for the method the server must have received. */
  attempts?: number;
  /** The server must have seen the call cancelled. */
  serverSawCancel?: boolean;
}

interface Row {
  fault: string;
  kind: CallKind;
  want: Want;
  /** The call must end within this many milliseconds. */
  boundMs: number;
  /** A known bug this row exposes (reported, not yet fixed): the row runs but does not fail the suite. */
  todo?: string;
  run(kind: CallKind): Promise<CallOutcome>;
}

let server: TestServer;
const observed: { fault: string; kind: CallKind; outcome: string; ms: number }[] = [];
const baselineResources = leakableHandles().length;

before(async () => {
  server = await startTestServer({ signatures: echoSignatures, handlers: echoHandlers });
});
after(async () => {
  await server.close();
});

function client(address: string, extra: ClientOptions = {}): EchoClient {
  // The client deadline is a backstop so that no row can hang; rows that test deadlines set their own.
  const options = { baseUrl: address, insecure: true, retry: RETRY, timeoutMs: 3_000, ...extra };
  return createModelClient<EchoClient>(echoSignatures, { modelId: "echo" }, options);
}

/** One call through a fresh client, with `fault` set on the in-process server for that method. */
function withFault(fault: Fault | undefined, input: string, options: object = {}) {
  return async (kind: CallKind) => {
    const method = METHOD_OF[kind];
    if (fault) server.faults[method] = structuredClone(fault);
    const c = client(server.address);
    try {
      return await callKind(c, kind, input, { options });
    } finally {
      delete server.faults[method];
      closeClient(c);
    }
  };
}

/** An address where nothing listens: a port bound and released. */
async function refusedAddress(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `127.0.0.1:${port}`;
}

/** A server process that is SIGKILLed when the handler starts (`before`) or after two results (`mid`). */
function killed(when: "before" | "mid") {
  return async (kind: CallKind) => {
    const child = await startServerProcess();
    const c = client(child.address);
    try {
      const method = METHOD_OF[kind];
      if (when === "before") void child.waitFor(`called ${method}`).then(() => child.kill());
      return await callKind(c, kind, when === "before" ? "hang" : "mid", {
        onItem: (received) => void (when === "mid" && received === 2 && child.kill()),
      });
    } finally {
      closeClient(c);
      await child.kill();
    }
  };
}

const unavailable = { grpcCode: GrpcStatus.UNAVAILABLE, code: StatusCode.RPC_SERVER_UNAVAILABLE };
const streamKinds: CallKind[] = ["server streaming", "bidi"];
const ok = (kind: CallKind, input: string): Want => ({ items: expectedItems(kind, input) });

const rows: Row[] = [
  ...CALL_KINDS.map((kind): Row => ({
    fault: "server refuses connections",
    kind,
    want: { items: [], error: unavailable },
    boundMs: 3_000,
    run: async (k) => {
      const c = client(await refusedAddress());
      try {
        return await callKind(c, k, "x");
      } finally {
        closeClient(c);
      }
    },
  })),
  ...CALL_KINDS.map((kind): Row => ({
    fault: "server process killed before answering",
    kind,
    want: { items: [], error: unavailable },
    boundMs: 5_000,
    run: killed("before"),
  })),
  ...streamKinds.map((kind): Row => ({
    fault: "server process killed mid-stream",
    kind,
    want: { items: expectedItems(kind, "mid").slice(0, 2), error: unavailable },
    boundMs: 5_000,
    run: killed("mid"),
  })),
  ...streamKinds.map((kind): Row => ({
    fault: "server ends the stream with UNAVAILABLE after 2 items",
    kind,
    want: { items: expectedItems(kind, "die").slice(0, 2), error: unavailable, attempts: 1 },
    boundMs: 2_000,
    run: withFault({ dieAfterItems: 2 }, "die"),
  })),
  ...CALL_KINDS.map((kind): Row => ({
    fault: `server stalls past the ${DEADLINE_MS} ms deadline`,
    kind,
    want: { items: [], error: { grpcCode: GrpcStatus.DEADLINE_EXCEEDED, code: StatusCode.RPC_REQUEST_TIMEOUT }, serverSawCancel: true },
    boundMs: DEADLINE_MS + 600,
    run: withFault({ delayMs: 30_000 }, "stall", { timeoutMs: DEADLINE_MS }),
  })),
  ...CALL_KINDS.map((kind): Row => ({
    fault: "server answers slowly (300 ms, deadline 5 s)",
    kind,
    want: { ...ok(kind, "slow"), attempts: 1 },
    boundMs: 2_000,
    run: withFault({ delayMs: 300 }, "slow", { timeoutMs: 5_000 }),
  })),
  // A bidi call is retried only while the caller's iterable has given up nothing but the first item (which the
  // client keeps). With an array all three items are sent at once, so a retry would lose them: a typed error
  // instead. With a lazy input still producing its second item, the call is retried and succeeds.
  ...CALL_KINDS.map((kind): Row => ({
    fault: "MODEL_LOADING (21355) twice, then success",
    kind,
    want: kind === "bidi" ? { items: [], error: { code: StatusCode.MODEL_LOADING }, attempts: 1 } : { ...ok(kind, "retry"), attempts: 3 },
    boundMs: 2_000,
    run: withFault({ fail: { times: 2, code: StatusCode.MODEL_LOADING } }, "retry"),
  })),
  ...CALL_KINDS.map((kind): Row => ({
    fault: "gRPC UNAVAILABLE twice, then success",
    kind,
    want: kind === "bidi" ? { items: [], error: unavailable, attempts: 1 } : { ...ok(kind, "retry"), attempts: 3 },
    boundMs: 2_000,
    run: withFault({ fail: { times: 2, grpcCode: GrpcStatus.UNAVAILABLE } }, "retry"),
  })),
  ...(["MODEL_LOADING", "UNAVAILABLE"] as const).map((status): Row => ({
    fault: `${status} twice, then success; lazy bidi input`,
    kind: "bidi",
    want: { ...ok("bidi", "lazy"), attempts: 3 },
    boundMs: 3_000,
    run: async () => {
      server.faults.stream = { fail: status === "MODEL_LOADING" ? { times: 2, code: StatusCode.MODEL_LOADING } : { times: 2, grpcCode: GrpcStatus.UNAVAILABLE } };
      const c = client(server.address);
      const started = performance.now();
      const items: string[] = [];
      try {
        async function* lazy() {
          yield "lazy";
          await sleep(300); // the second item is still being produced when the retryable failure arrives
          yield* ["lazy-2", "lazy-3"];
        }
        for await (const item of c.stream({ input_iterator: lazy() })) items.push(item);
        return { items, elapsedMs: performance.now() - started };
      } catch (error) {
        return { items, error, elapsedMs: performance.now() - started };
      } finally {
        delete server.faults.stream;
        closeClient(c);
      }
    },
  })),
  ...CALL_KINDS.map((kind): Row => ({
    fault: "in-band FAILURE (10020) status, not retried",
    kind,
    want: { items: [], error: { code: StatusCode.FAILURE }, attempts: 1 },
    boundMs: 2_000,
    run: withFault({ fail: { code: StatusCode.FAILURE } }, "fail"),
  })),
  ...streamKinds.map((kind): Row => ({
    fault: "model raises after the first result",
    kind,
    want: { items: expectedItems(kind, "raise").slice(0, 1), error: { code: StatusCode.FAILURE }, attempts: 1 },
    boundMs: 2_000,
    run: withFault(undefined, "raise"),
  })),
  ...CALL_KINDS.map((kind): Row => ({
    fault: "server answers garbage bytes",
    kind,
    want: { items: [], error: { grpcCode: GrpcStatus.INTERNAL, code: StatusCode.INTERNAL_UNCATEGORIZED }, attempts: 1 },
    boundMs: 2_000,
    run: withFault({ malformed: true }, "garbage"),
  })),
];

for (const row of rows) {
  test(`${row.fault} × ${row.kind}`, { timeout: row.boundMs + 5_000, todo: row.todo }, async () => {
    const method = METHOD_OF[row.kind];
    const before = server.requests.filter((r) => r.method === method).length;
    const outcome = await row.run(row.kind);
    observed.push({ fault: row.fault, kind: row.kind, outcome: describe(outcome), ms: outcome.elapsedMs });

    assert.deepEqual(outcome.items, row.want.items, `error: ${String(outcome.error)}`);
    if (row.want.error) {
      assert.ok(outcome.error instanceof ClarifaiError, `want a ClarifaiError, got ${String(outcome.error)}`);
      assert.deepEqual(
        { grpcCode: outcome.error.grpcCode, code: outcome.error.code, method: outcome.error.method },
        { grpcCode: row.want.error.grpcCode, code: row.want.error.code, method },
      );
    } else {
      assert.equal(outcome.error, undefined);
    }
    assert.ok(outcome.elapsedMs < row.boundMs, `ended after ${Math.round(outcome.elapsedMs)} ms, bound ${row.boundMs} ms`);

    const calls = server.requests.filter((r) => r.method === method).slice(before);
    if (row.want.attempts !== undefined) assert.equal(calls.length, row.want.attempts, "requests the server received");
    if (row.want.serverSawCancel) {
      await waitUntil(() => calls.every((c) => c.cancelled));
      assert.deepEqual(calls.map((c) => c.cancelled), [true]);
    }
  });
}

test("nothing is left open: no sockets, timers or child processes beyond the baseline", async () => {
  await server.close();
  await waitUntil(() => leakableHandles().length <= baselineResources);
  const open = leakableHandles();
  assert.ok(open.length <= baselineResources, `open now: ${open.join(", ")}; at the start: ${baselineResources}`);
});

test("the matrix as a table (fault × call kind → outcome)", (t) => {
  const faults = [...new Set(observed.map((o) => o.fault))];
  const cell = (fault: string, kind: CallKind) => {
    const o = observed.find((x) => x.fault === fault && x.kind === kind);
    return o ? `${o.outcome} (${Math.round(o.ms)} ms)` : "n/a";
  };
  const lines = [
    `| fault | ${CALL_KINDS.join(" | ")} |`,
    `| --- | ${CALL_KINDS.map(() => "---").join(" | ")} |`,
    ...faults.map((fault) => `| ${fault} | ${CALL_KINDS.map((kind) => cell(fault, kind)).join(" | ")} |`),
  ];
  for (const line of lines) t.diagnostic(line);
  assert.equal(observed.length, rows.length);
});

function describe(outcome: CallOutcome): string {
  const items = outcome.items.length > 0 ? `${outcome.items.length} result(s)` : "";
  if (!(outcome.error instanceof ClarifaiError)) return outcome.error === undefined ? `ok, ${items}` : `untyped ${String(outcome.error)}`;
  const grpc = outcome.error.grpcCode === undefined ? "" : ` / gRPC ${GrpcStatus[outcome.error.grpcCode]}`;
  return `${items ? `${items}, then ` : ""}ClarifaiError ${outcome.error.codeName}${grpc}`;
}
