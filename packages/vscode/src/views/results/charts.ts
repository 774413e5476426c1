// The charts of a run, drawn with uPlot on canvas: throughput, failures and p99 per second
// with the warmup shaded and the chaos events marked, and the latency histogram.
import uPlot from 'uplot';
import type { SimulationResult } from '@topo/simulator';
import { formatMs, formatPercent } from '../format.js';
import { withAlpha, type ChartPalette } from '../theme.js';
import { latencyBars, type LatencyBar } from './histogram.js';

/** A vertical line across the plot with a label at its top. */
export interface Marker {
  x: number;
  label: string;
}

/** The timeline as uPlot's aligned columns: seconds, throughput, failed per second, p99. */
export function timelineColumns(result: SimulationResult): uPlot.AlignedData {
  const t = result.timeline;
  return [t.map((p) => p.t), t.map((p) => p.throughputRps), t.map((p) => p.failed), t.map((p) => p.p99Ms)];
}

/** One marker per chaos event; events at the same second share one, their labels joined. */
export function chaosMarkers(result: SimulationResult): Marker[] {
  const byTime = new Map<number, string[]>();
  for (const e of result.chaos) byTime.set(e.t, [...(byTime.get(e.t) ?? []), e.what]);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([x, labels]) => ({ x, label: labels.join('; ') }));
}

/** The histogram as a step line: each bar's left edge and height, and the last bar's right edge. */
export function histogramColumns(bars: LatencyBar[]): uPlot.AlignedData {
  if (bars.length === 0) return [[], []];
  return [[...bars.map((b) => b.fromMs), bars.at(-1)!.toMs], [...bars.map((b) => b.sharePerDecade), bars.at(-1)!.sharePerDecade]];
}

function axis(palette: ChartPalette, extra: uPlot.Axis): uPlot.Axis {
  return {
    stroke: palette.muted,
    grid: { stroke: withAlpha(palette.grid, 0.6), width: 1 },
    ticks: { stroke: withAlpha(palette.grid, 0.6), width: 1 },
    font: `11px ${palette.font}`,
    labelFont: `11px ${palette.font}`,
    ...extra,
  };
}

/** Draws the markers over the plot: dashed lines, labels staggered so they do not overlap. */
function drawMarkers(u: uPlot, markers: Marker[], color: string, font: string): void {
  const { ctx } = u;
  const { top, height, left, width } = u.bbox;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5 * ratio;
  ctx.setLineDash([5 * ratio, 4 * ratio]);
  ctx.font = `${11 * ratio}px ${font}`;
  ctx.textBaseline = 'top';
  markers.forEach((m, i) => {
    const x = Math.round(u.valToPos(m.x, 'x', true));
    if (x < left || x > left + width) return;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    const text = m.label;
    const textWidth = ctx.measureText(text).width;
    // Right of the line, or left of it near the right edge; inside the plot either way.
    const right = x + 4 * ratio;
    const tx = Math.max(left + 2 * ratio, right + textWidth > left + width ? x - 4 * ratio - textWidth : right);
    ctx.fillText(text, tx, top + (4 + (i % 3) * 14) * ratio);
  });
  ctx.restore();
}

function shade(u: uPlot, from: number, to: number, color: string, label: string, font: string): void {
  const { ctx } = u;
  const { top, height } = u.bbox;
  const x0 = u.valToPos(from, 'x', true);
  const x1 = u.valToPos(to, 'x', true);
  if (x1 <= x0) return;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.fillStyle = color;
  ctx.fillRect(x0, top, x1 - x0, height);
  ctx.restore();
  ctx.save();
  ctx.font = `${11 * ratio}px ${font}`;
  ctx.fillStyle = withAlpha(color, 1);
  ctx.textBaseline = 'bottom';
  ctx.fillText(label, x0 + 4 * ratio, top + height - 4 * ratio);
  ctx.restore();
}

export function timelineChart(target: HTMLElement, result: SimulationResult, palette: ChartPalette, width: number): uPlot {
  const markers = chaosMarkers(result);
  const options: uPlot.Options = {
    width,
    height: 260,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, rps: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] }, ms: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [
      axis(palette, { label: 'simulated time (s)' }),
      axis(palette, { scale: 'rps', label: 'requests per second', size: 60 }),
      axis(palette, { scale: 'ms', side: 1, label: 'p99 latency', grid: { show: false }, size: 60, values: (_u, ticks) => ticks.map((v) => formatMs(v)) }),
    ],
    series: [
      { label: 'second', value: (_u, v) => (v === null ? '—' : `${v}s`) },
      { label: 'succeeded/s', scale: 'rps', stroke: palette.throughput, width: 2, fill: withAlpha(palette.throughput, 0.12), points: { show: false } },
      { label: 'failed/s', scale: 'rps', stroke: palette.failed, width: 1.5, points: { show: false } },
      { label: 'p99', scale: 'ms', stroke: palette.latency, width: 2, points: { show: false }, value: (_u, v) => formatMs(v) },
    ],
    hooks: {
      draw: [
        (u) => {
          if (result.warmupSeconds > 0) shade(u, 0, result.warmupSeconds, withAlpha(palette.shade, 0.18), 'warmup', palette.font);
          drawMarkers(u, markers, palette.chaos, palette.font);
        },
      ],
    },
  };
  return new uPlot(options, timelineColumns(result), target);
}

/** Each bar's share written above it, where the bar is wide enough to hold it. */
function drawShares(u: uPlot, bars: LatencyBar[], color: string, font: string): void {
  const { ctx } = u;
  const ratio = devicePixelRatio || 1;
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
    if (x1 - x0 < ctx.measureText(label).width + 4 * ratio) continue;
    ctx.fillText(label, (x0 + x1) / 2, u.valToPos(bar.sharePerDecade, 'y', true) - 3 * ratio);
  }
  ctx.restore();
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
          drawShares(u, bars, palette.text, palette.font);
          drawMarkers(u, markers, palette.muted, palette.font);
        },
      ],
    },
  };
  return new uPlot(options, histogramColumns(bars), target);
}
