// The pieces every timeline chart is built of (the results view's and the compare view's):
// the axes and scales, and what is drawn behind and over the series: the warmup, each
// fault's window shaded and labelled, the breakers' open spells banded by target (hatched,
// so a band over a fault's shade stays readable), the instantaneous chaos events as dashed
// lines. Labels are cut to the plot with an ellipsis; the key under a chart has them whole.
import type uPlot from 'uplot';
import type { BreakerEvent, ChaosEvent, SimulationResult, TimelinePoint } from '@topo/simulator';
import { escapeHtml, formatDurations } from '../format.js';
import { withAlpha, type ChartPalette } from '../theme.js';
import { ellipsize, firstFree, lineAround, type Box } from './label-layout.js';

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

/**
 * A kill without `for` (its instances stay down: the README's "instantaneous kill") and a
 * monkey's kill are events, drawn as a line when they struck; a kill with `for`, a zone, a
 * slowdown or a failure lasts, drawn as a window.
 */
function isInstantaneous(e: ChaosEvent): boolean {
  return e.end <= e.start || (e.kind === 'kill' && !e.hasFor);
}

export function chaosMarks(chaos: readonly ChaosEvent[], breakers: readonly BreakerEvent[] = []): ChaosMarks {
  const windows = chaos
    .filter((e) => !isInstantaneous(e))
    .map((e) => ({ from: e.start, to: e.end, label: e.what }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const byTime = new Map<number, string[]>();
  for (const e of chaos) if (isInstantaneous(e)) byTime.set(e.start, [...(byTime.get(e.start) ?? []), e.what]);
  const markers = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([x, labels]) => ({ x, label: labels.join('; ') }));
  return { windows, breakers: breakerBands(breakers), markers };
}

/** The marks of a run's own faults and breakers. */
export function runMarks(result: Pick<SimulationResult, 'chaos' | 'breakers'>): ChaosMarks {
  return chaosMarks(result.chaos, result.breakers);
}

/** The faults and bands of a chart in words, whole (the chart cuts long labels): a key under it. */
export function faultsKeyHtml(marks: ChaosMarks): string {
  const seconds = (t: number) => `${Number(t.toFixed(1))}s`;
  const items = [
    ...marks.windows.map((w) => ({ at: w.from, cls: 'fault', text: `${seconds(w.from)}–${seconds(w.to)}: ${w.label}` })),
    ...marks.markers.map((m) => ({ at: m.x, cls: 'event', text: `${seconds(m.x)}: ${m.label}` })),
    ...marks.breakers.map((b) => ({ at: b.from, cls: 'breaker', text: `${seconds(b.from)}–${seconds(b.to)}: ${b.label}` })),
  ].sort((a, b) => a.at - b.at);
  if (items.length === 0) return '';
  return `<ul class="faults-key">${items.map((i) => `<li class="${i.cls}"><span class="swatch"></span>${escapeHtml(i.text)}</li>`).join('')}</ul>`;
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

/** Tick steps of 1, 2 and 5 times a power of ten (uPlot would also step by 2.5). */
export const ROUND_STEPS: number[] = Array.from({ length: 16 }, (_, i) => i - 6).flatMap((e) => [1, 2, 5].map((m) => Number(`${m}e${e}`)));

/** An axis in the theme's colours and font, its ticks on round steps. */
export function axis(palette: ChartPalette, extra: uPlot.Axis): uPlot.Axis {
  return {
    stroke: palette.muted,
    grid: { stroke: withAlpha(palette.grid, 0.6), width: 1 },
    ticks: { stroke: withAlpha(palette.grid, 0.6), width: 1 },
    font: `11px ${palette.font}`,
    labelFont: `11px ${palette.font}`,
    incrs: ROUND_STEPS,
    ...extra,
  };
}

/** Tick labels of a duration axis (values in ms): one unit for all, the largest tick's. */
export function durationTicks(_u: uPlot, ticks: number[]): string[] {
  return formatDurations(ticks);
}

const LABEL_HEIGHT = 14;
/** Rows of labels at the top of a plot: 4px down, then a row each LABEL_HEIGHT. */
const LABEL_ROWS = 3;

function labelTop(top: number, row: number, ratio: number): number {
  return top + (4 + row * LABEL_HEIGHT) * ratio;
}

/** Text on a plate of the page's colour, so a label stays readable over series and shades. */
function plateText(ctx: CanvasRenderingContext2D, text: string, box: Box, color: string, background: string, ratio: number): void {
  ctx.fillStyle = withAlpha(background, 0.8);
  ctx.fillRect(box.x - 2 * ratio, box.y - ratio, box.width + 4 * ratio, box.height);
  ctx.fillStyle = color;
  ctx.fillText(text, box.x, box.y);
}

/** A marker line's label: right of the line in the first free row, else left of it; none when no place is free. */
function markerLabelBox(x: number, width: number, u: uPlot, taken: readonly Box[], ratio: number): Box | undefined {
  const { top, left } = u.bbox;
  const right = left + u.bbox.width;
  const candidates: Box[] = [];
  for (let row = 0; row < LABEL_ROWS; row++) {
    const y = labelTop(top, row, ratio);
    const height = (LABEL_HEIGHT - 1) * ratio;
    candidates.push({ x: x + 4 * ratio, y, width, height }, { x: x - 4 * ratio - width, y, width, height });
  }
  return firstFree(
    candidates.filter((c) => c.x >= left && c.x + c.width <= right),
    taken,
  );
}

/**
 * Draws the markers over the plot: dashed lines, each labelled beside it where the label
 * overlaps no box of `taken` (a bar's share, another label) nor any marker's line, and each
 * line broken where it would cross a box of `taken`. Returns the boxes it labelled.
 */
export function drawMarkers(u: uPlot, markers: Marker[], color: string, palette: ChartPalette, taken: readonly Box[] = []): Box[] {
  const { ctx } = u;
  const { top, height, left, width } = u.bbox;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.font = `${11 * ratio}px ${palette.font}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const shown = markers.map((m) => ({ ...m, at: Math.round(u.valToPos(m.x, 'x', true)) })).filter((m) => m.at >= left && m.at <= left + width);
  const lines: Box[] = shown.map((m) => ({ x: m.at - ratio, y: top, width: 2 * ratio, height }));
  const placed: Box[] = [];
  for (const m of shown) {
    const text = ellipsize(m.label, width / 2, (s) => ctx.measureText(s).width);
    const box = text ? markerLabelBox(m.at, ctx.measureText(text).width, u, [...taken, ...lines, ...placed], ratio) : undefined;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * ratio;
    ctx.setLineDash([5 * ratio, 4 * ratio]);
    ctx.beginPath();
    for (const [y0, y1] of lineAround(m.at, top, top + height, taken, 2 * ratio)) {
      ctx.moveTo(m.at, y0);
      ctx.lineTo(m.at, y1);
    }
    ctx.stroke();
    if (box) {
      placed.push(box);
      plateText(ctx, text, box, color, palette.background, ratio);
    }
  }
  ctx.restore();
  return placed;
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

/** Diagonal lines across [from, to]: a band that shows through another's shade instead of mixing with it. */
function hatch(u: uPlot, from: number, to: number, color: string): void {
  const at = span(u, from, to);
  if (!at) return;
  const { ctx } = u;
  const { top, height } = u.bbox;
  const ratio = devicePixelRatio || 1;
  const step = 7 * ratio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(at[0], top, at[1] - at[0], height);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = ratio;
  ctx.beginPath();
  for (let x = at[0] - height; x < at[1]; x += step) {
    ctx.moveTo(x, top + height);
    ctx.lineTo(x + height, top);
  }
  ctx.stroke();
  ctx.restore();
}

/** A fault window's edges and its label at the top, from the window's start, cut to the plot's right edge. */
function drawWindow(u: uPlot, window: FaultWindow, row: number, color: string, palette: ChartPalette): Box | undefined {
  const at = span(u, window.from, window.to);
  if (!at) return undefined;
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
  ctx.font = `${11 * ratio}px ${palette.font}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const x = at[0] + 4 * ratio;
  const text = ellipsize(window.label, left + width - 4 * ratio - x, (s) => ctx.measureText(s).width);
  const box = text ? { x, y: labelTop(top, row % LABEL_ROWS, ratio), width: ctx.measureText(text).width, height: (LABEL_HEIGHT - 1) * ratio } : undefined;
  if (box) plateText(ctx, text, box, color, palette.background, ratio);
  ctx.restore();
  return box;
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
        for (const b of marks.breakers) hatch(u, b.from, b.to, withAlpha(palette.breaker, 0.35));
      },
    ],
    draw: [
      (u) => {
        if (warmupSeconds > 0 && span(u, 0, warmupSeconds)) {
          const ratio = devicePixelRatio || 1;
          u.ctx.save();
          u.ctx.font = `${11 * ratio}px ${palette.font}`;
          u.ctx.fillStyle = palette.muted;
          u.ctx.textAlign = 'left';
          u.ctx.textBaseline = 'bottom';
          u.ctx.fillText('warmup', u.bbox.left + 4 * ratio, u.bbox.top + u.bbox.height - 4 * ratio);
          u.ctx.restore();
        }
        const labels = [
          ...marks.windows.map((w, i) => drawWindow(u, w, i, palette.chaos, palette)),
          ...marks.breakers.map((b, i) => drawWindow(u, b, marks.windows.length + i, palette.breaker, palette)),
        ].filter((box): box is Box => box !== undefined);
        drawMarkers(u, marks.markers, palette.chaos, palette, labels);
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

/** The width of every timeline's side axes, and of the title beside each, so charts stacked on a page plot equal times at equal x. */
export const SIDE_AXIS_SIZE = 64;
export const SIDE_LABEL_SIZE = 30;

/**
 * A timeline's axes: time below, `left` on the left and `right` (if any) on the right, both
 * SIDE_AXIS_SIZE wide with room for a title; without a right axis an empty one of that width
 * (an empty title keeps the title's room too) keeps the plot aligned.
 */
export function timelineAxes(palette: ChartPalette, left: uPlot.Axis, right?: uPlot.Axis): uPlot.Axis[] {
  const blank: uPlot.Axis = { scale: left.scale, label: '', grid: { show: false }, ticks: { show: false }, values: (_u, ticks) => ticks.map(() => '') };
  const side = { size: SIDE_AXIS_SIZE, labelSize: SIDE_LABEL_SIZE };
  return [timeAxis(palette), axis(palette, { ...left, ...side }), axis(palette, { ...(right ?? blank), side: 1, ...side })];
}

/** A y scale from zero to a little above the largest value (at least 1, so an idle run has an axis). */
export function fromZero(): uPlot.Scale {
  return { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] };
}

/** The x series of a timeline: its second, as the legend shows it. */
export const SECOND_SERIES: uPlot.Series = { label: 'second', value: (_u, v) => (v === null ? '—' : `${v}s`) };

/** The right axis of wasted work per second (for timelineAxes): service time, read as a duration (1.5s of work each second). */
export function wasteAxis(): uPlot.Axis {
  return { scale: 'waste', label: 'wasted work per second', grid: { show: false }, values: durationTicks };
}
