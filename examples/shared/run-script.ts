/**
 * Running an example script by hand: `npx tsx examples/<model>/call.ts --grpc localhost:8000` talks to a
 * local model server (`python -m clarifai.runners.server --model_path examples/<model> --grpc --port 8000`);
 * without `--grpc` the script calls the model on the Clarifai API with `CLARIFAI_PAT`.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closeClient, type ClientOptions } from "clarifai-typed";
import { ConsoleOutput } from "./console-output.js";

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

export function clientOptionsFromArgv(argv: readonly string[]): ClientOptions {
  const at = argv.indexOf("--grpc");
  if (at === -1) {
    if (!process.env["CLARIFAI_PAT"]) {
      throw new Error(
        "set CLARIFAI_PAT to call the model on Clarifai, or pass --grpc host:port for a local model server",
      );
    }
    return {};
  }
  const address = argv[at + 1];
  if (!address) throw new Error("--grpc needs the model server's address, e.g. --grpc localhost:8000");
  return { baseUrl: address, insecure: true };
}

/** Creates the client from the command line, runs `tour` with console output, and closes the client. */
export async function runExampleScript<C extends object>(
  create: (options: ClientOptions) => C,
  tour: (client: C, out: ConsoleOutput) => Promise<void>,
): Promise<void> {
  const client = create(clientOptionsFromArgv(process.argv.slice(2)));
  try {
    await tour(client, new ConsoleOutput(await mkdtemp(path.join(tmpdir(), "clarifai-typed-example-"))));
  } finally {
    closeClient(client);
  }
}
