// A run as files: the whole result as JSON, two CSV tables (one row per service, one per
// simulated second) for a spreadsheet, and its traces as Zipkin v2 or OTLP/JSON. RFC 4180: comma-separated, CRLF line ends,
// fields quoted when they hold a comma, a quote or a line break.
import type { SimulationResult } from '@topo/simulator';
import { toOtlp, toZipkin, type Span } from '@topo/simulator/trace';
import type { ExportFormat } from '../messages.js';
import { hasResilience, RESILIENCE_COLUMNS } from './tables.js';

type Cell = string | number | null | undefined;

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The resilience counts' columns, present when the run has them. */
function resilienceFields(result: SimulationResult): typeof RESILIENCE_COLUMNS {
  return hasResilience(result) ? RESILIENCE_COLUMNS : [];
}

export function servicesCsv(result: SimulationResult): string {
  const resilience = resilienceFields(result);
  return toCsv(
    ['name', 'kind', 'instances', 'requests', 'utilization', 'p50_ms', 'p99_ms', 'max_ms', 'timeouts', 'retries', 'wasted_work_ms', ...resilience.map(({ field }) => field)],
    result.services.map((s) => [
      s.name,
      s.kind,
      s.instances,
      s.requests,
      s.utilization,
      s.latencyMs.p50,
      s.latencyMs.p99,
      s.latencyMs.max,
      s.timeouts,
      s.retries,
      s.wastedWorkMs,
      ...resilience.map(({ key }) => s[key] ?? 0),
    ]),
  );
}

export function timelineCsv(result: SimulationResult): string {
  const resilience = resilienceFields(result);
  return toCsv(
    ['second', 'throughput_rps', 'p99_ms', 'failed', 'arrivals', 'in_flight', 'attempts', 'wasted_work_ms', ...resilience.map(({ field }) => field)],
    result.timeline.map((p) => [p.t, p.throughputRps, p.p99Ms, p.failed, p.arrivals, p.inFlight, p.attempts, p.wastedWorkMs, ...resilience.map(({ key }) => p[key] ?? 0)]),
  );
}

/** The file a format makes, named after the model and the scenario (traces need the spans). */
export function exportFile(result: SimulationResult, format: ExportFormat, spans: readonly Span[] = []): { fileName: string; text: string } {
  const base = `${result.model}-${result.scenario}`;
  switch (format) {
    case 'zipkin':
      return { fileName: `${base}-zipkin.json`, text: JSON.stringify(toZipkin(spans)) + '\n' };
    case 'otlp':
      return { fileName: `${base}-otlp.json`, text: JSON.stringify(toOtlp(spans)) + '\n' };
    case 'json':
      return { fileName: `${base}.json`, text: JSON.stringify(result, null, 2) + '\n' };
    case 'csv-services':
      return { fileName: `${base}-services.csv`, text: servicesCsv(result) };
    case 'csv-timeline':
      return { fileName: `${base}-timeline.csv`, text: timelineCsv(result) };
  }
}
