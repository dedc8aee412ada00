/**
 * The messages of the model-call path (PostModelOutputs, GenerateModelOutputs, StreamModelOutputs), encoded and
 * decoded by protobufjs. Its coders are generated code specialised per message (built once, on first use), which
 * measured 2.5× cheaper inside real calls than protobuf-es' reflective ones (bench/proto-in-call.bench.ts).
 * The descriptor and types come from the official .proto files (scripts/gen-wire.ts).
 *
 * Two rules for code building messages: protobufjs writes every field that is set, so a zero scalar must be left
 * unset (`implicit`) for requests to stay byte-equal to the Python SDK's; and a decoded message leaves an absent
 * message field `null`, so read them with `?.` / `== null`.
 */
import protobuf from "protobufjs/light.js";
import type Long from "long";
import { descriptor } from "./descriptor.js";
import type { clarifai, google } from "./types.js";
import type * as Init from "./init.js";

export type PostModelOutputsRequest = clarifai.api.PostModelOutputsRequest;
export type MultiOutputResponse = clarifai.api.MultiOutputResponse;
export type Input = clarifai.api.Input;
export type Output = clarifai.api.Output;
export type Data = clarifai.api.Data;
export type Part = clarifai.api.Part;
export type Status = clarifai.api.status.Status;
export type Struct = google.protobuf.Struct;
export type Value = google.protobuf.Value;
export type ImageProto = clarifai.api.Image;
export type AudioProto = clarifai.api.Audio;
export type VideoProto = clarifai.api.Video;
export type ConceptProto = clarifai.api.Concept;
export type RegionProto = clarifai.api.Region;
export type FrameProto = clarifai.api.Frame;
export type RunnerSelector = clarifai.api.RunnerSelector;
export type { Long };

/** What to build: the init shape of each message (any field may be left out). */
export type * as Init from "./init.js";

/** The coder of one message type: `I` is what may be encoded, `M` what decoding gives. */
export interface MessageCoder<I, M> {
  /** A message with every field at its default (scalars zero, messages null, lists empty). */
  create(properties?: I): M;
  encode(message: I): protobuf.Writer;
  decode(bytes: Uint8Array): M;
}

const EMPTY_BYTES = Buffer.alloc(0);

export interface Wire {
  PostModelOutputsRequest: MessageCoder<Init.PostModelOutputsRequest, PostModelOutputsRequest>;
  MultiOutputResponse: MessageCoder<Init.MultiOutputResponse, MultiOutputResponse>;
  Data: MessageCoder<Init.Data, Data>;
}

/**
 * A set of coders with its own generated code. The test server takes its own: it keeps every decoded request in
 * its log, and V8 decides per allocation site (here: the code protobufjs generates per message type) whether to
 * allocate straight into the old generation, which would then slow down the decoding of clients in its process.
 */
export function createWire(): Wire {
  const root = protobuf.Root.fromJSON(descriptor);
  defaultBytesAreBuffers(root);
  const coder = <I, M>(name: string) => root.lookupType(name) as unknown as MessageCoder<I, M>;
  return {
    PostModelOutputsRequest: coder("clarifai.api.PostModelOutputsRequest"),
    MultiOutputResponse: coder("clarifai.api.MultiOutputResponse"),
    Data: coder("clarifai.api.Data"),
  };
}

/** The clients' coders. */
export const wire = createWire();

/**
 * protobufjs' default for an unset bytes field is an empty plain array; make it an empty Buffer, like the bytes
 * decoded from a Buffer, so that a `bytes` field always holds a Uint8Array, as its type says.
 */
function defaultBytesAreBuffers(namespace: protobuf.NamespaceBase): void {
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type) {
      for (const field of nested.fieldsArray) {
        if (field.type === "bytes" && !field.repeated) (nested.ctor.prototype as Record<string, unknown>)[field.name] = EMPTY_BYTES;
      }
    }
    if (nested instanceof protobuf.Namespace) defaultBytesAreBuffers(nested);
  }
}

/**
 * proto3 implicit presence for string, bool, bytes and integer fields: a zero value (0, "", false, empty bytes) is
 * left unset, as proto3 encoders do.
 */
export function implicit<T extends string | number | boolean | Uint8Array>(value: T | undefined): T | undefined {
  if (value === undefined || value === 0 || value === "" || value === false) return undefined;
  return value instanceof Uint8Array && value.byteLength === 0 ? undefined : value;
}

/**
 * proto3 implicit presence for float and double fields: only +0 is left unset; -0 is a distinct value that proto3
 * encoders (the Python SDK's, protobuf-es) write.
 */
export function implicitFloat(value: number | undefined): number | undefined {
  return value === undefined || Object.is(value, 0) ? undefined : value;
}
