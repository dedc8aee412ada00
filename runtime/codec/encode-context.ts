/**
 * State shared by one encoding pass: who is being encoded (for error messages), files still to read
 * (read after validation, all at once), and the options.
 */
import { ArgumentError } from "../errors.js";
import type { Media } from "../data-types/media.js";
import { describeValue } from "./describe.js";

export interface EncodeOptions {
  /**
   * Also write each JSON_DATA value as `string_value` = JSON text, for models built with clarifai
   * 11.3.0–11.10.2 (spec §3.4). Off by default: the official SDK does not send it (see the vectors).
   */
  jsonStringMirror?: boolean;
}

export class EncodeContext {
  /** Created on the first file-backed media: most calls have none. */
  #loads: { media: Media; path: string; assign: (bytes: Uint8Array) => void }[] | undefined;

  constructor(
    /** The method name, or `<method> result` when encoding a return value. */
    readonly method: string,
    readonly options: EncodeOptions = {},
  ) {}

  /** Throws the ArgumentError for the value at `path`. */
  reject(path: string, expected: string, value: unknown, hint?: string): never {
    return this.fail(path, expected, describeValue(value), hint);
  }

  /** Throws the ArgumentError for the value at `path`, described by `received`. */
  fail(path: string, expected: string, received: string, hint?: string): never {
    throw new ArgumentError({
      method: this.method,
      parameter: path,
      expected,
      received,
      ...(hint === undefined ? {} : { hint }),
    });
  }

  /**
   * Throws at the first hole of a sparse array (`[1, , 3]`, `new Array(n)`). Checked before mapping, as
   * `Array#map` skips holes (they would pass unchecked) yet still walks the whole length (2^32-1 would hang).
   */
  checkDense(array: readonly unknown[], path: string): void {
    for (let i = 0; i < array.length; i++) {
      if (!(i in array)) {
        this.fail(`${path}[${i}]`, "a value", "an empty slot of a sparse array", "Fill every index, e.g. with Array.from(list).");
      }
    }
  }

  /** Registers a file-backed media whose bytes are read by `finish`. */
  deferLoad(media: Media, path: string, assign: (bytes: Uint8Array) => void): void {
    (this.#loads ??= []).push({ media, path, assign });
  }

  get hasPendingLoads(): boolean {
    return this.#loads !== undefined;
  }

  /** Reads every deferred file; a file that cannot be read is an ArgumentError naming parameter and path. */
  async finish(): Promise<void> {
    await Promise.all(
      (this.#loads ?? []).map(async ({ media, path, assign }) => {
        let bytes: Uint8Array | undefined;
        try {
          bytes = await media.load();
        } catch (error) {
          const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing file" : "unreadable file";
          throw new ArgumentError({
            method: this.method,
            parameter: path,
            expected: `a readable ${media.kind} file`,
            received: `${reason} "${media.path}"`,
            hint: `(${(error as Error).message})`,
          });
        }
        if (bytes !== undefined) assign(bytes);
      }),
    );
  }
}
