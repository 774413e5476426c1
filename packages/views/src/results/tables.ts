// The parts of the results view that are plain HTML: the summary figures, the percentile
// table and the per-service table with utilisation and wasted work as bars.
import type { LatencySummary, ServiceResult, SimulationResult } from '@topo/simulator';
import { escapeHtml, formatCount, formatMs, formatPercent, formatRate, formatWork } from '../format.js';
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
    card('Failed', formatCount(r.failed), `${formatPercent(failedShare)} · ${formatCount(r.clientTimeouts)} at the deadline`, r.failed > 0 ? 'bad' : '') +
    card('Throughput', formatRate(r.throughputRps)) +
    card('Latency p50', formatMs(r.latencyMs.p50), `mean ${formatMs(r.latencyMs.mean)}`) +
    card('Latency p99', formatMs(r.latencyMs.p99), `max ${formatMs(r.latencyMs.max)}`) +
    card('Retries', formatCount(r.retries), `${formatCount(r.timeouts)} timeouts in ${formatCount(r.attempts)} attempts`, r.retries > 0 ? 'warn' : '') +
    card('Wasted work', formatWork(r.wastedWorkMs), 'done for callers that had given up', r.wastedWorkMs > 0 ? 'warn' : '') +
    `</div>`
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

function serviceRow(s: ServiceResult, maxWaste: number): string {
  const utilization = s.utilization === null ? '<span class="muted">managed</span>' : shareBar(s.utilization, s.utilization >= 0.8 ? 'hot' : '');
  const waste = s.wastedWorkMs > 0 ? `<span class="bar waste"><span class="bar-fill" style="width:${((s.wastedWorkMs / maxWaste) * 100).toFixed(1)}%"></span></span><span class="bar-value">${formatWork(s.wastedWorkMs)}</span>` : '<span class="muted">none</span>';
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
    `</tr>`
  );
}

export function servicesHtml(r: SimulationResult): string {
  const maxWaste = Math.max(0, ...r.services.map((s) => s.wastedWorkMs));
  return (
    `<table class="data services"><thead><tr><th>Component</th><th class="num">Instances</th><th class="num">Requests</th>` +
    `<th>Utilisation</th><th class="num">p99</th><th class="num">Timeouts</th><th class="num">Retries</th><th>Wasted work</th></tr></thead>` +
    `<tbody>${r.services.map((s) => serviceRow(s, maxWaste)).join('')}</tbody></table>`
  );
}
