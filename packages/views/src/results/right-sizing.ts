// Right-sizing in the results view: per component the instances it runs and how busy they
// are, the instances that would do at the target (and the p99 then, against its callers'
// timeouts), and the carbon a month the change saves or costs.
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

function row(r: RightSize, delta: number): string {
  const changed = r.suggested !== r.instances;
  return (
    `<tr data-service="${escapeHtml(r.name)}">` +
    `<td class="name"><span class="kind kind-${r.kind}"></span>${escapeHtml(r.name)}</td>` +
    `<td class="num">${r.instances}</td><td class="num">${formatPercent(r.utilization)}</td><td class="num">${formatMs(r.p99Ms)}</td>` +
    `<td class="num">${formatMs(r.limitMs)}</td>` +
    `<td class="num${changed ? (r.suggested > r.instances ? ' warn' : ' ok') : ''}">${r.suggested}</td>` +
    `<td class="num">${formatPercent(r.suggestedUtilization)}</td><td class="num">${formatMs(r.suggestedP99Ms)}</td>` +
    `<td class="muted">${BOUND[r.bound]}</td>` +
    `<td class="num${delta < 0 ? ' ok' : delta > 0 ? ' warn' : ''}">${signedKg(delta)}</td></tr>`
  );
}

/** The table and its total; nothing when no component has a fixed count to size. */
export function rightSizingHtml({ target, rows, carbon }: RightSizing): string {
  if (rows.length === 0) return '';
  const delta = (name: string) => carbon.components.find((c) => c.name === name)?.delta ?? 0;
  return (
    `<section><h2>Right-sizing</h2>` +
    `<table class="data right-sizing"><thead><tr><th>Component</th><th class="num">Instances</th><th class="num">Busy</th><th class="num">p99</th>` +
    `<th class="num">Timeout</th><th class="num">Would do</th><th class="num">Busy then</th><th class="num">p99 then</th><th>Set by</th><th class="num">CO2e/month</th></tr></thead>` +
    `<tbody>${rows.map((r) => row(r, delta(r.name))).join('')}</tbody></table>` +
    `<p class="muted note">Instances per region that keep busy threads at ${formatPercent(target)} and p99 within the shortest timeout of the callers ` +
    `(p99 then: the measured service time plus the wait an M/M/c queue would add), never fewer than the zones they are spread over (nor, for Cassandra, its replicas). ` +
    `Right-sized, the design would emit ${formatKgCO2e(carbon.total.after)} a month instead of ${formatKgCO2e(carbon.total.before)} (${signedKg(carbon.total.delta)}), the same work on the new counts.</p></section>`
  );
}
