/** `createModelClient`: one function per signature, dispatching on `method_type`; `closeClient`. */
import { ClarifaiError } from "../errors.js";
import type { MethodSignature } from "../signature.js";
import { ClientContext } from "./client-context.js";
import type { ClientOptions, ModelIdentity } from "./options.js";
import { unaryMethod } from "./unary-method.js";
import { serverStreamMethod } from "./server-stream-method.js";
import { bidiMethod } from "./bidi-method.js";

const contexts = new WeakMap<object, ClientContext>();

export function createModelClient<C>(
  signatures: readonly MethodSignature[],
  identity: ModelIdentity,
  options: ClientOptions = {},
): C {
  const context = new ClientContext(identity, options);
  const client: Record<string, unknown> = {};
  for (const signature of signatures) {
    if (Object.hasOwn(client, signature.name)) {
      throw new ClarifaiError(`The signatures list method "${signature.name}" twice; regenerate the client.`, { code: 0 });
    }
    // defineProperty: a method named like an Object.prototype member (e.g. "constructor") is still an own member.
    Object.defineProperty(client, signature.name, { value: methodFor(signature, context), enumerable: true });
  }
  contexts.set(client, context);
  return client as C;
}

/** Closes the client's channel; calls made afterwards fail. */
export function closeClient(client: object): void {
  const context = contexts.get(client);
  if (!context) throw new TypeError("closeClient: the argument is not a client made by createModelClient");
  context.close();
}

function methodFor(signature: MethodSignature, context: ClientContext) {
  switch (signature.method_type) {
    case "UNARY_UNARY":
      return unaryMethod(signature, context);
    case "UNARY_STREAMING":
      return serverStreamMethod(signature, context);
    case "STREAMING_STREAMING":
      return bidiMethod(signature, context);
    default:
      throw new ClarifaiError(
        `Method "${signature.name}" has method_type ${signature.method_type}, which Clarifai models never produce ` +
          "(spec §1.5); the signatures are corrupt or from an unsupported SDK.",
        { code: 0, method: signature.name },
      );
  }
}
