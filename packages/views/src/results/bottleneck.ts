// The bottleneck plots of a sweep (the scenario run at several rates or numbers of users):
// throughput against the load offered, and response time against throughput, each with the
// Universal Scalability Law's fit drawn over it, and its σ and κ said in words.
import uPlot from 'uplot';
import type { SweepResult, UslFit } from '@topo/simulator';
import { formatCount, formatMs, formatRate, significant } from '../format.js';
import { withAlpha, type ChartPalette } from '../theme.js';
import { axis, durationTicks, fromZero } from './timeline-parts.js';

/** X(N) = γN / (1 + σ(N − 1) + κN(N − 1)): the fit's throughput with N requests in flight. */
export function uslThroughput(fit: UslFit, n: number): number {
  return (fit.gamma * n) / (1 + fit.sigma * (n - 1) + fit.kappa * n * (n - 1));
}

/** What the sweep offered at each point: users in a users sweep, else the rate. */
function offered(sweep: SweepResult): number[] {
  return sweep.points.map((p) => (sweep.over === 'users' ? p.users ?? 0 : p.rps));
}

/** Offered load, measured throughput, and the fit's throughput at each point's concurrency (null without a fit). */
export function throughputColumns(sweep: SweepResult): uPlot.AlignedData {
  const fit = sweep.usl;
  return [offered(sweep), sweep.points.map((p) => p.throughputRps), sweep.points.map((p) => (fit ? uslThroughput(fit, p.concurrency) : null))];
}

/** Throughput, then the mean and p99 response time of each point, in order of throughput. */
export function responseColumns(sweep: SweepResult): uPlot.AlignedData {
  const points = [...sweep.points].sort((a, b) => a.throughputRps - b.throughputRps);
  return [points.map((p) => p.throughputRps), points.map((p) => p.meanMs), points.map((p) => p.p99Ms)];
}

/**
 * The fit as response time against throughput, by Little's law (R = N / X): points from a
 * tenth of the least concurrency measured to a quarter past the most, throughput in rps and
 * response in ms. Past the peak the throughput falls while the response climbs: the nose.
 */
export function uslCurve(sweep: SweepResult, steps = 80): Array<{ x: number; ms: number }> {
  const fit = sweep.usl;
  const ns = sweep.points.map((p) => p.concurrency).filter((n) => n > 0);
  if (!fit || ns.length === 0) return [];
  const from = Math.min(...ns) / 10;
  const to = Math.max(...ns) * 1.25;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const n = from + ((to - from) * i) / steps;
    const x = uslThroughput(fit, n);
    return { x, ms: (1000 * n) / x };
  });
}

/**
 * A fall in throughput smaller than this share of the peak, over the loads a sweep measured,
 * is no fall to speak of: the law's rounder curve finds a small κ where throughput levels off.
 */
const NOTICEABLE_FALL = 0.05;

/** σ and κ to two significant digits, as the pattern's sentence above the plots writes them. */
const USL_DIGITS = 2;

/** Requests in flight as a whole number, and in a users sweep the users that had about as many (interpolated over the points). */
export function inFlightInWords(n: number, sweep?: Pick<SweepResult, 'over' | 'points'>): string {
  const inFlight = `${formatCount(n)} in flight`;
  if (sweep?.over !== 'users') return inFlight;
  const points = sweep.points.filter((p) => p.users !== undefined).sort((a, b) => a.concurrency - b.concurrency);
  const above = points.findIndex((p) => p.concurrency >= n);
  if (above <= 0) return inFlight;
  const [a, b] = [points[above - 1]!, points[above]!];
  const users = a.users! + ((b.users! - a.users!) * (n - a.concurrency)) / (b.concurrency - a.concurrency);
  return `${formatCount(users)} users (${inFlight})`;
}

/**
 * σ and κ, and what they mean for this design, from the sweep's points (the most requests in
 * flight they measured say whether the fit's peak shows in them). Three throughputs may
 * appear, each named for what it is: the ceiling contention alone sets (γ/σ, never reached),
 * the fit's peak, and, in the pattern's sentence, the highest throughput measured.
 */
export function uslInWords(fit: UslFit | null, sweep?: Pick<SweepResult, 'over' | 'points'>): string {
  if (!fit) return 'No Universal Scalability Law fit: it needs three or more distinct points whose fit has σ, κ ≥ 0.';
  const contention =
    fit.sigma > 0
      ? `Contention σ = ${significant(fit.sigma, USL_DIGITS)}: about ${significant(fit.sigma * 100, USL_DIGITS)}% of the work waits for something one request holds at a time (a lock, a single thread, a full queue), which on its own would cap the fit's throughput at ${formatRate(fit.gamma / fit.sigma)} (γ/σ, approached but never reached).`
      : 'Contention σ = 0: nothing serialises the work.';
  return `${contention} ${coherencyInWords(fit, sweep)} One request in flight gives ${formatRate(fit.gamma)} (γ); the fit explains ${significant(fit.r2 * 100, 3)}% of the variation in throughput (R²).`;
}

function coherencyInWords(fit: UslFit, sweep: Pick<SweepResult, 'over' | 'points'> | undefined): string {
  if (fit.kappa === 0 || fit.peakConcurrency === null) {
    return fit.sigma > 0 ? 'Coherency κ = 0: no crosstalk, so throughput levels off rather than falls.' : 'Coherency κ = 0: no crosstalk either, so throughput grows in step with the load.';
  }
  const measuredUpTo = sweep && sweep.points.length > 0 ? Math.max(...sweep.points.map((p) => p.concurrency)) : undefined;
  const kappa = `Coherency κ = ${significant(fit.kappa, USL_DIGITS)}`;
  const peak = `about ${inFlightInWords(fit.peakConcurrency, sweep)}, ${formatRate(uslThroughput(fit, fit.peakConcurrency))}`;
  const measured = measuredUpTo === undefined ? '' : inFlightInWords(measuredUpTo, sweep);
  if (measuredUpTo !== undefined && measuredUpTo <= fit.peakConcurrency) {
    return `${kappa}: each request in flight costs every other some crosstalk (keeping state in step), so the fit's throughput would peak at ${peak}, beyond the ${measured} measured.`;
  }
  if (measuredUpTo !== undefined && uslThroughput(fit, measuredUpTo) >= (1 - NOTICEABLE_FALL) * uslThroughput(fit, fit.peakConcurrency)) {
    return `${kappa}: too little crosstalk to speak of; the fit's peak, at ${peak}, is within ${NOTICEABLE_FALL * 100}% of its throughput at the ${measured} measured, so throughput levels off rather than falls.`;
  }
  return `${kappa}: each request in flight costs every other some crosstalk (keeping state in step), so the fit's throughput peaks at ${peak}, and falls beyond it.`;
}

const POINTS = (color: string): uPlot.Series.Points => ({ show: true, size: 7, stroke: color, fill: color });

/** Throughput against the offered load, the fit dashed over it. */
export function throughputChart(target: HTMLElement, sweep: SweepResult, palette: ChartPalette, width: number): uPlot {
  const users = sweep.over === 'users';
  return new uPlot(
    {
      width,
      height: 240,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, rps: fromZero() },
      axes: [axis(palette, { label: users ? 'users' : 'offered requests per second' }), axis(palette, { scale: 'rps', label: 'throughput (rps)', size: 60 })],
      series: [
        { label: users ? 'users' : 'offered', value: (_u, v) => (v === null ? '—' : users ? String(v) : formatRate(v)) },
        { label: 'throughput', scale: 'rps', stroke: palette.throughput, width: 2, points: POINTS(palette.throughput), value: (_u, v) => (v === null ? '—' : formatRate(v)) },
        { label: 'USL fit', scale: 'rps', stroke: palette.latency, width: 1.5, dash: [6, 4], points: { show: false }, value: (_u, v) => (v === null ? '—' : formatRate(v)) },
      ],
    },
    throughputColumns(sweep),
    target,
  );
}

/** Mean and p99 response time against throughput (the points measured), the fit's mean response drawn over them. */
export function responseChart(target: HTMLElement, sweep: SweepResult, palette: ChartPalette, width: number): uPlot {
  const curve = uslCurve(sweep);
  const columns = responseColumns(sweep);
  const xMax = Math.max(0, ...(columns[0] as number[]), ...curve.map((c) => c.x)) * 1.05 || 1;
  const yMax = Math.max(0, ...(columns[2] as Array<number | null>).map((v) => v ?? 0), ...(columns[1] as Array<number | null>).map((v) => v ?? 0)) * 1.1 || 1;
  const drawCurve = (u: uPlot) => {
    if (curve.length === 0) return;
    const { ctx } = u;
    const ratio = devicePixelRatio || 1;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    ctx.strokeStyle = palette.latency;
    ctx.lineWidth = 1.5 * ratio;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    ctx.beginPath();
    curve.forEach((c, i) => {
      const x = u.valToPos(c.x, 'x', true);
      const y = u.valToPos(c.ms, 'ms', true);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    ctx.restore();
  };
  return new uPlot(
    {
      width,
      height: 240,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: () => [0, xMax] }, ms: { range: () => [0, yMax] } },
      axes: [
        axis(palette, { label: 'throughput (rps)' }),
        axis(palette, { scale: 'ms', label: 'response time', size: 60, values: durationTicks }),
      ],
      series: [
        { label: 'throughput', value: (_u, v) => (v === null ? '—' : formatRate(v)) },
        { label: 'mean', scale: 'ms', stroke: palette.throughput, width: 1, points: POINTS(palette.throughput), value: (_u, v) => formatMs(v) },
        { label: 'p99', scale: 'ms', stroke: withAlpha(palette.failed, 0.8), width: 1, points: POINTS(palette.failed), value: (_u, v) => formatMs(v) },
      ],
      hooks: { draw: [drawCurve] },
    },
    columns,
    target,
  );
}
