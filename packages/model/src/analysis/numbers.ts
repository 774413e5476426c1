// Durations are sums of parsed decimals (0.1ms + 0.2ms), so comparisons allow for the
// last bits of floating-point noise: a timeout written equal to a need is equal to it.

const RELATIVE = 1e-9;

/** a < b by more than rounding noise. */
export function lessThan(a: number, b: number): boolean {
  if (!Number.isFinite(b)) return a < b;
  return a < b - RELATIVE * Math.max(1, Math.abs(b));
}

/** a > b by more than rounding noise. */
export function greaterThan(a: number, b: number): boolean {
  return lessThan(b, a);
}

/** a and b are the same number up to rounding noise (for shares that should sum to 1). */
export function nearlyEqual(a: number, b: number): boolean {
  return !lessThan(a, b) && !lessThan(b, a);
}

/** A stable key for a duration, so `2s` and `2000ms` compare equal. */
export function durationKey(ms: number): number {
  return Number(ms.toPrecision(12));
}
