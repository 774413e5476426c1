// Numbers as the CLI's own tables and summaries print them: thousands separated, a change
// signed with ASCII `+` and `-`, and no more decimals than the values it is the change of.

/** `+12.3 kgCO2e`, `-1.5 kgCO2e`: the sign, then the size as `format` writes it. */
export function signed(n: number, format: (size: number) => string): string {
  return `${n > 0 ? '+' : n < 0 ? '-' : ''}${format(Math.abs(n))}`;
}

/** A whole count with thousands separators: `109,835`. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The change between two values as written (`10.94`, `10.96`), with as many decimals as the more precise of them: `0.02`. */
export function changeLike(size: number, ...shown: string[]): string {
  const decimals = Math.max(0, ...shown.map((s) => /\.(\d+)/.exec(s)?.[1]!.length ?? 0));
  return size.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
