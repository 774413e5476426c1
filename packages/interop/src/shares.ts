// Splitting a whole (100% of the routes, 100 rps of load) in proportion to weights, written
// with as few decimals as keep every part above zero, adding up to the whole exactly.

const MAX_DECIMALS = 6;

/**
 * Parts of `total` in proportion to `weights` (each > 0), as decimal strings: the largest
 * remainder method at the fewest decimals (up to 6) where no part rounds to zero.
 */
export function splitInProportion(total: number, weights: readonly number[]): string[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let parts: number[] = [];
  let decimals = 0;
  for (; decimals <= MAX_DECIMALS; decimals++) {
    parts = largestRemainder(total * 10 ** decimals, weights, sum);
    if (parts.every((p) => p > 0)) break;
  }
  decimals = Math.min(decimals, MAX_DECIMALS);
  return parts.map((p) => formatUnits(p, decimals));
}

/** Whole units summing to `units`, each the floor of its exact part, the rest to the largest remainders. */
function largestRemainder(units: number, weights: readonly number[], sum: number): number[] {
  const exact = weights.map((w) => (units * w) / sum);
  const parts = exact.map(Math.floor);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

/** 4286 units at 2 decimals → "42.86"; trailing zeros go: 4250 → "42.5", 4200 → "42". */
function formatUnits(units: number, decimals: number): string {
  if (decimals === 0) return String(units);
  const text = (units / 10 ** decimals).toFixed(decimals);
  return text.replace(/\.?0+$/, '');
}
