/** The PAT owner's user id (GetUser for "me", spec §4.4), the default user id of a runner selector. */
import { create } from "@bufbuild/protobuf";
import { status as GrpcStatus, type Client } from "@grpc/grpc-js";
import { GetUserRequestSchema } from "../gen/proto/clarifai/api/service_pb.js";
import { ClarifaiError } from "../errors.js";
import { isSuccess, statusToError } from "../codec/status.js";
import { rpc } from "../transport/method-definitions.js";
import { unaryCall, type CallSettings } from "../transport/calls.js";

/**
 * Resolves the id; a server without GetUser (the local model server, which ignores routing anyway) yields "".
 */
export async function fetchOwnerId(channel: Client, settings: CallSettings): Promise<string> {
  try {
    const response = await unaryCall(channel, rpc.getUser, create(GetUserRequestSchema, { userAppId: { userId: "me" } }), {
      ...settings,
      method: "GetUser",
    });
    if (!isSuccess(response.status)) throw statusToError(response.status, "GetUser (user id of the PAT owner for routing)");
    return response.user?.id ?? "";
  } catch (error) {
    if (error instanceof ClarifaiError && error.grpcCode === GrpcStatus.UNIMPLEMENTED) return "";
    throw error;
  }
}
