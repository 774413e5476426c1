// The compare view's timeline: the runs overlaid on one chart, each metric in its colour and
// each run in its own line style (as written solid, budgets fixed dashed), behind them the
// faults' windows the runs shared.
import uPlot from 'uplot';
import type { ChaosEvent, SimulationResult, TimelinePoint } from '@topo/simulator';
import type { CompareRun } from '@topo/language/protocol';
import { escapeHtml } from '../format.js';
import { PALETTE_VARIABLES, type ChartPalette } from '../theme.js';
import { chaosMarks, fromZero, loadedSeconds, SECOND_SERIES, timelineAxes, timelineHooks, wasteAxis, type ChaosMarks } from '../results/timeline-parts.js';

/** What the chart draws of each run, in this order, with the palette colour and scale of each. */
export const COMPARED_METRICS = [
  { key: 'throughputRps', label: 'succeeded/s', color: 'throughput', scale: 'rps' },
  { key: 'failed', label: 'failed/s', color: 'failed', scale: 'rps' },
  { key: 'wastedWorkMs', label: 'wasted work/s', color: 'waste', scale: 'waste' },
] as const satisfies ReadonlyArray<{ key: keyof TimelinePoint; label: string; color: keyof ChartPalette; scale: string }>;

/** Line dashes of the runs in order: the first solid, the second dashed, a third dotted. */
const DASHES: number[][] = [[], [7, 4], [2, 3]];

function dashOf(run: number): number[] {
  return DASHES[run % DASHES.length]!;
}

/**
 * The runs' timelines as uPlot's aligned columns: the seconds any run has, then for each
 * metric one column per run (null where a run has no such second, one stopped early).
 */
export function compareColumns(runs: readonly CompareRun[]): uPlot.AlignedData {
  const timelines = runs.map((run) => loadedSeconds(run.result));
  const seconds = [...new Set(timelines.flatMap((timeline) => timeline.map((p) => p.t)))].sort((a, b) => a - b);
  const byRun = timelines.map((timeline) => new Map(timeline.map((p) => [p.t, p])));
  const columns = COMPARED_METRICS.flatMap((metric) => byRun.map((points) => seconds.map((t) => points.get(t)?.[metric.key] ?? null)));
  return [seconds, ...columns];
}

/** The chaos the runs had, each event once (they share the scenario, so mostly the same events). */
export function sharedChaos(runs: readonly CompareRun[]): ChaosEvent[] {
  const byKey = new Map<string, ChaosEvent>();
  for (const e of runs.flatMap((run) => run.result.chaos)) byKey.set(`${e.kind} ${e.start} ${e.end} ${e.what}`, e);
  return [...byKey.values()];
}

/** uPlot's series for the columns of compareColumns (the view's key names them); the hidden runs' not shown. */
export function compareSeries(runs: readonly CompareRun[], palette: ChartPalette, hiddenRuns: ReadonlySet<number> = new Set()): uPlot.Series[] {
  return [
    SECOND_SERIES,
    ...COMPARED_METRICS.flatMap((metric) =>
      runs.map((_run, i): uPlot.Series => ({
        scale: metric.scale,
        stroke: palette[metric.color],
        width: 2,
        dash: dashOf(i),
        show: !hiddenRuns.has(i),
        points: { show: false },
      })),
    ),
  ];
}

/** The shared faults as the chart draws them. */
export function compareMarks(runs: readonly CompareRun[]): ChaosMarks {
  return chaosMarks(sharedChaos(runs));
}

function warmupOf(results: readonly SimulationResult[]): number {
  return Math.max(0, ...results.map((r) => r.warmupSeconds));
}

export function compareChart(target: HTMLElement, runs: readonly CompareRun[], palette: ChartPalette, width: number, hiddenRuns: ReadonlySet<number>): uPlot {
  const options: uPlot.Options = {
    width,
    height: 320,
    cursor: { drag: { x: false, y: false } },
    // Six series make a long legend: the view shows a key of colours and line styles instead.
    legend: { show: false },
    scales: { x: { time: false }, rps: fromZero(), waste: fromZero() },
    axes: timelineAxes(palette, { scale: 'rps', label: 'requests per second' }, wasteAxis()),
    series: compareSeries(runs, palette, hiddenRuns),
    hooks: timelineHooks(compareMarks(runs), warmupOf(runs.map((r) => r.result)), palette),
  };
  return new uPlot(options, compareColumns(runs), target);
}

/** The chart's key: each run's line style (a button that hides or shows the run), then each metric's colour. */
export function chartKeyHtml(runs: readonly CompareRun[], hiddenRuns: ReadonlySet<number> = new Set()): string {
  const lines = runs.map((run, i) => {
    const dash = dashOf(i);
    const dashed = dash.length > 0 ? ` stroke-dasharray="${dash.join(' ')}"` : '';
    const shown = !hiddenRuns.has(i);
    return (
      `<button type="button" class="key-item run-toggle" data-run="${i}" aria-pressed="${shown}" title="${shown ? 'Hide' : 'Show'} the run ${escapeHtml(run.label)}">` +
      `<svg width="28" height="8" aria-hidden="true"><line x1="1" y1="4" x2="27" y2="4" stroke-width="2"${dashed}/></svg>${escapeHtml(run.label)}</button>`
    );
  });
  const colours = COMPARED_METRICS.map((m) => `<span class="key-item"><span class="swatch" style="background: var(${PALETTE_VARIABLES[m.color]})"></span>${m.label}</span>`);
  return `<div class="chart-key">${lines.join('')}<span class="key-gap"></span>${colours.join('')}</div>`;
}
