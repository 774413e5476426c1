// `topo diff` as a person reads it: text for a terminal, or markdown for a pull request's
// comment (a summary line, then tables; nothing that needs a browser). Both open with the
// same summary line.
import { formatKgCO2e } from '@topo/carbon';
import { plural, type CallIdentity, type Changes, type ComponentRef, type PropertyChange } from '@topo/model';
import { FORMATS as COMPARISON_FORMATS } from '../format-comparison.js';
import { changeLike, signed } from '../format-numbers.js';
import type { DiffFinding, DiffReport, SimulationDiff } from './report.js';

type Row = SimulationDiff['rows'][number];
type Change = 'added' | 'removed' | 'changed';

/** `2 components changed, 1 added; 1 call added; 1 finding introduced (1 error), 2 resolved; carbon per month +12.3 kgCO2e (+10.2%)`. */
export function summaryLine(r: DiffReport): string {
  const model = [counted('component', r.components), counted('call', r.calls)].filter((s) => s !== '').join('; ');
  const { introduced, resolved } = r.findings;
  const errors = introduced.filter((f) => f.severity === 'error').length;
  const findings = [
    ...(introduced.length ? [`${plural(introduced.length, 'finding')} introduced${errors ? ` (${plural(errors, 'error')})` : ''}`] : []),
    ...(resolved.length ? [`${introduced.length ? resolved.length : plural(resolved.length, 'finding')} resolved`] : []),
  ].join(', ');
  const parts = [model || 'no component or call changed', findings || 'no finding introduced or resolved', `carbon per month ${carbonChange(r.carbon.total.delta, r.carbon.total.before)}`];
  if (r.simulation) {
    const headline = r.simulation.rows.filter((row) => row.id === 'succeeded' || row.id === 'p99');
    parts.push(`${r.simulation.scenario}: ${headline.map((row) => `${row.label} ${value(row, row.before)} → ${value(row, row.after)}${row.unit === '%' ? '' : ` ${row.unit}`}`).join(', ')}`);
  }
  return parts.join('; ');
}

export function formatText(r: DiffReport): string {
  const out = [`topo diff ${r.old} → ${r.new}`, summaryLine(r)];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', title, ...lines.map((l) => `  ${l}`));
  };
  const marks: Record<Change, string> = { added: '+', removed: '-', changed: '~' };
  const listed = (rows: [Change, string, string][]) => rows.map(([change, name, what]) => `${marks[change]} ${name}${what ? `: ${what}` : ''}`);
  section('components', listed(changeRows(r.components, componentName)));
  section('calls', listed(changeRows(r.calls, callName)));
  section('findings introduced', r.findings.introduced.map(findingText));
  section('findings resolved', r.findings.resolved.map(findingText));
  section('carbon per month', columns(carbonRows(r).map(([name, before, after, change]) => [name, before, '→', after, change])));
  if (r.simulation) section(`simulation of ${r.simulation.scenario}, seed ${r.simulation.seed}`, columns(simulationRows(r.simulation).map(([name, before, after, change]) => [name, before, '→', after, change])));
  return out.join('\n') + '\n';
}

export function formatMarkdown(r: DiffReport): string {
  const out = [`**topo diff** \`${r.old}\` → \`${r.new}\`: ${escape(summaryLine(r))}`];
  const table = (title: string, header: string[], rows: string[][]) => {
    if (rows.length === 0) return;
    out.push('', `#### ${title}`, '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((cells) => `| ${cells.map(escape).join(' | ')} |`));
  };
  table('Components', ['', 'component', 'what changed'], changeRows(r.components, componentName));
  table('Calls', ['', 'call', 'what changed'], changeRows(r.calls, callName));
  table('Findings', ['', 'severity', 'rule', 'on', 'message', 'where'], [
    ...r.findings.introduced.map((f) => ['introduced', f.severity, f.code, f.element, f.message, `${f.file}:${f.line}`]),
    ...r.findings.resolved.map((f) => ['resolved', f.severity, f.code, f.element, f.message, `${f.file}:${f.line}`]),
  ]);
  table('Carbon per month', ['', 'before', 'after', 'change'], carbonRows(r));
  if (r.simulation) table(`Simulation of ${r.simulation.scenario}, seed ${r.simulation.seed}`, ['', 'before', 'after', 'change'], simulationRows(r.simulation));
  return out.join('\n') + '\n';
}

const componentName = (ref: ComponentRef) => `${ref.kind} ${ref.name}`;
const callName = (ref: CallIdentity) => ref.key;

/** `2 components changed, 1 added`; empty when nothing was. */
function counted(what: string, c: Changes<unknown>): string {
  const parts = ([['changed', c.changed], ['added', c.added], ['removed', c.removed]] as const).filter(([, list]) => list.length > 0);
  return parts.map(([verb, list], i) => `${i === 0 ? plural(list.length, what) : list.length} ${verb}`).join(', ');
}

/** [change, name, what changed]. */
function changeRows<Ref>(c: Changes<Ref>, name: (ref: Ref) => string): [Change, string, string][] {
  return [
    ...c.added.map((ref): [Change, string, string] => ['added', name(ref), '']),
    ...c.removed.map((ref): [Change, string, string] => ['removed', name(ref), '']),
    ...c.changed.map((ref): [Change, string, string] => ['changed', name(ref), ref.changes.map(propertyChange).join(', ')]),
  ];
}

function propertyChange(c: PropertyChange): string {
  return `${c.property} ${c.before} → ${c.after}`;
}

function findingText(f: DiffFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} on ${f.element}: ${f.message}`;
}

/** [name, before, after, change]: the total, then each component that changed. */
function carbonRows(r: DiffReport): string[][] {
  const { total } = r.carbon;
  return [['total', kg(total.before), kg(total.after), carbonChange(total.delta, total.before)], ...r.carbon.components.map((c) => [c.name, kg(c.before), kg(c.after), carbonChange(c.delta)])];
}

/** [measure, before, after, change]. */
function simulationRows(s: SimulationDiff): string[][] {
  return s.rows.map((row) => [`${row.label} (${row.unit})`, value(row, row.before), value(row, row.after), delta(row)]);
}

/** `+12.3 kgCO2e (+10.2%)`, `-1.5 kgCO2e`, `unchanged`. */
function carbonChange(delta: number, before?: number): string {
  if (delta === 0) return 'unchanged';
  const percent = before ? ` (${signed((100 * delta) / before, (p) => `${p.toFixed(1)}%`)})` : '';
  return `${signed(delta, formatKgCO2e)}${percent}`;
}

/** A component absent from a version has none: 0, not `0.0 gCO2e`. */
function kg(n: number): string {
  return n === 0 ? '0' : formatKgCO2e(n);
}

function value(row: Row, v: number | null): string {
  return v === null ? '-' : COMPARISON_FORMATS[row.unit](v);
}

/** The change in the row's unit, no more precise than its values; for a percentage, in points. */
function delta(row: Row): string {
  if (row.delta === null) return '-';
  if (row.delta === 0) return '0';
  return signed(row.delta, (size) => (row.unit === '%' ? `${size.toFixed(1)} points` : changeLike(size, value(row, row.before), value(row, row.after))));
}

/** Cells padded to their column's widest; the first column left-aligned, the rest right. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c]!.length))) ?? [];
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

/** A markdown table cell: `|` would end it and a newline the row. */
function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
