/**
 * The canonical form of a signature list and its hash. Every source's output is round-tripped through the
 * proto (runtime/signature.ts), so key order and number spelling no longer depend on where it came from:
 * the same model read from model.py, the API or a server gives the same data and the same hash.
 */
import { createHash } from "node:crypto";
import { signatureFromJson } from "../../runtime/signature-proto.js";
import type { MethodSignature } from "../../runtime/signature.js";

export function canonicalSignatures(signatures: readonly MethodSignature[]): MethodSignature[] {
  return signatures.map((s) => signatureFromJson(s));
}

/** sha256 (hex) of the canonical IR JSON. */
export function signaturesHash(signatures: readonly MethodSignature[]): string {
  return createHash("sha256").update(JSON.stringify(canonicalSignatures(signatures))).digest("hex");
}
