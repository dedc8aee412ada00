/** CONCEPT values (spec §3.2): a label with a score. */

/** A concept as a model returns it; `value` is the double of the float32 that travelled. */
export interface Concept {
  id: string;
  name: string;
  value: number;
}

/** A concept argument: a name, or a name with an optional score (default 1) and id (default derived). */
export type ConceptInput = string | { name: string; value?: number; id?: string };

/** The id the Python SDK derives from a name: drop all but ASCII letters, digits and spaces; spaces → "-". */
export function conceptIdFromName(name: string): string {
  return name.replace(/[^a-zA-Z0-9\s]/g, "").replace(/ /g, "-");
}
