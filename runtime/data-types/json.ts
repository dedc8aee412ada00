/** JSON_DATA values: the JSON types protobuf-es uses for `google.protobuf.Struct`. */
export type { JsonValue, JsonObject } from "@bufbuild/protobuf";
import type { JsonValue } from "@bufbuild/protobuf";

export type JsonArray = JsonValue[];
