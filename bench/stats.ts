/** Small helpers every bench script shares: summary statistics of samples, and `--name=value` options. */

/** The median (the mean of the middle two for an even count); NaN for no samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The first and third quartiles (nearest sample), for the spread beside a median. */
export function quartiles(samples: readonly number[]): readonly [number, number] {
  const sorted = [...samples].sort((a, b) => a - b);
  return [sorted[Math.floor((sorted.length - 1) / 4)]!, sorted[Math.ceil(((sorted.length - 1) * 3) / 4)]!];
}

/** The value of a `--name=value` command-line option, if given. */
export function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
