/**
 * Results in one comparable form (test/codec/vector-support.ts's), except images: PIL and fast-png write
 * different PNG bytes for the same pixels, so an image compares as the `pil` view (size, mode, pixels)
 * the vectors record for it.
 */
import { Image } from "clarifai-typed";
import { comparable, fromPython } from "../../codec/vector-support.js";
import { openImage, pilView } from "./pil-image.js";

/** A value the generated client returned → the comparable form, images as their decoded pixels. */
export function comparableResult(value: unknown): unknown {
  return comparable(mapPlain(value, (v) => (v instanceof Image ? { pil: pilView(openImage(v)) } : undefined)));
}

/** A vector's `python_result` → the comparable form, images as the `pil` view recorded with them. */
export function expectedResult(pythonResult: unknown): unknown {
  return fromPython(
    mapPlain(pythonResult, (v) => {
      const recorded = v as { __type__?: unknown; pil?: unknown };
      if (recorded.__type__ !== "Image") return undefined;
      if (recorded.pil === undefined) throw new Error("a recorded Image result has no `pil` view to compare pixels with");
      return { pil: recorded.pil };
    }),
  );
}

/** Rebuilds arrays and plain objects, replacing each value `replace` maps; class instances are kept as they are. */
function mapPlain(value: unknown, replace: (value: object) => unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const replaced = replace(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((item) => mapPlain(item, replace));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapPlain(v, replace)]));
}
