// Instances over time, for a run whose design autoscales: each autoscaled component's count
// (starting ones included) at the end of every second, under the run's faults.
import uPlot from 'uplot';
import type { SimulationResult } from '@topo/simulator';
import type { ChartPalette } from '../theme.js';
import { fromZero, loadedSeconds, runMarks, SECOND_SERIES, timelineAxes, timelineHooks } from './timeline-parts.js';

/** The autoscaled components, in the order they first appear on the timeline. */
export function autoscaled(result: SimulationResult): string[] {
  return [...new Set(result.timeline.flatMap((p) => Object.keys(p.instances ?? {})))];
}

/** Seconds, then each autoscaled component's instances (null in a second without a count). */
export function instancesColumns(result: SimulationResult): uPlot.AlignedData {
  const t = loadedSeconds(result);
  return [t.map((p) => p.t), ...autoscaled(result).map((name) => t.map((p) => p.instances?.[name] ?? null))];
}

const SERIES_COLOURS: Array<keyof ChartPalette> = ['throughput', 'latency', 'attempts', 'degraded', 'waste', 'failed'];

export function instancesChart(target: HTMLElement, result: SimulationResult, palette: ChartPalette, width: number): uPlot | undefined {
  const names = autoscaled(result);
  if (names.length === 0) return undefined;
  return new uPlot(
    {
      width,
      height: 200,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, n: fromZero() },
      axes: timelineAxes(palette, { scale: 'n', label: 'instances' }),
      series: [
        SECOND_SERIES,
        ...names.map((name, i) => ({ label: name, scale: 'n', stroke: palette[SERIES_COLOURS[i % SERIES_COLOURS.length]!], width: 2, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } })),
      ],
      hooks: timelineHooks(runMarks(result), result.warmupSeconds, palette),
    },
    instancesColumns(result),
    target,
  );
}
