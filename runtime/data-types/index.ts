/** The runtime's value types, one per DataType that is not a plain JS value (see docs/internals.md). */
export { Media, Image, Audio, Video, type MediaInit, type MediaKind } from "./media.js";
export { Text } from "./text.js";
export { type Concept, type ConceptInput, conceptIdFromName } from "./concept.js";
export type { Region, RegionInput, Box, Point3 } from "./region.js";
export type { Frame, FrameInput } from "./frame.js";
export { NDArray, type NestedArray, type DtypeName, type NDArrayData } from "./ndarray.js";
export { parseDtype, dtypeNames } from "./dtype.js";
export type { JsonValue, JsonObject, JsonArray } from "./json.js";
