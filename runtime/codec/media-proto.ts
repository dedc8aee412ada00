/** IMAGE / AUDIO / VIDEO ↔ `clarifai.api.Image|Audio|Video` {url, base64 = raw bytes} (spec §3.2). */
import { implicit, type AudioProto, type ImageProto, type Init, type VideoProto } from "../wire/index.js";
import { Audio, Image, Media, Video, type MediaKind } from "../data-types/media.js";
import type { EncodeContext } from "./encode-context.js";

type MediaProto = ImageProto | AudioProto | VideoProto;

const classes = { image: Image, audio: Audio, video: Video } as const;

/**
 * The proto for `value`, which must be a `kind` media. Bytes are referenced, not copied; a file-backed
 * value gets its bytes when `ctx.finish()` reads the file.
 */
export function mediaToProto(kind: MediaKind, value: unknown, path: string, ctx: EncodeContext): Init.Image {
  const cls = classes[kind];
  if (!(value instanceof cls)) {
    return ctx.reject(path, `${cls.name} (${cls.name}.fromBytes / fromFile / fromUrl)`, value);
  }
  // Image, Audio and Video share their fields (url, base64).
  const message: Init.Image = { url: implicit(value.url) };
  if (value.bytes !== undefined) message.base64 = implicit(value.bytes);
  else if (value.path !== undefined) ctx.deferLoad(value, path, (bytes) => (message.base64 = implicit(bytes)));
  return message;
}

/** The runtime value of a media proto; `bytes` views the received buffer. */
export function mediaFromProto(kind: MediaKind, message: MediaProto): Media {
  return new classes[kind]({
    ...(message.base64.length > 0 ? { bytes: message.base64 } : {}),
    ...(message.url ? { url: message.url } : {}),
  });
}
