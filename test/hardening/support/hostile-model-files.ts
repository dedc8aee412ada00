/** The hostile model.py files of the hardening tests and benchmark, built from one valid model. */
import { readFileSync } from "node:fs";

export const VALID_MODEL = `from clarifai.runners.models.model_class import ModelClass


class Echo(ModelClass):
    @ModelClass.method
    def predict(self, prompt: str) -> str:
        """Echoes the prompt."""
        return prompt
`;

export interface HostileFile {
  name: string;
  content: string | Uint8Array;
  /** "signatures" (read fine: `predict`), or a pattern the error message must match. */
  want: "signatures" | RegExp;
  /** A bug this row exposes (reported): the row runs as todo. */
  todo?: string;
}

const repeat = (line: string, megabytes: number) => line.repeat(Math.ceil((megabytes * 2 ** 20) / line.length));
/** Deterministic pseudo-random bytes (xorshift), so a failure reproduces. */
function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
const withBody = (body: string) => VALID_MODEL.replace("        return prompt\n", body);

export function hostileModelFiles(options: { megabytes: number; pngFile: string }): HostileFile[] {
  const mb = options.megabytes;
  return [
    { name: `${mb} MB of comments after the model`, content: VALID_MODEL + repeat("# a comment line of a huge generated file......................\n", mb), want: "signatures" },
    { name: `${mb} MB of module-level code`, content: VALID_MODEL + repeat("TABLE_ENTRY = [1, 2.5, 'three', {'four': None}]\n", mb), want: "signatures" },
    { name: `a ${mb} MB docstring`, content: withBody(`        """${repeat("very long docs ", mb)}"""\n        return prompt\n`), want: "signatures" },
    { name: "100,000 nested parentheses", content: VALID_MODEL + `X = ${"(".repeat(100_000)}1${")".repeat(100_000)}\n`, want: /X|nest|pars|too|syntax|deep/i },
    { name: "a default nested 10,000 lists deep", content: VALID_MODEL.replace("prompt: str)", `prompt: str, deep: list = ${"[".repeat(10_000)}${"]".repeat(10_000)})`), want: /deep|nest|default|syntax/i },
    { name: "1,000 nested if blocks", content: withBody(Array.from({ length: 1_000 }, (_, i) => `${"    ".repeat(i + 2)}if True:\n`).join("") + `${"    ".repeat(1_002)}pass\n        return prompt\n`), want: /indent|nest|deep|syntax/i },
    { name: "syntax error in a method signature", content: VALID_MODEL.replace("def predict(self, prompt: str)", "def predict(self, prompt: str"), want: /syntax|parenthes|expected|invalid/i },
    { name: "an unterminated triple-quoted string", content: VALID_MODEL.replace('"""Echoes the prompt."""', '"""Echoes the prompt.'), want: /syntax|string|unterminated|invalid/i },
    { name: "1,000 lines of garbage", content: repeat("def ::: class ((( @@@ ]]] lambda lambda\n", 0.04), want: /syntax|invalid/i },
    { name: "1 MiB of random bytes", content: noise(2 ** 20), want: /UTF-8|binary|syntax|invalid/i },
    { name: "a PNG image named model.py", content: readFileSync(options.pngFile), want: /UTF-8|binary|syntax|invalid/i },
    { name: "NUL bytes in the source", content: VALID_MODEL.replace("Echoes", "Ech\0oes"), want: /null bytes/i },
    {
      name: "Latin-1 bytes (not UTF-8) in a docstring",
      content: Buffer.from(VALID_MODEL.replace("Echoes the prompt.", "Renvoie le caf\u00e9."), "latin1"),
      want: /not UTF-8/i,
    },
    { name: "UTF-16 with a byte-order mark", content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID_MODEL, "utf16le")]), want: /UTF-8|UTF-16|binary|syntax|invalid|NUL/i },
    { name: "an empty file", content: "", want: /class|method|model/i },
    { name: "a 9 MiB file (over the 8 MiB limit)", content: VALID_MODEL + repeat("# padding.......................................................\n", 9), want: /9\.0 MiB; files over 8 MiB are refused/ },
  ];
}
