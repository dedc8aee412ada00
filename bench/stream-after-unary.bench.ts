/**
 * Client CPU per streamed message, in a fresh client process per case, after that process has (or has not) made
 * unary calls first: V8 decides per allocation site whether to allocate in the old generation, and what a process
 * did before a stream can change what each stream message costs. The server runs in its own process, as in
 * production, so the process CPU time measured is the client's alone.
 *
 * Two cases, one client process each (every process times raw grpc-js streams and runtime streams, interleaved):
 * no unary calls before, and 3000 runtime unary calls before. Until ace6e8e the runtime decoded responses in
 * grpc-js' deserializer, and the second case cost 1.3–1.5× the first (bench/RESULTS.md).
 *
 * Run: npm run build && node --import tsx bench/stream-after-unary.bench.ts [--append]
 * (--append writes bench/RESULTS.md). Client and server are the compiled build ("clarifai-typed").
 */
import { execFileSync } from "node:child_process";
import { Client, credentials, Metadata } from "@grpc/grpc-js";
import { createModelClient, closeClient } from "clarifai-typed";
import { encodeArguments } from "../runtime/codec/index.js";
import { asBuffer } from "../runtime/transport/as-buffer.js";
import { encodeModelRequest, rpc } from "../runtime/transport/method-definitions.js";
import { benchSignatures as signatures, childProcessServer, publish, serveIfChild, type BenchClient } from "./bench-model.js";
import { median, option } from "./stats.js";

const ITEMS = 20_000; // per stream
const ROUNDS = 12; // per client process, after 2 warm-up rounds
const UNARY_CALLS = 3000;
const CASES = { "none": "no unary calls", "runtime": `${UNARY_CALLS} runtime unary calls` } as const;
type Case = keyof typeof CASES;


/** Client mode: one case; prints `{ raw, runtime }` = median client CPU µs per streamed message. */
async function client(address: string, kind: Case): Promise<void> {
  const runtime = createModelClient<BenchClient>(signatures, { modelId: "bench" }, { baseUrl: address, insecure: true });
  const raw = new Client(address, credentials.createInsecure(), {});
  const identity = (b: Buffer) => b;
  const streamBytes = asBuffer(encodeModelRequest({
    modelId: "bench", inputs: [{ data: await encodeArguments(signatures[1]!, { count: ITEMS }) }] }));

  if (kind === "runtime") for (let i = 0; i < UNARY_CALLS; i++) await runtime.predict({ prompt: "hello" });

  const streams = {
    raw: () => new Promise<number>((resolve, reject) => {
      let n = 0;
      const call = raw.makeServerStreamRequest(rpc.generateModelOutputs.path, identity, identity, streamBytes, new Metadata(), {});
      call.on("data", () => n++);
      call.on("end", () => resolve(n));
      call.on("error", reject);
    }),
    runtime: async () => {
      let n = 0;
      for await (const _ of runtime.generate({ count: ITEMS })) n++;
      return n;
    },
  };
  const cpu: Record<keyof typeof streams, number[]> = { raw: [], runtime: [] };
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const name of round % 2 ? (["runtime", "raw"] as const) : (["raw", "runtime"] as const)) {
      const start = process.cpuUsage();
      const n = await streams[name]();
      const used = process.cpuUsage(start);
      if (n !== ITEMS) throw new Error(`${name} stream delivered ${n} of ${ITEMS}`);
      if (round >= 2) cpu[name].push((used.user + used.system) / ITEMS);
    }
  }
  closeClient(runtime);
  raw.close();
  console.log(JSON.stringify({ raw: median(cpu.raw), runtime: median(cpu.runtime) }));
}

async function main(): Promise<void> {
  const server = await childProcessServer(import.meta.filename);
  const rows: string[] = [];
  try {
    for (const kind of Object.keys(CASES) as Case[]) {
      const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, `--client=${server.address}`, `--case=${kind}`],
        { encoding: "utf8" });
      const { raw, runtime } = JSON.parse(out.trim().split("\n").at(-1)!) as { raw: number; runtime: number };
      rows.push(`| ${CASES[kind]} | ${raw.toFixed(2)} | ${runtime.toFixed(2)} | ${(runtime / raw).toFixed(2)}× |`);
    }
  } finally {
    await server.close();
  }
  const report = `
## Streaming after unary calls (bench/stream-after-unary.bench.ts, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})

Client process CPU per streamed message (µs, median of ${ROUNDS} streams of ${ITEMS} messages each), server in another
process; one fresh client process per row, timing raw grpc-js streams (undecoded) and runtime streams interleaved.

| before the streams | raw grpc-js | runtime | runtime / raw |
| --- | ---: | ---: | ---: |
${rows.join("\n")}
`;
  publish(report);
}

if (!(await serveIfChild())) {
  const address = option("client");
  await (address ? client(address, option("case") as Case) : main());
}
