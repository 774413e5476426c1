// Virtual time is an integer number of nanoseconds, held in a double: exact up to 2^53 ns
// (about 104 days of simulated time), and free of the drift that summing float milliseconds gives.
export type Nanos = number;

export const NS_PER_MS = 1_000_000;

/** Milliseconds (as the model writes them) to whole nanoseconds. */
export function nanos(ms: number): Nanos {
  return Math.round(ms * NS_PER_MS);
}

export function toMs(ns: Nanos): number {
  return ns / NS_PER_MS;
}
