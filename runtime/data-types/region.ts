/** REGION values (spec §3.2): a box, mask or point with concepts and text. */
import type { Concept, ConceptInput } from "./concept.js";
import type { Image } from "./media.js";

/** `[xmin, ymin, xmax, ymax]`, relative coordinates (0..1) by convention. */
export type Box = [xmin: number, ymin: number, xmax: number, ymax: number];

export interface Point3 {
  x: number;
  y: number;
  z?: number;
}

export interface RegionInput {
  /** Defaults to a random id (a dash-less UUID), as the Python SDK does. */
  id?: string;
  box?: Box;
  concepts?: ConceptInput[];
  mask?: Image;
  point?: Point3;
  trackId?: string;
  text?: string;
}

export interface Region {
  id: string;
  /** Present when the region has a bounding box. */
  box?: Box;
  concepts: Concept[];
  mask?: Image;
  point?: Required<Point3>;
  trackId: string;
  text: string;
}
