/** The PAT owner's user id (GetUser for "me", spec §4.4), the default user id of a runner selector. */
import { status as GrpcStatus, type Client } from "@grpc/grpc-js";
import { ClarifaiError } from "../errors.js";
import { isSuccess, statusToError } from "../codec/status.js";
import { unaryCall, type CallSettings } from "../transport/calls.js";

/**
 * Resolves the id; a server without GetUser (the local model server, which ignores routing anyway) yields "".
 */
export async function fetchOwnerId(channel: Client, settings: CallSettings): Promise<string> {
  // Loaded here, on the first routed call that needs it: importing the runtime does not load protobuf-es.
  const [{ create }, { GetUserRequestSchema }, { apiRpc }] = await Promise.all([
    import("@bufbuild/protobuf"),
    import("../gen/proto/clarifai/api/service_pb.js"),
    import("../transport/api-method-definitions.js"),
  ]);
  try {
    const response = await unaryCall(channel, apiRpc.getUser, create(GetUserRequestSchema, { userAppId: { userId: "me" } }), {
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
