/**
 * The public surface of the runtime: everything generated clients and users may import from "clarifai-typed".
 */
export {
  createModelClient,
  closeClient,
  fetchSignaturesFromApi,
  fetchSignaturesFromServer,
  type ClientOptions,
  type CallOptions,
  type RetryOptions,
  type RoutingOptions,
  type ModelIdentity,
  type FetchFromApiOptions,
} from "./client/index.js";
export type { MethodSignature, ModelTypeField, DataTypeName, MethodTypeName } from "./signature.js";
export {
  Text,
  Image,
  Audio,
  Video,
  NDArray,
  type Concept,
  type Region,
  type Frame,
  type ConceptInput,
  type RegionInput,
  type FrameInput,
  type JsonValue,
  type JsonObject,
  type JsonArray,
} from "./data-types/index.js";
export { ClarifaiError, ArgumentError, statusCodeName } from "./errors.js";
