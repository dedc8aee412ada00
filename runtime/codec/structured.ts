/**
 * CONCEPT / REGION / FRAME ↔ their protos, following the Python SDK's data types (spec §3.2): concept
 * ids derived from names, region box order [xmin, ymin, xmax, ymax], region ids defaulting to a random
 * uuid hex, frame time in seconds ↔ whole milliseconds.
 */
import { randomUUID } from "node:crypto";
import { implicit, implicitFloat, type ConceptProto, type FrameProto, type Init, type RegionProto } from "../wire/index.js";
import { conceptIdFromName, type Concept } from "../data-types/concept.js";
import type { Box, Region } from "../data-types/region.js";
import type { Frame } from "../data-types/frame.js";
import type { Image } from "../data-types/media.js";
import type { EncodeContext } from "./encode-context.js";
import { mediaFromProto, mediaToProto } from "./media-proto.js";

const CONCEPT = "a concept: a name string or { name: string; value?: number; id?: string }";
const REGION = "a region { id?, box?, concepts?, mask?, point?, trackId?, text? }";
const FRAME = "a frame { image?, regions?, time?, index? }";

export function conceptToProto(value: unknown, path: string, ctx: EncodeContext): Init.Concept {
  if (typeof value === "string") return { id: implicit(conceptIdFromName(value)), name: implicit(value), value: 1 };
  const object = plainObject(value, path, CONCEPT, ctx);
  const name = object["name"];
  if (typeof name !== "string") return ctx.reject(`${path}.name`, "a string", name);
  const score = field(object, "value", path, ctx, "a finite number", isFiniteNumber) ?? 1;
  const id = field(object, "id", path, ctx, "a string", isString) ?? conceptIdFromName(name);
  return { id: implicit(id), name: implicit(name), value: implicitFloat(score) };
}

export function conceptFromProto(message: ConceptProto): Concept {
  return { id: message.id, name: message.name, value: message.value };
}

export function regionToProto(value: unknown, path: string, ctx: EncodeContext): Init.Region {
  const object = plainObject(value, path, REGION, ctx);
  const id = field(object, "id", path, ctx, "a string", isString) ?? randomUUID().replaceAll("-", "");
  const box = field(object, "box", path, ctx, "[xmin, ymin, xmax, ymax] (4 finite numbers)", isBox);
  const point = field(object, "point", path, ctx, "{ x: number; y: number; z?: number }", isPoint);
  const mask = object["mask"] === undefined ? undefined : mediaToProto("image", object["mask"], `${path}.mask`, ctx);
  const concepts = field(object, "concepts", path, ctx, "an array of concepts", Array.isArray);
  const text = field(object, "text", path, ctx, "a string", isString);
  const trackId = field(object, "trackId", path, ctx, "a string", isString);

  const hasInfo = box !== undefined || point !== undefined || mask !== undefined;
  const hasData = (concepts !== undefined && concepts.length > 0) || text !== undefined;
  return {
    id: implicit(id),
    trackId: implicit(trackId),
    regionInfo: hasInfo
      ? {
          ...(box && {
            boundingBox: {
              leftCol: implicitFloat(box[0]),
              topRow: implicitFloat(box[1]),
              rightCol: implicitFloat(box[2]),
              bottomRow: implicitFloat(box[3]),
            },
          }),
          ...(mask && { mask: { image: mask } }),
          ...(point && { point: { col: implicitFloat(point.x), row: implicitFloat(point.y), z: implicitFloat(point.z) } }),
        }
      : undefined,
    data: hasData
      ? {
          concepts: (concepts ?? []).map((c, i) => conceptToProto(c, `${path}.concepts[${i}]`, ctx)),
          ...(text !== undefined && { text: { raw: implicit(text) } }),
        }
      : undefined,
  };
}

export function regionFromProto(message: RegionProto): Region {
  const info = message.regionInfo;
  const bbox = info?.boundingBox;
  const maskImage = info?.mask?.image;
  const region: Region = {
    id: message.id,
    concepts: (message.data?.concepts ?? []).map(conceptFromProto),
    trackId: message.trackId,
    text: message.data?.text?.raw ?? "",
  };
  if (bbox) region.box = [bbox.leftCol, bbox.topRow, bbox.rightCol, bbox.bottomRow];
  if (maskImage) region.mask = mediaFromProto("image", maskImage) as Image;
  if (info?.point) region.point = { x: info.point.col, y: info.point.row, z: info.point.z };
  return region;
}

export function frameToProto(value: unknown, path: string, ctx: EncodeContext): Init.Frame {
  const object = plainObject(value, path, FRAME, ctx);
  const image = object["image"] === undefined ? undefined : mediaToProto("image", object["image"], `${path}.image`, ctx);
  const regions = field(object, "regions", path, ctx, "an array of regions", Array.isArray) ?? [];
  const time = field(object, "time", path, ctx, "a finite number of seconds ≥ 0", isSeconds);
  const index = field(object, "index", path, ctx, "an integer ≥ 0", isUint32);
  const timeMs = time === undefined ? 0 : Math.trunc(time * 1000);
  return {
    // Like the Python SDK, an all-zero frame_info is left out.
    frameInfo: timeMs !== 0 || (index ?? 0) !== 0 ? { time: implicit(timeMs), index: implicit(index) } : undefined,
    data: {
      ...(image && { image }),
      regions: regions.map((r, i) => regionToProto(r, `${path}.regions[${i}]`, ctx)),
    },
  };
}

export function frameFromProto(message: FrameProto): Frame {
  const data = message.data;
  const frame: Frame = {
    regions: (data?.regions ?? []).map(regionFromProto),
    time: Number(message.frameInfo?.time ?? 0) / 1000,
    index: message.frameInfo?.index ?? 0,
  };
  if (data?.image) frame.image = mediaFromProto("image", data.image) as Image;
  return frame;
}

function plainObject(value: unknown, path: string, expected: string, ctx: EncodeContext): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return ctx.reject(path, expected, value);
  return value as Record<string, unknown>;
}

/** `object[key]` when it passes `check`; `undefined` when absent; otherwise an ArgumentError at `path.key`. */
function field<T>(
  object: Record<string, unknown>,
  key: string,
  path: string,
  ctx: EncodeContext,
  expected: string,
  check: (value: unknown) => value is T,
): T | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (!check(value)) return ctx.reject(`${path}.${key}`, expected, value);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isSeconds = (v: unknown): v is number => isFiniteNumber(v) && v >= 0;
const isUint32 = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;
const isBox = (v: unknown): v is Box => Array.isArray(v) && v.length === 4 && v.every(isFiniteNumber);
const isPoint = (v: unknown): v is { x: number; y: number; z?: number } =>
  typeof v === "object" &&
  v !== null &&
  isFiniteNumber((v as { x?: unknown }).x) &&
  isFiniteNumber((v as { y?: unknown }).y) &&
  ((v as { z?: unknown }).z === undefined || isFiniteNumber((v as { z?: unknown }).z));
