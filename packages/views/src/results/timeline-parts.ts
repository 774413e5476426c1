// The pieces every timeline chart is built of (the results view's and the compare view's):
// the axes and scales, and what is drawn behind and over the series: the warmup, each
// fault's window shaded and labelled, the breakers' open spells banded by target, the
// instantaneous chaos events as dashed lines.
import type uPlot from 'uplot';
import type { BreakerEvent, ChaosEvent, SimulationResult, TimelinePoint } from '@topo/simulator';
import { formatMs } from '../format.js';
import { withAlpha, type ChartPalette } from '../theme.js';

/** A vertical line across the plot with a label at its top. */
export interface Marker {
  x: number;
  label: string;
}

/** The time a fault lasted, in seconds of simulated time, and what it was. */
export interface FaultWindow {
  from: number;
  to: number;
  label: string;
}

/** The chaos of a run as drawn on a timeline: faults that last as windows, instantaneous ones as markers. */
export interface ChaosMarks {
  /** In order of start. */
  windows: FaultWindow[];
  /** The breakers' open spells as bands (see `breakerBands`), in order of start. */
  breakers: FaultWindow[];
  /** One per second with instantaneous events, their labels joined, in time order. */
  markers: Marker[];
}

export function chaosMarks(chaos: readonly ChaosEvent[], breakers: readonly BreakerEvent[] = []): ChaosMarks {
  const windows = chaos
    .filter((e) => e.end > e.start)
    .map((e) => ({ from: e.start, to: e.end, label: e.what }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const byTime = new Map<number, string[]>();
  for (const e of chaos) if (e.end <= e.start) byTime.set(e.start, [...(byTime.get(e.start) ?? []), e.what]);
  const markers = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([x, labels]) => ({ x, label: labels.join('; ') }));
  return { windows, breakers: breakerBands(breakers), markers };
}

/** The target of a spell's `caller instance → target`. */
function breakerTarget(spell: BreakerEvent): string {
  return spell.what.slice(spell.what.lastIndexOf(' → ') + 3);
}

/**
 * Breaker spells as few bands: per target, the spells that overlap (a dependency's outage
 * opens the breaker of every caller instance) make one band from the first opening to the
 * last closing, labelled `breaker → target ×N`; a spell alone keeps its caller.
 */
export function breakerBands(breakers: readonly BreakerEvent[]): FaultWindow[] {
  const byTarget = new Map<string, BreakerEvent[]>();
  for (const spell of [...breakers].sort((x, y) => x.start - y.start)) {
    const spells = byTarget.get(breakerTarget(spell));
    if (spells) spells.push(spell);
    else byTarget.set(breakerTarget(spell), [spell]);
  }
  const bands: FaultWindow[] = [];
  for (const [target, spells] of byTarget) {
    let first = spells[0]!;
    let count = 0;
    let to = -Infinity;
    const close = () => bands.push({ from: first.start, to, label: count === 1 ? `breaker ${first.what}` : `breaker → ${target} ×${count}` });
    for (const spell of spells) {
      if (count > 0 && spell.start > to) {
        close();
        count = 0;
        to = -Infinity;
      }
      if (count === 0) first = spell;
      count += 1;
      to = Math.max(to, spell.end);
    }
    close();
  }
  return bands.sort((x, y) => x.from - y.from || x.to - y.to);
}

/** An axis in the theme's colours and font. */
export function axis(palette: ChartPalette, extra: uPlot.Axis): uPlot.Axis {
  return {
    stroke: palette.muted,
    grid: { stroke: withAlpha(palette.grid, 0.6), width: 1 },
    ticks: { stroke: withAlpha(palette.grid, 0.6), width: 1 },
    font: `11px ${palette.font}`,
    labelFont: `11px ${palette.font}`,
    ...extra,
  };
}

/** Draws the markers over the plot: dashed lines, labels staggered (from row `firstRow`) so they do not overlap. */
export function drawMarkers(u: uPlot, markers: Marker[], color: string, font: string, firstRow = 0): void {
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
    ctx.fillText(text, tx, top + labelRow(firstRow + i) * ratio);
  });
  ctx.restore();
}

/** Labels at the top of the plot take three rows in turn, so neighbours do not overlap. */
function labelRow(i: number): number {
  return 4 + (i % 3) * 14;
}

/** The canvas x range of [from, to] within the plot, or undefined when none of it shows. */
function span(u: uPlot, from: number, to: number): [number, number] | undefined {
  const { left, width } = u.bbox;
  const x0 = Math.max(left, u.valToPos(from, 'x', true));
  const x1 = Math.min(left + width, u.valToPos(to, 'x', true));
  return x1 > x0 ? [x0, x1] : undefined;
}

function fill(u: uPlot, from: number, to: number, color: string): void {
  const at = span(u, from, to);
  if (!at) return;
  u.ctx.save();
  u.ctx.fillStyle = color;
  u.ctx.fillRect(at[0], u.bbox.top, at[1] - at[0], u.bbox.height);
  u.ctx.restore();
}

/** A fault window's edges and its label at the top, inside the window and the plot. */
function drawWindow(u: uPlot, window: FaultWindow, row: number, color: string, font: string): void {
  const at = span(u, window.from, window.to);
  if (!at) return;
  const { ctx } = u;
  const { top, height, left, width } = u.bbox;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.strokeStyle = withAlpha(color, 0.55);
  ctx.lineWidth = ratio;
  ctx.beginPath();
  for (const x of at) {
    ctx.moveTo(Math.round(x), top);
    ctx.lineTo(Math.round(x), top + height);
  }
  ctx.stroke();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.font = `${11 * ratio}px ${font}`;
  ctx.fillStyle = color;
  ctx.textBaseline = 'top';
  ctx.fillText(window.label, at[0] + 4 * ratio, top + labelRow(row) * ratio);
  ctx.restore();
}

/**
 * What a timeline shows behind its series (the warmup and each fault's window, shaded) and
 * over them (the windows' labels and the instantaneous chaos events).
 */
export function timelineHooks(marks: ChaosMarks, warmupSeconds: number, palette: ChartPalette): uPlot.Hooks.Arrays {
  return {
    drawClear: [
      (u) => {
        if (warmupSeconds > 0) fill(u, 0, warmupSeconds, withAlpha(palette.shade, 0.18));
        for (const w of marks.windows) fill(u, w.from, w.to, withAlpha(palette.chaos, 0.12));
        for (const b of marks.breakers) fill(u, b.from, b.to, withAlpha(palette.breaker, 0.12));
      },
    ],
    draw: [
      (u) => {
        if (warmupSeconds > 0 && span(u, 0, warmupSeconds)) {
          const ratio = devicePixelRatio || 1;
          u.ctx.save();
          u.ctx.font = `${11 * ratio}px ${palette.font}`;
          u.ctx.fillStyle = palette.muted;
          u.ctx.textBaseline = 'bottom';
          u.ctx.fillText('warmup', u.bbox.left + 4 * ratio, u.bbox.top + u.bbox.height - 4 * ratio);
          u.ctx.restore();
        }
        marks.windows.forEach((w, i) => drawWindow(u, w, i, palette.chaos, palette.font));
        marks.breakers.forEach((b, i) => drawWindow(u, b, marks.windows.length + i, palette.breaker, palette.font));
        drawMarkers(u, marks.markers, palette.chaos, palette.font, marks.windows.length + marks.breakers.length);
      },
    ],
  };
}

/**
 * A run's seconds under load, as its charts draw them: the drain after the load's end, whose
 * last second has no arrivals, is left out (its drop in throughput is the load stopping, not
 * the system failing). The CSV export keeps every second.
 */
export function loadedSeconds(result: Pick<SimulationResult, 'timeline' | 'warmupSeconds' | 'measuredSeconds'>): TimelinePoint[] {
  const end = result.warmupSeconds + result.measuredSeconds;
  return result.timeline.filter((p) => p.t < end);
}

/** The x axis every timeline shares: simulated seconds. */
export function timeAxis(palette: ChartPalette): uPlot.Axis {
  return axis(palette, { label: 'simulated time (s)' });
}

/** A y scale from zero to a little above the largest value (at least 1, so an idle run has an axis). */
export function fromZero(): uPlot.Scale {
  return { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] };
}

/** The x series of a timeline: its second, as the legend shows it. */
export const SECOND_SERIES: uPlot.Series = { label: 'second', value: (_u, v) => (v === null ? '—' : `${v}s`) };

/** The axis of wasted work per second: service time, read as a duration (1.5s of work each second). */
export function wasteAxis(palette: ChartPalette): uPlot.Axis {
  return axis(palette, { scale: 'waste', side: 1, label: 'wasted work per second', grid: { show: false }, size: 64, values: (_u, ticks) => ticks.map((v) => formatMs(v)) });
}
