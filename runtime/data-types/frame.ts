/** FRAME values (spec §3.2): one video frame with its image and regions. */
import type { Image } from "./media.js";
import type { Region, RegionInput } from "./region.js";

export interface FrameInput {
  image?: Image;
  regions?: RegionInput[];
  /** Seconds from the start; travels as whole milliseconds. */
  time?: number;
  index?: number;
}

export interface Frame {
  image?: Image;
  regions: Region[];
  /** Seconds from the start. */
  time: number;
  index: number;
}
