// What an edge says about its call: `150ms ×2` on the line, the whole story in the tooltip.
// A call with a breaker, retry budget, bulkhead or fallback carries the glyph ↯.
import type { Call } from '@topo/model';
import { formatDuration, formatShare, hasResilience, resilienceSummary } from '@topo/model';

/** Marks a call guarded by a resilience option (its options are in the tooltip). */
export const RESILIENCE_GLYPH = '↯';

function attemptsOf(call: Call): number {
  return 1 + call.retries;
}

/** `150ms ×2` (timeout × attempts), prefixed by the share of requests that take it. */
export function callLabel(call: Call): string {
  const parts: string[] = [];
  if (call.routeShare !== undefined) parts.push(formatShare(call.routeShare));
  if (call.share < 1) parts.push(formatShare(call.share));
  if (call.onMiss !== undefined) parts.push('on miss');
  const attempts = attemptsOf(call);
  const timeout = call.timeoutMs === undefined ? 'no timeout' : formatDuration(call.timeoutMs);
  parts.push(attempts > 1 ? `${timeout} ×${attempts}` : timeout);
  const label = parts.join(' · ');
  return hasResilience(call) ? `${RESILIENCE_GLYPH} ${label}` : label;
}

/** Calls that happen on some requests only are drawn dashed. */
export function isConditional(call: Call): boolean {
  return call.share < 1 || call.onMiss !== undefined;
}

export function callTooltip(call: Call): string[] {
  const how =
    call.group === 'parallel' ? ', in parallel' : call.group === 'route' ? `, route ${formatShare(call.routeShare ?? 1)}` : '';
  const lines = [`${call.from} → ${call.target}${call.mode ? ` (${call.mode})` : ''}${how}`];
  const attempts = attemptsOf(call);
  const timeout = call.timeoutMs === undefined ? 'no timeout' : `timeout ${formatDuration(call.timeoutMs)}`;
  const connect = call.connectMs === undefined ? '' : `, connect ${formatDuration(call.connectMs)}`;
  const retries =
    call.retries === 0
      ? 'no retries'
      : `${call.retries} ${call.retries === 1 ? 'retry' : 'retries'} (${attempts} attempts, backoff ${formatDuration(call.backoffMs)}, ${call.retry} instance)`;
  lines.push(`${timeout}${connect}, ${retries}`);
  if (call.share < 1) lines.push(`on ${formatShare(call.share)} of requests`);
  if (call.onMiss !== undefined) lines.push(`only when ${call.onMiss} misses`);
  if (hasResilience(call)) lines.push(`${RESILIENCE_GLYPH} ${resilienceSummary(call)}`);
  return lines;
}
