/**
 * A test server in its own process, so tests can make a server really die (SIGKILL) in the middle of a call.
 * Prints `listening <address>` once bound and `called <method>` when a handler starts. Inputs containing "hang"
 * make the handler hang before answering; "mid" makes a stream hang after its first two results.
 * Run: node --conditions=source --import tsx test/hardening/support/server-process.ts
 */
import { startTestServer } from "clarifai-typed/testing";
import { echoSignatures } from "./echo-model.js";

const forever = () => new Promise<never>(() => {});
const say = (line: string) => process.stdout.write(`${line}\n`);

const server = await startTestServer({
  signatures: echoSignatures,
  handlers: {
    predict: async ({ prompt }: { prompt: string }) => {
      say("called predict");
      if (prompt.includes("hang")) await forever();
      return `echo:${prompt}`;
    },
    generate: async function* ({ prompt, n = 3 }: { prompt: string; n?: number }) {
      say("called generate");
      if (prompt.includes("hang")) await forever();
      for (let i = 0; i < n; i++) {
        if (i === 2 && prompt.includes("mid")) await forever();
        yield `${prompt}#${i}`;
      }
    },
    stream: async function* ({ input_iterator }: { input_iterator: AsyncIterable<string> }) {
      say("called stream");
      let count = 0;
      for await (const item of input_iterator) {
        if (item.includes("hang") || (count === 2 && item.includes("mid"))) await forever();
        count++;
        yield `${item}!`;
      }
    },
  },
});
say(`listening ${server.address}`);
