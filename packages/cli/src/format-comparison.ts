// The what-if table as text: one column per run, the architecture's rows, then each
// component's. The numbers come from the language's comparisonTable, as the editor's view.
import type { ComparisonRow, ComparisonTable, ComparisonUnit } from '@topo/language';
import { sig4 } from '@topo/simulator';

export const FORMATS: Record<ComparisonUnit, (n: number) => string> = {
  '%': (n) => `${n.toFixed(1)}%`,
  rps: sig4,
  ms: sig4,
  count: (n) => n.toLocaleString('en-US'),
  'per request': (n) => n.toFixed(2),
  'kWh/month': (n) => n.toPrecision(3),
  'kgCO2e/month': (n) => n.toPrecision(3),
};

function cells(row: ComparisonRow, indent: string): string[] {
  return [`${indent}${row.label} (${row.unit})`, ...row.values.map((v) => (v === null ? '-' : FORMATS[row.unit](v)))];
}

export function formatComparison(t: ComparisonTable): string {
  const rows: string[][] = [['', ...t.runs], ...t.rows.map((r) => cells(r, ''))];
  for (const s of t.services) rows.push([s.name, ...t.runs.map(() => '')], ...s.rows.map((r) => cells(r, '  ')));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
  return [`scenario ${t.scenario}, seed ${t.seed}:`, ...lines].join('\n') + '\n';
}
