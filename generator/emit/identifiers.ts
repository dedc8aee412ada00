/**
 * Turning names that came from a model (model ids, method names, field names) into safe TypeScript names.
 * Nothing here trusts its input: model ids may hold dashes, digits first or any unicode.
 */

/** Words that may not be used as a binding or (by this project's rule) as an unquoted property key. */
const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of async await never unknown object bigint undefined"
  ).split(" "),
);

const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key for a type literal: bare when it is a plain ASCII identifier and not a reserved word, else quoted. */
export function propertyKey(name: string): string {
  return ASCII_IDENTIFIER.test(name) && !RESERVED_WORDS.has(name) ? name : JSON.stringify(name);
}

/**
 * PascalCase of any name: words are runs of identifier characters split at anything else and at `_`
 * (`peer-test-model` → `PeerTestModel`, `analyze_video` → `AnalyzeVideo`); unicode letters are kept.
 * A result that cannot start an identifier (empty, or a digit first) gets the prefix `fallbackPrefix`.
 */
export function pascalCase(name: string, fallbackPrefix: string): string {
  const words = name.normalize("NFC").split(/[^\p{ID_Continue}]+|_+/u).filter((w) => w.length > 0);
  const joined = words.map((w) => upperFirst(w)).join("");
  return /^\p{ID_Start}/u.test(joined) ? joined : fallbackPrefix + joined;
}

function upperFirst(word: string): string {
  const [first = "", ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join("");
}

/**
 * Gives every name in `names` a distinct identifier derived by `derive`, in order; later duplicates get a
 * numeric suffix (`FooBar`, `FooBar2`), so the same input always gives the same names.
 */
export function distinctNames(names: readonly string[], derive: (name: string) => string): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = derive(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}${n}`;
    taken.add(candidate);
    return candidate;
  });
}
