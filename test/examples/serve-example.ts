/** Serves an example model from the test server with its TypeScript handlers, and a client of it. */
import { closeClient, type ClientOptions, type MethodSignature } from "clarifai-typed";
import { startTestServer } from "clarifai-typed/testing";

export async function serveExample<C extends object>(
  signatures: readonly MethodSignature[],
  handlers: object,
  createClient: (options: ClientOptions) => C,
): Promise<{ client: C; close(): Promise<void> }> {
  const server = await startTestServer({
    signatures,
    handlers: handlers as Parameters<typeof startTestServer>[0]["handlers"],
  });
  const client = createClient({ baseUrl: server.address, insecure: true, retry: false });
  return {
    client,
    async close() {
      closeClient(client);
      await server.close();
    },
  };
}
