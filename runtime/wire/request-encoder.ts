/**
 * PostModelOutputsRequests of one request template (spec §4.1), encoded without re-encoding what every request of a
 * client shares. The template's message fields (user and app, runner selector) and each method's `_method_name`
 * struct are encoded once; a request then writes them as the length-delimited bytes they are on the wire, and
 * protobufjs encodes only the parts. Field order and bytes are those of `wire.PostModelOutputsRequest.encode` on the
 * whole message (test/codec/request-encoder.test.ts). Measured in a hot loop (bench/request-encoding.bench.ts):
 * 0.62–0.65× the time of encoding the whole message; inside real unary calls 2–3 µs less before sending.
 */
import protobuf from "protobufjs/light.js";
import { wire, type Init } from "./index.js";

/** What the codec builds for one input: the method's `_method_name` struct and the argument parts (spec §3.1). */
export interface ArgumentData {
  metadata: Init.Struct;
  parts: Init.Part[];
}

const typeOf = (coder: object) => coder as unknown as protobuf.Type;
const requestType = typeOf(wire.PostModelOutputsRequest);
const dataType = typeOf(wire.Data);
const lookup = (name: string) => requestType.root.lookupType(name);
const userAppIdType = lookup("clarifai.api.UserAppIDSet");
const runnerSelectorType = lookup("clarifai.api.RunnerSelector");
const structType = lookup("google.protobuf.Struct");
const inputType = lookup("clarifai.api.Input");

/** The tag of a length-delimited field (a message, string or bytes): field number and wire type 2. */
const tagOf = (type: protobuf.Type, field: string) => ((type.fields[field]!.id << 3) | 2) >>> 0;
const TAG = {
  userAppId: tagOf(requestType, "userAppId"),
  modelId: tagOf(requestType, "modelId"),
  versionId: tagOf(requestType, "versionId"),
  inputs: tagOf(requestType, "inputs"),
  runnerSelector: tagOf(requestType, "runnerSelector"),
  inputData: tagOf(inputType, "data"),
  metadata: tagOf(dataType, "metadata"),
};

/** Encoded `_method_name` structs; the codec shares one struct object per method, so this holds one per method. */
const encodedStructs = new WeakMap<Init.Struct, Uint8Array>();

function encodedStruct(struct: Init.Struct): Uint8Array {
  let bytes = encodedStructs.get(struct);
  if (bytes === undefined) {
    bytes = structType.encode(struct).finish();
    encodedStructs.set(struct, bytes);
  }
  return bytes;
}

export class RequestEncoder {
  readonly #userAppId: Uint8Array | undefined;
  readonly #modelId: string | undefined;
  readonly #versionId: string | undefined;
  readonly #runnerSelector: Uint8Array | undefined;

  /** `template` without inputs; its scalars already left unset when zero (`implicit`), as everywhere. */
  constructor(template: Init.PostModelOutputsRequest) {
    this.#userAppId = template.userAppId ? userAppIdType.encode(template.userAppId).finish() : undefined;
    this.#modelId = template.modelId ?? undefined;
    this.#versionId = template.versionId ?? undefined;
    this.#runnerSelector = template.runnerSelector ? runnerSelectorType.encode(template.runnerSelector).finish() : undefined;
  }

  /** One request: the template with one input per entry of `inputs`. */
  encode(inputs: readonly ArgumentData[]): Uint8Array {
    const writer = protobuf.Writer.create();
    // Fields in field-number order, as protobufjs and the Python SDK write them: 1, 2, 3, 4 (inputs), 6.
    if (this.#userAppId !== undefined) writer.uint32(TAG.userAppId).bytes(this.#userAppId);
    if (this.#modelId !== undefined) writer.uint32(TAG.modelId).string(this.#modelId);
    if (this.#versionId !== undefined) writer.uint32(TAG.versionId).string(this.#versionId);
    for (const input of inputs) {
      writer.uint32(TAG.inputs).fork().uint32(TAG.inputData).fork();
      // Data: metadata (field 5) before parts (field 19), each input's whole Data.
      writer.uint32(TAG.metadata).bytes(encodedStruct(input.metadata));
      dataType.encode({ parts: input.parts }, writer);
      writer.ldelim().ldelim();
    }
    if (this.#runnerSelector !== undefined) writer.uint32(TAG.runnerSelector).bytes(this.#runnerSelector);
    return writer.finish();
  }
}
