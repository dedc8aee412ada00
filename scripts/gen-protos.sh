#!/usr/bin/env bash
# Regenerates runtime/gen/ from the official Clarifai .proto files shipped in clarifai-nodejs-grpc.
# Only the messages reachable from the RPCs the runtime uses are kept (buf's --type filter).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/proto" "$work/google/api"
cp -r "$root/node_modules/clarifai-nodejs-grpc/proto/clarifai" "$work/proto/"
find "$work/proto" -name '*.js' -delete -o -name '*.d.ts' -delete
rm -f "$work/proto/clarifai/api/service_processed.proto" "$work/proto/clarifai/api/utils/test_proto.proto"
cp "$root/node_modules/google-proto-files/google/api/annotations.proto" \
   "$root/node_modules/google-proto-files/google/api/http.proto" "$work/google/api/"
cat > "$work/buf.yaml" <<'YAML'
version: v2
YAML
cat > "$work/buf.gen.yaml" <<YAML
version: v2
plugins:
  - local: $root/node_modules/.bin/protoc-gen-es
    out: $root/runtime/gen
    opt: [target=ts, import_extension=js]
YAML
rm -rf "$root/runtime/gen"
types=""
for rpc in PostModelOutputs GenerateModelOutputs StreamModelOutputs GetModel GetModelVersion GetUser; do
  types="$types --type clarifai.api.V2.$rpc"
done
(cd "$work" && "$root/node_modules/.bin/buf" generate $types)
echo "runtime/gen regenerated from clarifai-nodejs-grpc $(cat "$root/node_modules/clarifai-nodejs-grpc/VERSION")"
