/**
 * Image, Audio and Video: a payload given as bytes, as a file read when the call is encoded, or as a URL
 * the model server downloads. One base class holds the behaviour; the subclasses only name the kind, so
 * an `Audio` is never accepted where an `Image` is expected.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";

export interface MediaInit {
  /** The raw file bytes (PNG, WAV, MP4, …); referenced, never copied. */
  bytes?: Uint8Array;
  /** A URL the model server downloads. */
  url?: string;
  /** A local file read when the call is encoded. */
  path?: string;
}

export type MediaKind = "image" | "audio" | "video";

export abstract class Media {
  abstract readonly kind: MediaKind;
  readonly url: string | undefined;
  /** The file this value is read from at encode time (`fromFile`), if any. */
  readonly path: string | undefined;
  readonly #bytes: Uint8Array | undefined;

  constructor(init: MediaInit) {
    this.#bytes = init.bytes;
    this.url = init.url || undefined;
    this.path = init.path;
  }

  static fromBytes<T extends Media>(this: new (init: MediaInit) => T, bytes: Uint8Array): T {
    return new this({ bytes });
  }

  /** The file is read when the call is encoded, so a missing file is reported then, naming the argument. */
  static fromFile<T extends Media>(this: new (init: MediaInit) => T, path: string): T {
    return new this({ path });
  }

  static fromUrl<T extends Media>(this: new (init: MediaInit) => T, url: string): T {
    return new this({ url });
  }

  /** The bytes held in memory; `undefined` for a URL or a not yet read file (see `load`). */
  get bytes(): Uint8Array | undefined {
    return this.#bytes;
  }

  /** The bytes to send: those held, else the file's content (read now), else `undefined` (URL only). */
  async load(): Promise<Uint8Array | undefined> {
    if (this.#bytes !== undefined) return this.#bytes;
    if (this.path !== undefined) return readFile(this.path);
    return undefined;
  }

  /** Writes the payload to `path`: the bytes, a copy of the source file, or the downloaded URL. */
  async toFile(path: string): Promise<void> {
    if (this.#bytes !== undefined) return writeFile(path, this.#bytes);
    if (this.path !== undefined) return copyFile(this.path, path);
    if (this.url !== undefined) {
      const response = await fetch(this.url);
      if (!response.ok) {
        throw new Error(`${this.kind} download from ${this.url} failed: HTTP ${response.status}`);
      }
      return writeFile(path, new Uint8Array(await response.arrayBuffer()));
    }
    throw new Error(`this ${this.kind} holds no bytes, file or URL to write`);
  }
}

export class Image extends Media {
  readonly kind = "image" as const;
}

export class Audio extends Media {
  readonly kind = "audio" as const;
}

export class Video extends Media {
  readonly kind = "video" as const;
}
