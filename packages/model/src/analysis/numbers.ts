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

/** A key for a duration, to the nanosecond, so `2s`, `2000ms` and `0.1s + 1.9s` compare equal. */
export function durationKey(ms: number): number {
  return Math.round(ms * 1e6);
}
