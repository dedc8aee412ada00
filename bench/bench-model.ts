/**
 * The model the transport benches call (a unary `predict` echo and a `generate` stream of "token"), its test server
 * in this process or in a child process running the same bench script, and the writing of a bench report.
 */
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Metadata, type Client } from "@grpc/grpc-js";
import type { MethodSignature } from "clarifai-typed";
import { startTestServer, type TestServer } from "clarifai-typed/testing";

export const benchSignatures: MethodSignature[] = [
  { name: "predict", method_type: "UNARY_UNARY", input_fields: [{ name: "prompt", type: "STR", required: true }],
    output_fields: [{ name: "return", type: "STR" }] },
  { name: "generate", method_type: "UNARY_STREAMING", input_fields: [{ name: "count", type: "INT", required: true }],
    output_fields: [{ name: "return", type: "STR", iterator: true }] },
];

export interface BenchClient {
  predict(args: { prompt: string }): Promise<string>;
  generate(args: { count: number }): AsyncIterable<string>;
}

export function serveBenchModel(): Promise<TestServer> {
  return startTestServer({
    signatures: benchSignatures,
    // A log of tens of thousands of requests would make every GC of the process (and, in process, of the client
    // under test) slower as the run goes on: the baseline's calls would be timed against a different heap.
    recordRequests: false,
    handlers: {
      predict: ({ prompt }: { prompt: string }) => prompt,
      generate: function* ({ count }: { count: number }) {
        for (let i = 0; i < count; i++) yield "token";
      },
    },
  });
}

/**
 * A raw unary PostModelOutputs on grpc-js' channel call API (the layer the runtime uses, below grpc-js' Client):
 * `request` sent as it is, the answer's bytes returned undecoded.
 */
export function rawChannelUnary(client: Client, request: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const call = client.getChannel().createCall("/clarifai.api.V2/PostModelOutputs", Infinity, null, null, null);
    let answer: Buffer | undefined;
    call.start(new Metadata(), {
      onReceiveMetadata() {},
      onReceiveMessage: (message: Buffer) => void (answer = message),
      onReceiveStatus: (status) => (status.code === 0 && answer ? resolve(answer) : reject(new Error(status.details))),
    });
    call.sendMessageWithContext({}, request);
    call.halfClose();
    call.startRead();
  });
}

/** Where a bench's server runs: `address` for the clients, `close` stops it. */
export interface Placement {
  address: string;
  close(): Promise<void>;
}

export async function inProcessServer(): Promise<Placement> {
  const server = await serveBenchModel();
  return { address: server.address, close: () => server.close() };
}

/**
 * The bench model served by a child process running `script` with `--serve` (the script calls `serveIfChild`
 * first): the server works in parallel with the client, as in production, and its CPU is not the client's.
 */
export async function childProcessServer(script: string): Promise<Placement> {
  const child = spawn(process.execPath, [...process.execArgv, script, "--serve"], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const [address] = await Promise.race([
    new Promise<[string]>((resolve) => lines.once("line", (line) => resolve([line.trim()]))),
    new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)))),
  ]);
  return {
    address,
    close: () => new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.stdin.end();
    }),
  };
}

/**
 * In a process started by `childProcessServer` (`--serve`): serves until stdin closes, printing the address as the
 * first stdout line, and returns true. Elsewhere returns false at once.
 */
export async function serveIfChild(): Promise<boolean> {
  if (!process.argv.includes("--serve")) return false;
  const server = await serveBenchModel();
  console.log(server.address);
  process.stdin.resume();
  process.stdin.on("end", () => void server.close());
  return true;
}

/** Prints a bench's report; with `--append`, also appends it to bench/RESULTS.md. */
export function publish(report: string): void {
  console.log(report);
  if (process.argv.includes("--append")) appendFileSync(new URL("./RESULTS.md", import.meta.url), report);
}
