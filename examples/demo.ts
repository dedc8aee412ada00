/**
 * `npm run demo`: the whole pipeline on the example models, with no network and no credentials.
 *
 * 1. generates each example's typed client from its `1/model.py` with the real `gen-client` code path;
 * 2. serves each model from the runtime's test server on 127.0.0.1, with handlers that are TypeScript
 *    ports of the model.py logic (examples/<model>/handlers.ts);
 * 3. calls every method through the generated clients (examples/<model>/call.ts) and prints the results.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closeClient, type ClientOptions, type MethodSignature } from "clarifai-typed";
import { startTestServer } from "clarifai-typed/testing";
import { runCli } from "../generator/cli.js";
import { audioLabHandlers } from "./audio-lab/handlers.js";
import { colorTaggerHandlers } from "./color-tagger/handlers.js";
import { ConsoleOutput } from "./shared/console-output.js";
import { storyWriterHandlers } from "./story-writer/handlers.js";

/** What every examples/<model>/call.ts exports. */
interface ExampleScript {
  signatures: readonly MethodSignature[];
  createClient(options: ClientOptions): object;
  tour(client: object, out: ConsoleOutput): Promise<void>;
}

const examples = [
  {
    id: "story-writer",
    blurb: "text: predict, batch, token streaming, bidirectional chat",
    handlers: storyWriterHandlers,
  },
  {
    id: "color-tagger",
    blurb: "vision: Image in; Concepts, Regions and an Image out; batch",
    handlers: colorTaggerHandlers,
  },
  {
    id: "audio-lab",
    blurb: "custom method names: Audio, NDArray, JSON, NamedFields, Tuple, errors",
    handlers: audioLabHandlers,
  },
];

const examplesDir = path.dirname(fileURLToPath(import.meta.url));

async function generateClients(): Promise<boolean> {
  process.stdout.write("Generating the typed clients of the example models with gen-client…\n");
  for (const { id } of examples) {
    const dir = path.relative(process.cwd(), path.join(examplesDir, id));
    const code = await runCli([dir, "--out", dir]);
    if (code !== 0) {
      process.stderr.write(`gen-client failed for ${dir} (exit code ${code}); the reason is printed above.\n`);
      return false;
    }
  }
  return true;
}

async function main(): Promise<number> {
  const started = performance.now();
  if (!(await generateClients())) return 1;
  const out = new ConsoleOutput(await mkdtemp(path.join(tmpdir(), "clarifai-typed-demo-")));
  for (const { id, blurb, handlers } of examples) {
    // Imported only now, so the demo runs the clients it has just generated.
    const script = (await import(`./${id}/call.js`)) as ExampleScript;
    const server = await startTestServer({ signatures: script.signatures, handlers });
    const client = script.createClient({ baseUrl: server.address, insecure: true });
    try {
      out.heading(id, `${blurb}  (test server ${server.address})`);
      await script.tour(client, out);
    } finally {
      closeClient(client);
      await server.close();
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\nAll calls done in ${seconds} s. Files the models returned are in ${out.outDir}\n`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  // Servers and clients are closed by main's finally blocks; say what failed in one line and exit 1.
  process.stderr.write(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
