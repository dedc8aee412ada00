/**
 * Seeds for the response fuzzer: every recorded response message of the vectors with the signature of the
 * method it answered and the number of outputs the client expects from it.
 */
import { readdirSync } from "node:fs";
import { fromBinary } from "@bufbuild/protobuf";
import type { MethodSignature } from "clarifai-typed";
import { PostModelOutputsRequestSchema } from "../../../runtime/gen/proto/clarifai/api/service_pb.js";
import { bytesOf, loadSignature, loadVector, vectorsDir } from "../../codec/vector-support.js";

export interface ResponseSeed {
  readonly name: string;
  readonly signature: MethodSignature;
  readonly bytes: Uint8Array;
  /** Outputs the client expects: the request's inputs for unary calls, one per stream message. */
  readonly outputs: number;
}

const NOT_MODEL_CALLS = new Set(["signatures", "signatures-m3", "get_signatures", "m3_get_signatures", "legacy_no_method_name", "unknown_method"]);

export function responseSeeds(): ResponseSeed[] {
  const names = readdirSync(vectorsDir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .filter((name) => !NOT_MODEL_CALLS.has(name))
    .sort();
  return names.flatMap((name) => {
    const vector = loadVector(name);
    const signature = loadSignature(name.startsWith("m3_") ? "m3" : "peer", vector.method);
    const list = (b64: string | string[]) => (Array.isArray(b64) ? b64 : [b64]);
    const unaryInputs = fromBinary(PostModelOutputsRequestSchema, bytesOf(list(vector.request_b64)[0]!)).inputs.length;
    return list(vector.response_b64).map((b64, i) => ({
      name: `${name}#${i}`,
      signature,
      bytes: bytesOf(b64),
      outputs: vector.rpc_type === "unary" ? unaryInputs : 1,
    }));
  });
}
