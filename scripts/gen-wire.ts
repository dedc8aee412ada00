/**
 * Regenerates runtime/wire/: the protobufjs descriptor and TypeScript types of the model-call path
 * (PostModelOutputs, GenerateModelOutputs, StreamModelOutputs), from the official .proto files shipped in
 * clarifai-nodejs-grpc. Only the fields the runtime reads or writes are kept (the rest of a message is skipped
 * on decode, like any unknown field), which keeps the descriptor small and the generated coders short.
 *
 * Run: node --import tsx scripts/gen-wire.ts
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

/**
 * Message → the fields kept ("*": all of them). Every message a kept field refers to must be listed too; enum fields
 * become int32 (see trimType).
 */
const KEPT: Record<string, readonly string[]> = {
  "clarifai.api.PostModelOutputsRequest": ["userAppId", "modelId", "versionId", "inputs", "runnerSelector"],
  "clarifai.api.MultiOutputResponse": ["status", "outputs"],
  "clarifai.api.UserAppIDSet": ["userId", "appId"],
  "clarifai.api.RunnerSelector": ["nodepool", "deployment"],
  "clarifai.api.Nodepool": ["id", "computeCluster"],
  "clarifai.api.ComputeCluster": ["id", "userId"],
  "clarifai.api.Deployment": ["id", "userId"],
  "clarifai.api.Input": ["id", "data"],
  "clarifai.api.Output": ["id", "status", "data"],
  "clarifai.api.Data": [
    "image", "video", "concepts", "metadata", "text", "regions", "frames", "audio", "ndarray",
    "parts", "intValue", "floatValue", "bytesValue", "boolValue", "stringValue", "structValue",
  ],
  "clarifai.api.Part": ["id", "data"],
  "clarifai.api.Image": ["url", "base64"],
  "clarifai.api.Video": ["url", "base64"],
  "clarifai.api.Audio": ["url", "base64"],
  "clarifai.api.Text": ["raw", "url"],
  "clarifai.api.Concept": ["id", "name", "value"],
  "clarifai.api.Region": ["id", "regionInfo", "data", "trackId"],
  "clarifai.api.RegionInfo": ["boundingBox", "mask", "point"],
  "clarifai.api.BoundingBox": ["topRow", "leftCol", "bottomRow", "rightCol"],
  "clarifai.api.Mask": ["image"],
  "clarifai.api.Point": ["row", "col", "z"],
  "clarifai.api.Frame": ["frameInfo", "data", "id"],
  "clarifai.api.FrameInfo": ["index", "time"],
  "clarifai.api.NDArray": ["buffer", "shape", "dtype"],
  "clarifai.api.status.Status": ["code", "description", "details", "stackTrace", "reqId"],
  "google.protobuf.Struct": ["*"],
  "google.protobuf.Value": ["*"],
  "google.protobuf.ListValue": ["*"],
};

const root = fileURLToPath(new URL("..", import.meta.url));
const modules = join(root, "node_modules");
const includes = [join(modules, "clarifai-nodejs-grpc"), join(modules, "google-proto-files")];
const full = new protobuf.Root();
full.resolvePath = (_origin, target) => includes.map((dir) => join(dir, target)).find(existsSync) ?? target;
full.loadSync("proto/clarifai/api/service.proto");
full.resolveAll();

type JsonNamespace = { nested?: Record<string, JsonNamespace | protobuf.IType> };
const trimmed: JsonNamespace = {};
for (const [name, fields] of Object.entries(KEPT)) {
  const reflected = full.lookup(name);
  if (!(reflected instanceof protobuf.Type)) throw new Error(`${name} is not a message of the protos`);
  const path = name.split(".");
  let at = trimmed;
  for (const segment of path.slice(0, -1)) {
    at.nested ??= {};
    at = (at.nested[segment] ??= {}) as JsonNamespace;
  }
  (at.nested ??= {})[path.at(-1)!] = trimType(name, reflected, fields);
}

function trimType(name: string, type: protobuf.Type, kept: readonly string[]): protobuf.IType {
  const fields: Record<string, protobuf.IField> = {};
  for (const field of type.fieldsArray) {
    if (kept[0] !== "*" && !kept.includes(field.name)) continue;
    let target = field.resolvedType?.fullName.slice(1);
    // An enum field is an int32 on the wire; as int32 here the descriptor needs no copy of the (433-value) enum,
    // whose one TypeScript copy is status-code.ts.
    const asInt32 = field.resolvedType instanceof protobuf.Enum;
    if (asInt32) target = undefined;
    if (target !== undefined && !(target in KEPT)) throw new Error(`${name}.${field.name} refers to ${target}, which is not kept`);
    fields[field.name] = {
      id: field.id,
      type: asInt32 ? "int32" : (target ?? field.type),
      ...(field.repeated && { rule: "repeated" }),
      ...(field.map && { keyType: (field as unknown as protobuf.MapField).keyType }),
    } as protobuf.IField;
  }
  const missing = kept.filter((f) => f !== "*" && !(f in fields));
  if (missing.length > 0) throw new Error(`${name} has no field(s) ${missing.join(", ")}`);
  const oneofs: Record<string, protobuf.IOneOf> = {};
  for (const oneof of type.oneofsArray) {
    const members = oneof.oneof.filter((f) => f in fields);
    if (members.length > 0) oneofs[oneof.name] = { oneof: members };
  }
  return { fields, ...(Object.keys(oneofs).length > 0 && { oneofs }) };
}

const version = readFileSync(join(modules, "clarifai-nodejs-grpc/VERSION"), "utf8").trim();
const header = `// Generated by scripts/gen-wire.ts from clarifai-nodejs-grpc ${version}; do not edit.\n`;
writeFileSync(join(root, "runtime/wire/descriptor.ts"), `${header}export const descriptor = ${JSON.stringify(trimmed)};\n`);

// StatusCode as a plain TypeScript enum (declaration order, aliases included, as protoc-gen-es writes it), so that the
// runtime can name statuses without loading any descriptor.
const statusCode = full.lookupEnum("clarifai.api.status.StatusCode");
const members = Object.entries(statusCode.values).map(([name, value]) => `  ${name} = ${value},`);
writeFileSync(join(root, "runtime/wire/status-code.ts"),
  `${header}/* eslint-disable @typescript-eslint/no-duplicate-enum-values -- the proto declares aliases (allow_alias) */\n` +
  `/** clarifai.api.status.StatusCode (proto/clarifai/api/status/status_code.proto). */\nexport enum StatusCode {\n${members.join("\n")}\n}\n`);

// Types: pbjs static code of the trimmed descriptor, declared by pbts, made an ambient TypeScript module.
const work = mkdtempSync(join(tmpdir(), "gen-wire-"));
try {
  const require = createRequire(import.meta.url);
  writeFileSync(join(work, "wire.json"), JSON.stringify(trimmed));
  execFileSync(process.execPath, [require.resolve("protobufjs-cli/bin/pbjs"), "-t", "static-module", "-w", "commonjs",
    "--no-verify", "--no-delimited", "--no-service", join(work, "wire.json"), "-o", join(work, "wire.js")]);
  execFileSync(process.execPath, [require.resolve("protobufjs-cli/bin/pbts"), "--no-comments", join(work, "wire.js"), "-o", join(work, "wire.d.ts")]);
  const declarations = readFileSync(join(work, "wire.d.ts"), "utf8")
    .replace(/^import \* as \$protobuf from "protobufjs";\n/m, 'import type * as $protobuf from "protobufjs";\n')
    .replace(/^import Long = require\("long"\);\n/m, 'import type Long from "long";\n')
    .replace(/^export namespace /gm, "export declare namespace ")
    // A decoded message's message fields hold decoded messages (class instances, with defaults), not any object of
    // the interface: the class fields say so.
    .replace(/^(\s+public (?!static )\w+\??: .*)$/gm, (line) => line.replace(/\.I([A-Z]\w*)/g, ".$1"));
  writeFileSync(join(root, "runtime/wire/types.ts"), `${header}/* eslint-disable */\n${declarations}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`runtime/wire regenerated from clarifai-nodejs-grpc ${version}`);
