// The resilience options of a call in words, with the numbers in force (the defaults spelled
// out): for the editor's hover and the diagram's tooltip.
import { DEFAULT_BREAKER, RETRY_BUDGET_MIN_RETRIES } from './defaults.js';
import type { Breaker, Call } from './model.js';
import { formatDuration, formatShare } from './units.js';

/** True when the call has a breaker, a retry budget, a bulkhead or a fallback. */
export function hasResilience(call: Call): boolean {
  return call.breaker !== undefined || call.retryBudget !== undefined || call.bulkhead !== undefined || call.fallback;
}

/** `breaker 50% of 20 over 10s open 5s`: the long form, which says every number. */
export function formatBreaker(b: Breaker): string {
  return `breaker ${formatShare(b.threshold)} of ${b.volume} over ${formatDuration(b.windowMs)} open ${formatDuration(b.openMs)}`;
}

/** The options as written in their long forms: `breaker 50% of 20 over 10s open 5s · retry budget 20% · bulkhead 40 · fallback`. */
export function resilienceSummary(call: Call): string {
  return [
    call.breaker && formatBreaker(call.breaker),
    call.retryBudget !== undefined && `retry budget ${formatShare(call.retryBudget)}`,
    call.bulkhead !== undefined && `bulkhead ${call.bulkhead}`,
    call.fallback && 'fallback',
  ]
    .filter((s): s is string => typeof s === 'string')
    .join(' · ');
}

/** One sentence per option: what it does to this call, with its numbers. */
export function describeResilience(call: Call): string[] {
  const out: string[] = [];
  const b = call.breaker;
  if (b) {
    const defaults = b.threshold === DEFAULT_BREAKER.threshold && b.volume === DEFAULT_BREAKER.volume && b.windowMs === DEFAULT_BREAKER.windowMs && b.openMs === DEFAULT_BREAKER.openMs;
    out.push(
      `${formatBreaker(b)}${defaults ? " (Hystrix's defaults)" : ''}: per ${call.from} instance, opens when at least ${b.volume} attempts to ${call.target} ended in the last ${formatDuration(b.windowMs)} and ${formatShare(b.threshold)} of them failed; while open every attempt fails at once; after ${formatDuration(b.openMs)} one trial attempt closes it or opens it again`,
    );
  }
  if (call.retryBudget !== undefined) {
    out.push(
      `retry budget ${formatShare(call.retryBudget)}: a retry is sent only while the retries in flight from one ${call.from} instance to ${call.target} stay below max(${RETRY_BUDGET_MIN_RETRIES}, ${formatShare(call.retryBudget)} × its attempts in flight there)`,
    );
  }
  if (call.bulkhead !== undefined) {
    out.push(`bulkhead ${call.bulkhead}: at most ${call.bulkhead} attempts in flight from one ${call.from} instance to ${call.target}; one more fails at once (rejected)`);
  }
  if (call.fallback) out.push(`fallback: when the call has finally failed, ${call.from} goes on as if it had succeeded and the request counts as degraded`);
  return out;
}
