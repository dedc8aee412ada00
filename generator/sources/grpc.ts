/**
 * Signatures from a running model server (`--grpc host:port`, plaintext) through the `_GET_SIGNATURES`
 * pseudo-method (spec §2.3). A server does not say which model it serves, so the caller names it.
 */
import { fetchSignaturesFromServer } from "clarifai-typed";
import type { ClientModel, ModelIdentity } from "../emit/client-model.js";

export async function readServerModel(address: string, identity: ModelIdentity, timeoutMs?: number): Promise<ClientModel> {
  if (!/^[^\s/]+:\d+$/u.test(address)) {
    throw new Error(`--grpc ${JSON.stringify(address)} is not host:port; give the model server's address, e.g. --grpc localhost:8000`);
  }
  const signatures = await fetchSignaturesFromServer(timeoutMs === undefined ? { address } : { address, timeoutMs });
  return { signatures, identity, source: `the model server at ${address}` };
}
