// The comparison table as HTML: one column per run and, for two runs, how the second
// differs from the first, marked better or worse; then the components side by side.
import { formatKgCO2e } from '@topo/carbon';
import { escapeHtml, formatCount, formatDurations, formatPercent, formatRate, formatWork, significant } from '../format.js';
import type { ComparisonTable } from '../messages.js';

type Row = ComparisonTable['rows'][number];
type Unit = Row['unit'];

/** Rows where a larger value is the better outcome; for every other row less is better. */
const MORE_IS_BETTER = new Set(['succeeded', 'goodput']);

/** The rows of each component the per-component table shows, in this order (the totals' table has the rest). */
export const COMPONENT_ROWS = ['requests', 'retries', 'wastedWork', 'wastedCarbon'] as const;

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case '%':
      return formatPercent(value / 100);
    case 'rps':
      return formatRate(value);
    case 'ms':
      return formatWork(value);
    case 'count':
      return formatCount(value);
    case 'per request':
      return significant(value);
    case 'kWh/month':
      return `${significant(value)} kWh`;
    case 'kgCO2e/month':
      // formatKgCO2e writes nothing as "0.0 gCO2e": a saving to none reads better plain.
      return value === 0 ? '0 kgCO2e' : formatKgCO2e(value);
  }
}

/**
 * Values read together (a row across runs, a column down the components) as text: durations
 * in one unit, the largest's (never "247 min" beside "0ms"), the rest each as formatValue.
 */
export function formatValues(values: ReadonlyArray<number | null>, unit: Unit): string[] {
  if (unit !== 'ms') return values.map((v) => formatValue(v, unit));
  return formatDurations(values, true).map((text) => text || '—');
}

/** A row's label with the period of its unit: the monthly rows say so. */
export function rowLabel(row: Row): string {
  return row.unit.endsWith('/month') ? `${row.label} per month` : row.label;
}

export interface Change {
  text: string;
  /** Whether the second run is better, worse or the same as the first by this row. */
  verdict: 'better' | 'worse' | 'same' | 'unknown';
}

/**
 * How `after` differs from `before`: shares in percentage points (a relative change of a
 * percentage reads wrong), everything else relative to `before`.
 */
export function change(row: Row, before: number | null, after: number | null): Change {
  if (before === null || after === null) return { text: '—', verdict: 'unknown' };
  if (before === after) return { text: 'same', verdict: 'same' };
  const better = after > before === MORE_IS_BETTER.has(row.id) ? 'better' : 'worse';
  const sign = after > before ? '+' : '−';
  if (row.unit === '%') return { text: `${sign}${significant(Math.abs(after - before))} pts`, verdict: better };
  if (before === 0) return { text: 'from none', verdict: better };
  return { text: `${sign}${formatPercent(Math.abs(after - before) / Math.abs(before))}`, verdict: better };
}

function headerCells(table: ComparisonTable): string {
  return table.runs.map((label) => `<th class="num">${escapeHtml(label)}</th>`).join('');
}

function changeCell(row: Row): string {
  if (row.values.length !== 2) return '';
  const c = change(row, row.values[0]!, row.values[1]!);
  return `<td class="num change ${c.verdict}">${c.text}</td>`;
}

/** The whole architecture's rows. */
export function comparisonHtml(table: ComparisonTable): string {
  const pair = table.runs.length === 2;
  const rows = table.rows
    .map((row) => `<tr data-row="${escapeHtml(row.id)}"><th scope="row">${escapeHtml(rowLabel(row))}</th>${formatValues(row.values, row.unit).map((v) => `<td class="num">${v}</td>`).join('')}${changeCell(row)}</tr>`)
    .join('');
  return `<table class="data comparison"><thead><tr><th></th>${headerCells(table)}${pair ? '<th class="num">change</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Per component: the chosen rows, each with one column per run. */
export function componentsHtml(table: ComparisonTable): string {
  const pick = (rows: Row[]) => COMPONENT_ROWS.flatMap((id) => rows.filter((r) => r.id === id));
  const heads = pick(table.services[0]?.rows ?? []);
  const groups = heads.map((row) => `<th class="num group" colspan="${table.runs.length}">${escapeHtml(rowLabel(row))}</th>`).join('');
  const runs = heads.map(() => table.runs.map((label, i) => `<th class="num run-${i}">${escapeHtml(label)}</th>`).join('')).join('');
  // Each column in one unit: a row's values of every component, formatted together.
  const texts = new Map<string, string[][]>();
  for (const head of heads) {
    const rows = table.services.map((service) => service.rows.find((r) => r.id === head.id));
    const flat = formatValues(rows.flatMap((row) => row?.values ?? []), head.unit);
    let at = 0;
    texts.set(head.id, rows.map((row) => flat.slice(at, (at += row?.values.length ?? 0))));
  }
  const body = table.services
    .map((service, s) => {
      const cells = pick(service.rows)
        .map((row) => (texts.get(row.id)?.[s] ?? []).map((text, i) => `<td class="num run-${i}">${text}</td>`).join(''))
        .join('');
      return `<tr data-component="${escapeHtml(service.name)}"><td class="name">${escapeHtml(service.name)}</td>${cells}</tr>`;
    })
    .join('');
  return `<table class="data components"><thead><tr><th rowspan="2">Component</th>${groups}</tr><tr>${runs}</tr></thead><tbody>${body}</tbody></table>`;
}
