// Timeouts a person would write: 1, 1.5, 2, 2.5, 3, 4 … 9 times a power of ten
// (250ms, 300ms, 1s, 1.5s, 500us). Used to suggest a timeout that covers a need, and by
// the budget planner to round shrunken timeouts down.
import { lessThan } from './numbers.js';

const MANTISSAS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9];

/** The readable values around ms, in increasing order. */
function gridAround(ms: number): number[] {
  const exponent = Math.floor(Math.log10(ms));
  const values: number[] = [];
  for (let e = exponent - 1; e <= exponent + 1; e++) {
    for (const m of MANTISSAS) values.push(Number((m * 10 ** e).toPrecision(12)));
  }
  return values;
}

/** The smallest readable timeout that is at least ms: 6001 → 7000 (7s), 308 → 400, 300 → 300. */
export function readableTimeoutAtLeast(ms: number): number {
  if (!(ms > 0) || !Number.isFinite(ms)) return ms;
  return gridAround(ms).find((v) => !lessThan(v, ms))!;
}

/** The largest readable timeout that is at most ms: 1666.3 → 1500, 499 → 400; 0 below the grid. */
export function readableTimeoutAtMost(ms: number): number {
  if (!(ms > 0) || !Number.isFinite(ms)) return Math.max(0, ms);
  return gridAround(ms).findLast((v) => !lessThan(ms, v))!;
}
