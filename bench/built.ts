/**
 * The URL of a compiled runtime module (`dist/runtime/<path>`, after `npm run build`), for benches that time the
 * build users run: the sources under tsx carry a helper call in every closure, which inflates per-call costs.
 */
export const built = (path: string): string => new URL(`../dist/runtime/${path}`, import.meta.url).href;
