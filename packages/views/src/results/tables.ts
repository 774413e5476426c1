// The parts of the results view that are plain HTML: the summary figures, the percentile
// table and the per-service table with utilisation and wasted work as bars, and what the
// resilience options did when the model has some (degraded answers, breakers, shed load).
import type { LatencySummary, ResilienceCounts, ServiceResult, SimulationResult } from '@topo/simulator';
import { durationUnit, escapeHtml, formatCount, formatIn, formatMs, formatPercent, formatRate, type DurationUnit } from '../format.js';
import { shareBar } from '../preview/carbon-table.js';

function card(label: string, value: string, note = '', cls = ''): string {
  return `<div class="card ${cls}"><div class="card-label">${label}</div><div class="card-value">${value}</div>${note ? `<div class="card-note">${note}</div>` : ''}</div>`;
}

/** A headline: requests and their fate, throughput, latency, retries and waste. */
export function summaryHtml(r: SimulationResult): string {
  const failedShare = r.requests === 0 ? 0 : r.failed / r.requests;
  const stopped = r.stopped ? `<p class="banner warning">The run was stopped at ${r.simulatedSeconds}s of simulated time: the figures cover what ran.</p>` : '';
  return (
    stopped +
    `<div class="cards">` +
    card('Requests', formatCount(r.requests), `after ${r.warmupSeconds}s warmup, over ${r.measuredSeconds}s`) +
    card('Succeeded', formatPercent(r.requests === 0 ? null : r.succeeded / r.requests), `${formatCount(r.succeeded)} requests`) +
    degradedCard(r) +
    card('Failed', formatCount(r.failed), `${formatPercent(failedShare)} · ${formatCount(r.clientTimeouts)} at the deadline`, r.failed > 0 ? 'bad' : '') +
    card('Throughput', formatRate(r.throughputRps)) +
    card('Latency p50', formatMs(r.latencyMs.p50), `mean ${formatMs(r.latencyMs.mean)}`) +
    card('Latency p99', formatMs(r.latencyMs.p99), `of successful requests, as clients saw them · max ${formatMs(r.latencyMs.max)}`) +
    card('Retries', formatCount(r.retries), retriesNote(r), r.retries > 0 ? 'warn' : '') +
    card('Wasted work', workOrNone(r.wastedWorkMs, workUnit([r.wastedWorkMs])), 'done for callers that had given up', r.wastedWorkMs > 0 ? 'warn' : '') +
    sheddingCards(r) +
    `</div>`
  );
}

/** Whether components called one another in the run: attempts count only such calls (a request into a component that calls nothing makes none). */
export function hasCalls(r: SimulationResult): boolean {
  return r.attempts > 0 || r.wastedWorkMs > 0 || r.timeline.some((p) => p.attempts > 0 || p.wastedWorkMs > 0);
}

function retriesNote(r: SimulationResult): string {
  if (!hasCalls(r)) return 'no calls between components';
  return `${formatCount(r.timeouts)} timeouts in ${formatCount(r.attempts)} call attempts`;
}

/** The unit work is written in where amounts are read together (a card, a column): the largest's, minutes allowed. */
export function workUnit(amounts: readonly number[]): DurationUnit {
  return durationUnit(Math.max(0, ...amounts), true);
}

/** Work in `unit`, or "none": no work wasted is not a duration to read. */
export function workOrNone(ms: number, unit: DurationUnit): string {
  return ms > 0 ? formatIn(ms, unit) : 'none';
}

/** True when the run counted what its resilience options did (the model has some). */
export function hasResilience(r: SimulationResult): boolean {
  return r.degraded !== undefined;
}

/** Whether a fallback answered any request: the charts draw degraded answers only then (a queue alone counts resilience too). */
export function hasDegraded(r: SimulationResult): boolean {
  return (r.degraded ?? 0) > 0;
}

/** Requests answered by a fallback, beside succeeded and failed; nothing without resilience counts. */
function degradedCard(r: SimulationResult): string {
  if (r.degraded === undefined) return '';
  const share = r.requests === 0 ? null : r.degraded / r.requests;
  return card('Degraded', formatCount(r.degraded), `${formatPercent(share)} answered by a fallback`, r.degraded > 0 ? 'warn' : '');
}

/** What the breakers and the bulkheads, queues and retry budgets turned away; nothing without resilience counts. */
function sheddingCards(r: SimulationResult): string {
  if (!hasResilience(r)) return '';
  const shortCircuited = r.shortCircuited ?? 0;
  const rejected = r.rejected ?? 0;
  const openings = r.breakers?.length ?? 0;
  return (
    card('Short-circuited', formatCount(shortCircuited), `attempts failed by an open breaker · ${formatCount(openings)} ${openings === 1 ? 'opening' : 'openings'}`) +
    card('Rejected', formatCount(rejected), `by a full bulkhead or queue · ${formatCount(r.budgetExhausted ?? 0)} retries over budget`, rejected > 0 ? 'warn' : '')
  );
}

const PERCENTILES: Array<[keyof LatencySummary, string]> = [
  ['min', 'min'],
  ['p25', 'p25'],
  ['p50', 'p50'],
  ['p75', 'p75'],
  ['p90', 'p90'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
  ['max', 'max'],
  ['mean', 'mean'],
  ['sd', 'sd'],
];

export function percentilesHtml(latency: LatencySummary): string {
  const rows = PERCENTILES.map(([key, label]) => `<tr><th scope="row">${label}</th><td class="num">${formatMs(latency[key])}</td></tr>`).join('');
  return `<table class="data percentiles"><tbody>${rows}</tbody></table>`;
}

/** The resilience counts as columns (of the services table and the CSV files): the count, its heading, its CSV field. */
export const RESILIENCE_COLUMNS: Array<{ key: keyof ResilienceCounts; heading: string; field: string }> = [
  { key: 'shortCircuited', heading: 'Short-circuited', field: 'short_circuited' },
  { key: 'budgetExhausted', heading: 'Over budget', field: 'budget_exhausted' },
  { key: 'rejected', heading: 'Rejected', field: 'rejected' },
  { key: 'degraded', heading: 'Degraded', field: 'degraded' },
];

function resilienceCells(s: ServiceResult): string {
  return RESILIENCE_COLUMNS.map(({ key }) => {
    const n = s[key] ?? 0;
    return `<td class="num${n > 0 ? ' warn' : ''}">${formatCount(n)}</td>`;
  }).join('');
}

function serviceRow(s: ServiceResult, maxWaste: number, unit: DurationUnit, resilience: boolean): string {
  const utilization = s.utilization === null ? '<span class="muted">managed</span>' : shareBar(s.utilization, s.utilization >= 0.8 ? 'hot' : '');
  const waste =
    s.wastedWorkMs > 0
      ? `<span class="bar waste"><span class="bar-fill" style="width:${((s.wastedWorkMs / maxWaste) * 100).toFixed(1)}%"></span></span><span class="bar-value">${workOrNone(s.wastedWorkMs, unit)}</span>`
      : `<span class="muted">${workOrNone(0, unit)}</span>`;
  return (
    `<tr data-service="${escapeHtml(s.name)}">` +
    `<td class="name"><span class="kind kind-${s.kind}"></span>${escapeHtml(s.name)}</td>` +
    `<td class="num">${s.instances || '—'}</td>` +
    `<td class="num">${formatCount(s.requests)}</td>` +
    `<td class="share">${utilization}</td>` +
    `<td class="num">${formatMs(s.latencyMs.p99)}</td>` +
    `<td class="num${s.timeouts > 0 ? ' bad' : ''}">${formatCount(s.timeouts)}</td>` +
    `<td class="num${s.retries > 0 ? ' warn' : ''}">${formatCount(s.retries)}</td>` +
    `<td class="share">${waste}</td>` +
    (resilience ? resilienceCells(s) : '') +
    `</tr>`
  );
}

export function servicesHtml(r: SimulationResult): string {
  const maxWaste = Math.max(0, ...r.services.map((s) => s.wastedWorkMs));
  // One unit for the column, the largest amount's: never "247 min" over "30s".
  const unit = workUnit([maxWaste]);
  const resilience = hasResilience(r);
  const resilienceHeads = resilience ? RESILIENCE_COLUMNS.map(({ heading }) => `<th class="num">${heading}</th>`).join('') : '';
  return (
    `<table class="data services"><thead><tr><th>Component</th><th class="num" title="Across all its regions">Instances (total)</th><th class="num">Requests</th>` +
    `<th>Utilisation</th><th class="num">p99 service time (all attempts)</th><th class="num">Timeouts</th><th class="num">Retries</th><th>Wasted work</th>${resilienceHeads}</tr></thead>` +
    `<tbody>${r.services.map((s) => serviceRow(s, maxWaste, unit, resilience)).join('')}</tbody></table>` +
    // Server-side and over every attempt: retried failures make it exceed the summary's p99, which readers take for a contradiction unless told.
    `<p class="muted note">p99 service time: from reaching an instance (queueing included) to the end of its work, over every attempt it served, failed or given up on by its caller. ` +
    `The latency above is of successful requests as clients saw them, so a service's p99 can exceed it.</p>`
  );
}
