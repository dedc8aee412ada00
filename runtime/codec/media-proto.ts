/** IMAGE / AUDIO / VIDEO ↔ `clarifai.api.Image|Audio|Video` {url, base64 = raw bytes} (spec §3.2). */
import { create } from "@bufbuild/protobuf";
import {
  AudioSchema,
  ImageSchema,
  VideoSchema,
  type Audio as AudioProto,
  type Image as ImageProto,
  type Video as VideoProto,
} from "../gen/proto/clarifai/api/resources_pb.js";
import { Audio, Image, Media, Video, type MediaKind } from "../data-types/media.js";
import type { EncodeContext } from "./encode-context.js";

type MediaProto = ImageProto | AudioProto | VideoProto;

const classes = { image: Image, audio: Audio, video: Video } as const;
const schemas = { image: ImageSchema, audio: AudioSchema, video: VideoSchema } as const;

/**
 * The proto for `value`, which must be a `kind` media. Bytes are referenced, not copied; a file-backed
 * value gets its bytes when `ctx.finish()` reads the file.
 */
export function mediaToProto(kind: "image", value: unknown, path: string, ctx: EncodeContext): ImageProto;
export function mediaToProto(kind: "audio", value: unknown, path: string, ctx: EncodeContext): AudioProto;
export function mediaToProto(kind: "video", value: unknown, path: string, ctx: EncodeContext): VideoProto;
export function mediaToProto(kind: MediaKind, value: unknown, path: string, ctx: EncodeContext): MediaProto {
  const cls = classes[kind];
  if (!(value instanceof cls)) {
    return ctx.reject(path, `${cls.name} (${cls.name}.fromBytes / fromFile / fromUrl)`, value);
  }
  const message = create(schemas[kind] as typeof ImageSchema, { url: value.url ?? "" }) as MediaProto;
  if (value.bytes !== undefined) message.base64 = value.bytes;
  else if (value.path !== undefined) ctx.deferLoad(value, path, (bytes) => (message.base64 = bytes));
  return message;
}

/** The runtime value of a media proto; `bytes` views the received buffer. */
export function mediaFromProto(kind: MediaKind, message: MediaProto): Media {
  return new classes[kind]({
    ...(message.base64.byteLength > 0 ? { bytes: message.base64 } : {}),
    ...(message.url ? { url: message.url } : {}),
  });
}
