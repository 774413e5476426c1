// Timeouts a person would write: 1, 1.5, 2, 2.5, 3, 4 … 9 times a power of ten
// (250ms, 300ms, 1s, 1.5s, 500us). Used to suggest a timeout that covers a need, and by
// the budget planner to round shrunken timeouts down.
import { lessThan } from './numbers.js';

const MANTISSAS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9];

/** m × 10^e as the double nearest the decimal (0.3, not 0.30000000000000004). */
function decimal(m: number, e: number): number {
  return e >= 0 ? m * 10 ** e : m / 10 ** -e;
}

/** The smallest readable timeout that is at least ms: 6001 → 7000 (7s), 308 → 400, 300 → 300. */
export function readableTimeoutAtLeast(ms: number): number {
  if (!(ms > 0) || !Number.isFinite(ms)) return ms;
  const exponent = Math.floor(Math.log10(ms));
  for (let e = exponent - 1; ; e++) {
    for (const m of MANTISSAS) {
      const v = decimal(m, e);
      if (!lessThan(v, ms)) return v;
    }
  }
}

/** The largest readable timeout that is at most ms: 1666.3 → 1500, 499 → 400; 0 when ms is not positive. */
export function readableTimeoutAtMost(ms: number): number {
  if (!(ms > 0) || !Number.isFinite(ms)) return Math.max(0, ms);
  const exponent = Math.floor(Math.log10(ms));
  for (let e = exponent + 1; ; e--) {
    for (let i = MANTISSAS.length - 1; i >= 0; i--) {
      const v = decimal(MANTISSAS[i]!, e);
      if (!lessThan(ms, v)) return v;
    }
  }
}
