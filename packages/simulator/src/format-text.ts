// The text report: the design's findings, an R-like summary of latency, the counts, a
// per-service table, the chaos that happened and a condensed timeline.
import { formatFindingsSummary } from '@topo/model';
import { recognisePattern } from './patterns.js';
import type { LatencySummary, SimulationResult } from './result.js';
import type { SweepResult } from './sweep.js';

/** Four significant digits, as R's summary() prints (1.219, 10.95, 453.3, 60.2); from 1,000 up, whole, with thousands separators. */
export function sig4(x: number | null): string {
  if (x === null) return 'NA';
  return Math.abs(x) >= 1e3 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(4)));
}

function table(rows: string[][], rightAligned: (col: number) => boolean): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (rightAligned(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd());
}

export function latencyTable(l: LatencySummary): string[] {
  return table(
    [
      ['Min.', '1st Qu.', 'Median', 'Mean', '3rd Qu.', 'Max.', 'p95', 'p99', 'sd'],
      [l.min, l.p25, l.p50, l.mean, l.p75, l.max, l.p95, l.p99, l.sd].map(sig4),
    ],
    () => true,
  ).map((line) => `  ${line}`);
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(2)}%`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Timeline rows merged so at most about `rows` are shown: summed counts, the worst p99. */
function condensedTimeline(r: SimulationResult, rows: number): string[] {
  const step = Math.max(1, Math.ceil(r.timeline.length / rows));
  // Autoscaled components: their instances at the end of each span.
  const scaled = Object.keys(r.timeline[0]?.instances ?? {});
  const out: string[][] = [['t (s)', 'ok/s', 'p99 (ms)', 'failed', 'attempts/s', 'wasted ms', ...scaled.map((n) => `${n} inst`)]];
  for (let i = 0; i < r.timeline.length; i += step) {
    const span = r.timeline.slice(i, i + step);
    const ok = span.reduce((n, p) => n + p.throughputRps, 0) / span.length;
    const p99s = span.flatMap((p) => (p.p99Ms === null ? [] : [p.p99Ms]));
    out.push([
      step === 1 ? String(i) : `${i}-${i + span.length}`,
      sig4(ok),
      p99s.length === 0 ? 'NA' : sig4(Math.max(...p99s)),
      count(span.reduce((n, p) => n + p.failed, 0)),
      sig4(span.reduce((n, p) => n + p.attempts, 0) / span.length),
      sig4(span.reduce((n, p) => n + p.wastedWorkMs, 0)),
      ...scaled.map((n) => String(span[span.length - 1]!.instances?.[n] ?? '')),
    ]);
  }
  return table(out, (c) => c > 0).map((line) => `  ${line}`);
}

/** Breaker spells listed in the text; the JSON has every one. */
const BREAKERS_SHOWN = 10;

/** The resilience options' counts, for the attempts line: only those the model has. */
function resilienceCounts(r: SimulationResult): string {
  const parts: [number | undefined, string][] = [
    [r.shortCircuited, 'short-circuited'],
    [r.budgetExhausted, 'retries over budget'],
    [r.rejected, 'rejected'],
  ];
  return parts.map(([n, what]) => (n ? `, ${count(n)} ${what}` : '')).join('');
}

export function formatText(r: SimulationResult): string {
  const lines: string[] = [];
  // The design's findings first: a result computed despite errors must say so before its numbers.
  if (r.findings) lines.push(`design: ${formatFindingsSummary(r.findings)}${r.findings.errors + r.findings.warnings > 0 ? ': simulated as written' : ''}`);
  lines.push(
    `${r.model}: scenario ${r.scenario}, seed ${r.seed}, ${sig4(r.simulatedSeconds)}s simulated` +
      (r.warmupSeconds > 0 ? ` (first ${sig4(r.warmupSeconds)}s warmup, not measured)` : '') +
      (r.stopped ? ' — STOPPED before the end' : ''),
  );
  lines.push('');
  lines.push(`Latency of succeeded requests (ms):`);
  lines.push(...latencyTable(r.latencyMs));
  lines.push('');
  lines.push(
    `Requests   ${count(r.requests)}: ${count(r.succeeded)} succeeded (${pct(r.succeeded, r.requests)}), ` +
      (r.degraded === undefined ? '' : `${count(r.degraded)} degraded (${pct(r.degraded, r.requests)}), `) +
      `${count(r.failed)} failed` +
      (r.unfinished > 0 ? ` (${count(r.unfinished)} unfinished)` : '') +
      `; throughput ${sig4(r.throughputRps)} rps`,
  );
  lines.push(
    `Attempts   ${count(r.attempts)}: ${count(r.retries)} retries, ${count(r.timeouts)} timeouts, ${count(r.clientTimeouts)} client timeouts` +
      (r.injectedFailures > 0 ? `, ${count(r.injectedFailures)} injected failures` : '') +
      (r.hopLimited > 0 ? `, ${count(r.hopLimited)} over the hop limit` : '') +
      resilienceCounts(r) +
      `; wasted work ${sig4(r.wastedWorkMs)} ms`,
  );
  lines.push('');
  const rows: string[][] = [['service', 'kind', 'inst', 'requests', 'util', 'p50 ms', 'p99 ms', 'timeouts', 'retries', 'wasted ms']];
  for (const s of r.services) {
    rows.push([
      s.name,
      s.kind,
      String(s.instances),
      count(s.requests),
      s.utilization === null ? '-' : `${(100 * s.utilization).toFixed(1)}%`,
      sig4(s.latencyMs.p50),
      sig4(s.latencyMs.p99),
      count(s.timeouts),
      count(s.retries),
      sig4(s.wastedWorkMs),
    ]);
  }
  lines.push(...table(rows, (c) => c >= 2));
  if (r.chaos.length > 0) {
    lines.push('');
    lines.push('Chaos:');
    for (const c of r.chaos) lines.push(`  ${sig4(c.start)}s${c.end > c.start ? `–${sig4(c.end)}s` : ''}  ${c.what}`);
  }
  if (r.breakers !== undefined && r.breakers.length > 0) {
    lines.push('');
    lines.push(`Breakers: ${count(r.breakers.length)} opened`);
    for (const b of r.breakers.slice(0, BREAKERS_SHOWN)) lines.push(`  ${sig4(b.start)}s–${sig4(b.end)}s  ${b.what} (${count(b.trials)} trial${b.trials === 1 ? '' : 's'} failed)`);
    if (r.breakers.length > BREAKERS_SHOWN) lines.push(`  … and ${count(r.breakers.length - BREAKERS_SHOWN)} more (--format json lists them all)`);
  }
  lines.push('');
  lines.push('Timeline:');
  lines.push(...condensedTimeline(r, 12));
  const pattern = recognisePattern({ run: r });
  if (pattern) lines.push(`Pattern: ${pattern.sentence}`);
  lines.push('');
  lines.push(`${count(r.events)} events in ${count(r.wallMs)} ms of wall time`);
  return lines.join('\n') + '\n';
}

export function formatSweep(s: SweepResult): string {
  const users = s.over === 'users';
  const rows: string[][] = [[...(users ? ['users', 'offered rps'] : ['rate rps']), 'throughput', 'p50 ms', 'p99 ms', 'failed', 'concurrency']];
  for (const p of s.points) {
    rows.push([...(users ? [sig4(p.users ?? 0)] : []), sig4(p.rps), sig4(p.throughputRps), sig4(p.p50Ms), sig4(p.p99Ms), pct(p.failed, p.requests), sig4(p.concurrency)]);
  }
  const lines = [`${users ? 'Users' : 'Rate'} sweep of scenario ${s.scenario}, seed ${s.seed}:`, ...table(rows, () => true).map((l) => `  ${l}`), ''];
  if (s.usl) {
    const u = s.usl;
    lines.push(
      `Universal Scalability Law: σ = ${sig4(u.sigma)} (contention), κ = ${sig4(u.kappa)} (coherency), γ = ${sig4(u.gamma)} rps per request in flight, R² = ${sig4(u.r2)}`,
    );
    lines.push(u.peakConcurrency === null ? '  no peak: throughput keeps growing with concurrency' : `  throughput peaks at about ${sig4(u.peakConcurrency)} requests in flight`);
  } else {
    lines.push('Universal Scalability Law: the fit did not converge (too few points, or σ or κ came out negative)');
  }
  const pattern = recognisePattern({ sweep: s });
  if (pattern) lines.push(`Pattern: ${pattern.sentence}`);
  return lines.join('\n') + '\n';
}
