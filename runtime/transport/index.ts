/** The gRPC layer: endpoints, one channel per client, V2 method definitions, the three call kinds. */
export { resolveEndpoint, DEFAULT_BASE_URL, type Endpoint } from "./endpoint.js";
export { openChannel, DEFAULT_MAX_MESSAGE_BYTES } from "./channel.js";
export { rpc, encodeModelRequest, decodeModelResponse, type ModelMethod } from "./method-definitions.js";
export { unaryCall, serverStreamCall, bidiCall, type CallSettings } from "./calls.js";
export { fromGrpcError, cancelledByCaller } from "./grpc-error.js";
export { invalidOption } from "./invalid-option.js";
