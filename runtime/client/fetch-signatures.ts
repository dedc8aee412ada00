/** Signatures from the Clarifai API (GetModel / GetModelVersion) or a running model server (`_GET_SIGNATURES`). */
import { create } from "@bufbuild/protobuf";
import { GetModelRequestSchema, GetModelVersionRequestSchema } from "../gen/proto/clarifai/api/service_pb.js";
import { StatusCode } from "../wire/status-code.js";
import { ClarifaiError } from "../errors.js";
import { signatureFromJson, signatureFromProto } from "../signature-proto.js";
import type { MethodSignature } from "../signature.js";
import { isSuccess, statusToError } from "../codec/status.js";
import { encodeModelRequest, rpc } from "../transport/method-definitions.js";
import { readResponse } from "./response-status.js";
import { apiRpc } from "../transport/api-method-definitions.js";
import { unaryCall } from "../transport/calls.js";
import { ClientContext } from "./client-context.js";

export interface FetchFromApiOptions {
  pat?: string;
  baseUrl?: string;
  insecure?: boolean;
  userId: string;
  appId: string;
  modelId: string;
  versionId?: string;
  timeoutMs?: number;
}

/** GetModelVersion for a pinned version, else GetModel (spec §2.3); a legacy model yields []. */
export async function fetchSignaturesFromApi(options: FetchFromApiOptions): Promise<MethodSignature[]> {
  const context = new ClientContext(options, { ...options, retry: false });
  try {
    const call = await context.prepare(options.modelId, "GetModel", { timeoutMs: options.timeoutMs });
    const userAppId = { userId: options.userId, appId: options.appId };
    if (options.versionId) {
      const request = create(GetModelVersionRequestSchema, { userAppId, modelId: options.modelId, versionId: options.versionId });
      const response = await unaryCall(context.channel, apiRpc.getModelVersion, request, { ...call.settings, method: "GetModelVersion" });
      if (!isSuccess(response.status)) throw statusToError(response.status, `GetModelVersion ${describe(options)}`);
      return (response.modelVersion?.methodSignatures ?? []).map(signatureFromProto);
    }
    const request = create(GetModelRequestSchema, { userAppId, modelId: options.modelId });
    const response = await unaryCall(context.channel, apiRpc.getModel, request, { ...call.settings, method: "GetModel" });
    if (!isSuccess(response.status)) throw statusToError(response.status, `GetModel ${describe(options)}`);
    return (response.model?.modelVersion?.methodSignatures ?? []).map(signatureFromProto);
  } finally {
    context.close();
  }
}

/** Asks a running model server with the `_GET_SIGNATURES` pseudo-method; a legacy model yields []. */
export async function fetchSignaturesFromServer(options: { address: string; timeoutMs?: number }): Promise<MethodSignature[]> {
  const insecure = !/^https:\/\//i.test(options.address);
  const context = new ClientContext({ modelId: "_GET_SIGNATURES" }, { baseUrl: options.address, insecure, retry: false });
  try {
    const call = await context.prepare("_GET_SIGNATURES", "PostModelOutputs", { timeoutMs: options.timeoutMs });
    const request = { inputs: [{ data: { metadata: { fields: { _method_name: { stringValue: "_GET_SIGNATURES" } } }, parts: [{}] } }] };
    const response = readResponse(await unaryCall(context.channel, rpc.postModelOutputs, encodeModelRequest(request), call.settings),
      "_GET_SIGNATURES", "PostModelOutputs");
    if (response.status?.code === StatusCode.INPUT_UNSUPPORTED_FORMAT) return [];
    if (!isSuccess(response.status)) throw statusToError(response.status, "_GET_SIGNATURES");
    const raw = response.outputs[0]?.data?.text?.raw ?? "";
    if (raw === "") return [];
    return Object.values(parseJson(raw)).map((json) => signatureFromJson(json));
  } finally {
    context.close();
  }
}

function parseJson(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (cause) {
    throw new ClarifaiError(`_GET_SIGNATURES: the answer is not JSON (${(cause as Error).message}).`, {
      code: StatusCode.INTERNAL_UNCATEGORIZED, description: "malformed response", cause,
    });
  }
  throw new ClarifaiError("_GET_SIGNATURES: the answer is not a JSON object of signatures by method name.", {
    code: StatusCode.INTERNAL_UNCATEGORIZED, description: "malformed response",
  });
}

function describe(options: FetchFromApiOptions): string {
  return `${options.userId}/${options.appId}/models/${options.modelId}${options.versionId ? `/versions/${options.versionId}` : ""}`;
}
