// Right-sizing in the results view: per component the instances it runs and how busy they
// are, the instances that would do at the target (and the p99 then, against its callers'
// timeouts, flagged where more instances would not bring it under), and the carbon a month
// the change saves or costs.
import { formatKgCO2e } from '@topo/carbon';
import type { RightSize } from '@topo/simulator';
import { escapeHtml, formatMs, formatPercent } from '../format.js';
import type { RightSizing } from '@topo/language/protocol';

const BOUND: Record<RightSize['bound'], string> = {
  target: 'the target',
  p99: 'p99 within the timeout',
  lock: 'the lock',
  zones: 'its zones (or replicas)',
};

/** −41 kgCO2e, +3.2 kgCO2e, or — for no change. */
function signedKg(delta: number): string {
  return delta === 0 ? '—' : `${delta > 0 ? '+' : '−'}${formatKgCO2e(Math.abs(delta))}`;
}

/**
 * Whether p99 stays over the limit at the suggested count. Right-sizing adds instances only
 * while the queueing wait keeps p99 over it, so what is left over is the work's or the calls'.
 */
function overLimitThen(r: RightSize): boolean {
  return r.limitMs !== undefined && r.suggestedP99Ms !== null && r.suggestedP99Ms > r.limitMs;
}

const OVER_LIMIT = "p99 over the timeout is not the queue's: more instances would not help";

function row(r: RightSize, delta: number): string {
  const changed = r.suggested !== r.instances;
  const over = overLimitThen(r);
  return (
    `<tr data-service="${escapeHtml(r.name)}">` +
    `<td class="name"><span class="kind kind-${r.kind}"></span>${escapeHtml(r.name)}</td>` +
    `<td class="num">${r.instances}</td><td class="num">${formatPercent(r.utilization)}</td><td class="num">${formatMs(r.p99Ms)}</td>` +
    `<td class="num">${formatMs(r.limitMs)}</td>` +
    `<td class="num${changed ? (r.suggested > r.instances ? ' warn' : ' ok') : ''}">${r.suggested}</td>` +
    `<td class="num">${formatPercent(r.suggestedUtilization)}</td>` +
    (over ? `<td class="num bad" title="${OVER_LIMIT}">${formatMs(r.suggestedP99Ms)} †</td>` : `<td class="num">${formatMs(r.suggestedP99Ms)}</td>`) +
    `<td class="muted">${BOUND[r.bound]}</td>` +
    `<td class="num${delta < 0 ? ' ok' : delta > 0 ? ' warn' : ''}">${signedKg(delta)}</td></tr>`
  );
}

/** What right-sizing would change in the design's carbon a month, or that it would change nothing. */
export function carbonInWords(total: RightSizing['carbon']['total']): string {
  // A change smaller than the figures' precision is none to speak of either.
  if (total.delta === 0 || formatKgCO2e(total.after) === formatKgCO2e(total.before)) return `Right-sizing would not change the estimate: ${formatKgCO2e(total.before)} a month.`;
  return `Right-sized, the design would emit ${formatKgCO2e(total.after)} a month instead of ${formatKgCO2e(total.before)} (${signedKg(total.delta)}), the same work on the new counts.`;
}

/** The table and its total; nothing when no component has a fixed count to size. */
export function rightSizingHtml({ target, rows, carbon }: RightSizing): string {
  if (rows.length === 0) return '';
  const delta = (name: string) => carbon.components.find((c) => c.name === name)?.delta ?? 0;
  return (
    `<section><h2>Right-sizing</h2>` +
    `<table class="data right-sizing"><thead><tr><th>Component</th><th class="num">Instances per region</th><th class="num">Busy</th><th class="num">p99</th>` +
    `<th class="num">Timeout</th><th class="num">Would do per region</th><th class="num">Busy then</th><th class="num">p99 then</th><th>Set by</th><th class="num">CO2e/month</th></tr></thead>` +
    `<tbody>${rows.map((r) => row(r, delta(r.name))).join('')}</tbody></table>` +
    `<p class="muted note">Instances per region that keep busy threads at ${formatPercent(target)}, more only while the queueing wait is what keeps p99 over the shortest timeout of the callers ` +
    `(p99 then: the measured service time plus the wait an M/M/c queue would add), never fewer than the zones they are spread over (nor, for Cassandra, its replicas). ` +
    (rows.some(overLimitThen) ? `† ${OVER_LIMIT}. ` : '') +
    `${carbonInWords(carbon.total)}</p></section>`
  );
}
