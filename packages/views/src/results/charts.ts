// The charts of a run, drawn with uPlot on canvas: throughput, degraded answers (with
// fallbacks), failures and p99 per second with the warmup, each fault's window and the
// breakers' open spells shaded (instantaneous chaos events marked),
// attempts and wasted work per second under the same faults, and the latency histogram.
import uPlot from 'uplot';
import type { SimulationResult } from '@topo/simulator';
import { formatMs, formatPercent } from '../format.js';
import { withAlpha, type ChartPalette } from '../theme.js';
import { latencyBars, type LatencyBar } from './histogram.js';
import { hasDegraded } from './tables.js';
import type { Box } from './label-layout.js';
import { axis, drawMarkers, durationTicks, fromZero, loadedSeconds, runMarks, SECOND_SERIES, timelineAxes, timelineHooks, wasteAxis, type Marker } from './timeline-parts.js';

/** The timeline under load as uPlot's aligned columns: seconds, throughput, degraded per second (when a fallback answered any), failed per second, p99. */
export function timelineColumns(result: SimulationResult): uPlot.AlignedData {
  const t = loadedSeconds(result);
  const degraded = hasDegraded(result) ? [t.map((p) => p.degraded ?? 0)] : [];
  return [t.map((p) => p.t), t.map((p) => p.throughputRps), ...degraded, t.map((p) => p.failed), t.map((p) => p.p99Ms)];
}

/** Attempts and wasted work as uPlot's aligned columns: seconds, attempts sent, wasted work finished (ms). */
export function workColumns(result: SimulationResult): uPlot.AlignedData {
  const t = loadedSeconds(result);
  return [t.map((p) => p.t), t.map((p) => p.attempts), t.map((p) => p.wastedWorkMs)];
}

/** The histogram as a step line: each bar's left edge and height, and the last bar's right edge. */
export function histogramColumns(bars: LatencyBar[]): uPlot.AlignedData {
  if (bars.length === 0) return [[], []];
  return [[...bars.map((b) => b.fromMs), bars.at(-1)!.toMs], [...bars.map((b) => b.sharePerDecade), bars.at(-1)!.sharePerDecade]];
}

export function timelineChart(target: HTMLElement, result: SimulationResult, palette: ChartPalette, width: number): uPlot {
  const options: uPlot.Options = {
    width,
    height: 260,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, rps: fromZero(), ms: fromZero() },
    axes: timelineAxes(palette, { scale: 'rps', label: 'requests per second' }, { scale: 'ms', label: 'p99 latency', grid: { show: false }, values: durationTicks }),
    series: [
      SECOND_SERIES,
      { label: 'succeeded/s', scale: 'rps', stroke: palette.throughput, width: 2, fill: withAlpha(palette.throughput, 0.12), points: { show: false } },
      ...(hasDegraded(result) ? [{ label: 'degraded/s', scale: 'rps', stroke: palette.degraded, width: 2, points: { show: false } }] : []),
      { label: 'failed/s', scale: 'rps', stroke: palette.failed, width: 1.5, points: { show: false } },
      { label: 'p99', scale: 'ms', stroke: palette.latency, width: 2, points: { show: false }, value: (_u, v) => formatMs(v) },
    ],
    hooks: timelineHooks(runMarks(result), result.warmupSeconds, palette),
  };
  return new uPlot(options, timelineColumns(result), target);
}

/** Attempts sent and wasted work finished per second, under the same faults: the storm as it happens. */
export function workChart(target: HTMLElement, result: SimulationResult, palette: ChartPalette, width: number): uPlot {
  const options: uPlot.Options = {
    width,
    height: 200,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, attempts: fromZero(), waste: fromZero() },
    axes: timelineAxes(palette, { scale: 'attempts', label: 'call attempts per second' }, wasteAxis()),
    series: [
      SECOND_SERIES,
      { label: 'call attempts/s', scale: 'attempts', stroke: palette.attempts, width: 2, points: { show: false } },
      { label: 'wasted work/s', scale: 'waste', stroke: palette.waste, width: 2, fill: withAlpha(palette.waste, 0.15), points: { show: false }, value: (_u, v) => formatMs(v) },
    ],
    hooks: timelineHooks(runMarks(result), result.warmupSeconds, palette),
  };
  return new uPlot(options, workColumns(result), target);
}

/** Each bar's share written above it, where the bar is wide enough to hold it; returns where the labels went. */
function drawShares(u: uPlot, bars: LatencyBar[], color: string, font: string): Box[] {
  const { ctx } = u;
  const ratio = devicePixelRatio || 1;
  const boxes: Box[] = [];
  ctx.save();
  ctx.fillStyle = color;
  ctx.font = `${11 * ratio}px ${font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (const bar of bars) {
    const x0 = u.valToPos(bar.fromMs, 'x', true);
    const x1 = u.valToPos(bar.toMs, 'x', true);
    if (bar.share === 0) continue;
    const label = formatPercent(bar.share);
    const width = ctx.measureText(label).width;
    if (x1 - x0 < width + 4 * ratio) continue;
    const bottom = u.valToPos(bar.sharePerDecade, 'y', true) - 3 * ratio;
    ctx.fillText(label, (x0 + x1) / 2, bottom);
    boxes.push({ x: (x0 + x1 - width) / 2, y: bottom - 12 * ratio, width, height: 12 * ratio });
  }
  ctx.restore();
  return boxes;
}

export function histogramChart(target: HTMLElement, result: SimulationResult, palette: ChartPalette, width: number): uPlot | undefined {
  const bars = latencyBars(result.latencyHistogram);
  if (bars.length === 0) return undefined;
  const l = result.latencyMs;
  const markers: Marker[] = [
    { x: l.p50!, label: `p50 ${formatMs(l.p50)}` },
    { x: l.p99!, label: `p99 ${formatMs(l.p99)}` },
  ];
  const options: uPlot.Options = {
    width,
    height: 220,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, distr: 3, log: 10 }, y: { range: (_u, _min, max) => [0, max * 1.4] } },
    axes: [
      axis(palette, { label: 'latency (log scale)', values: (_u, ticks) => ticks.map((v) => (v === null ? '' : formatMs(v))) }),
      // A bar's height is a density (share per tenfold of latency): its area, not its height, counts.
      axis(palette, { label: 'share of requests', size: 40, values: (_u, ticks) => ticks.map(() => '') }),
    ],
    series: [
      {},
      { stroke: palette.bars, width: 1.5, fill: withAlpha(palette.bars, 0.35), paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } },
    ],
    hooks: {
      draw: [
        (u) => {
          drawMarkers(u, markers, palette.muted, palette, drawShares(u, bars, palette.text, palette.font));
        },
      ],
    },
  };
  return new uPlot(options, histogramColumns(bars), target);
}
