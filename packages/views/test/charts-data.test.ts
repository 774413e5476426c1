import { describe, expect, it, vi } from 'vitest';
import { histogramColumns, timelineColumns, workColumns } from '../src/results/charts.js';
import type { BreakerEvent } from '@topo/simulator';
import { breakerBands, chaosMarks, faultsKeyHtml, ROUND_STEPS, runMarks, SIDE_AXIS_SIZE, timelineAxes } from '../src/results/timeline-parts.js';
import type { ChartPalette } from '../src/theme.js';
import { latencyBars } from '../src/results/histogram.js';
import { resilienceNote } from '../src/results/results-view.js';
import { buckets, resilientResult, result } from './fixtures/results.js';

describe('the charts\' data', () => {
  it('lays the timeline out as columns: seconds, succeeded, failed and p99 (a gap where nothing succeeded)', () => {
    expect(timelineColumns(result())).toEqual([
      [0, 1],
      [90, 100],
      [0, 3],
      [40, null],
    ]);
  });

  it('leaves out the drain after the load, the seconds from the end of the warmup and the measured time on', () => {
    const base = result();
    const drained = { ...base, timeline: [...base.timeline, { ...base.timeline[1]!, t: 4, arrivals: 0, throughputRps: 2 }] };
    expect(timelineColumns(drained)).toEqual(timelineColumns(base));
    expect(workColumns(drained)[0]).toEqual([0, 1]);
  });

  it('shades each fault that lasts as a window, in order of start, and marks the instantaneous ones once per second', () => {
    expect(chaosMarks(result().chaos)).toEqual({
      windows: [
        { from: 1, to: 4, label: 'zone a down' },
        { from: 1.5, to: 3, label: 'slow db by 5s: db.b.2' },
      ],
      breakers: [],
      markers: [{ x: 2, label: 'kill 1 of web: web.a.1; kill 1 of db: db.b.2' }],
    });
    expect(chaosMarks([])).toEqual({ windows: [], breakers: [], markers: [] });
  });

  it('takes a window at its boundary: a fault lifted the moment it struck is a marker, a millisecond later a window', () => {
    const at = (end: number) => chaosMarks([{ kind: 'kill', what: 'kill 1 of web', start: 10, end, hasFor: true }]);
    expect(at(10)).toEqual({ windows: [], breakers: [], markers: [{ x: 10, label: 'kill 1 of web' }] });
    expect(at(10.001)).toEqual({ windows: [{ from: 10, to: 10.001, label: 'kill 1 of web' }], breakers: [], markers: [] });
  });

  it('marks a kill without `for` as a line when it struck, as the README promises, and a kill with one as a window, even one whose `for` ends with the load', () => {
    // The load ends at 4 s: both kills are logged as lasting until then; only the `for` tells them apart.
    const lasting = { kind: 'kill' as const, what: 'kill 1 of homepage: homepage.a.8', start: 2, end: 4, hasFor: false };
    const toTheEnd = { kind: 'kill' as const, what: 'kill 1 of web: web.a.1', start: 1, end: 4, hasFor: true };
    const slow = { kind: 'slow' as const, what: 'slow db by 5s: db.b.2', start: 2, end: 4, hasFor: false };
    const marks = runMarks({ ...result(), chaos: [lasting, toTheEnd, slow] });
    expect(marks.markers).toEqual([{ x: 2, label: 'kill 1 of homepage: homepage.a.8' }]);
    expect(marks.windows).toEqual([
      { from: 1, to: 4, label: 'kill 1 of web: web.a.1' },
      { from: 2, to: 4, label: 'slow db by 5s: db.b.2' },
    ]);
  });

  it('lists the faults whole under the chart, which cuts their labels to the plot', () => {
    const html = faultsKeyHtml(chaosMarks(result().chaos));
    expect(html).toContain('<li class="fault"><span class="swatch"></span>1s–4s: zone a down</li>');
    expect(html).toContain('<li class="event"><span class="swatch"></span>2s: kill 1 of web: web.a.1; kill 1 of db: db.b.2</li>');
    expect(faultsKeyHtml(chaosMarks([]))).toBe('');
  });

  it('steps the axes by 1, 2 and 5 times a power of ten, never 2.5', () => {
    expect(ROUND_STEPS).toContain(0.5);
    expect(ROUND_STEPS).toContain(20);
    expect(ROUND_STEPS).toContain(5000);
    expect(ROUND_STEPS.some((s) => String(s).startsWith('25'))).toBe(false);
  });

  it('gives every timeline side axes of one width, an empty right one when it has none, so stacked charts line up', () => {
    // Axes take their colours through a canvas: without one (no DOM here) withAlpha keeps them as they are.
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => null }) });
    const palette = { font: 'sans-serif', muted: '#666', grid: '#ccc' } as ChartPalette;
    const one = timelineAxes(palette, { scale: 'n', label: 'instances' });
    const two = timelineAxes(palette, { scale: 'rps', label: 'requests per second' }, { scale: 'ms', label: 'p99 latency' });
    expect(one.map((a) => a.size)).toEqual([undefined, SIDE_AXIS_SIZE, SIDE_AXIS_SIZE]);
    expect(two.map((a) => a.size)).toEqual(one.map((a) => a.size));
    expect(one.map((a) => a.side)).toEqual(two.map((a) => a.side));
    // A title takes room beside its axis: the empty axis has an (empty) one of the same room.
    expect(one.map((a) => [a.label !== undefined, a.labelSize])).toEqual(two.map((a) => [a.label !== undefined, a.labelSize]));
    vi.unstubAllGlobals();
  });

  it('bands the breakers by target: overlapping spells make one band from the first opening to the last closing', () => {
    const spell = (what: string, start: number, end: number): BreakerEvent => ({ kind: 'breaker', what, start, end, trials: 1 });
    const breakers = [
      spell('web.a.2 → db', 21, 41),
      spell('web.a.1 → db', 20.5, 40),
      spell('api.b.1 → cache', 22, 23),
      spell('web.a.3 → db', 40.5, 43),
      spell('web.a.1 → db', 60, 62),
      spell('web.a.2 → db', 61, 61.5),
    ];
    expect(breakerBands(breakers)).toEqual([
      { from: 20.5, to: 43, label: 'breaker → db ×3' },
      { from: 22, to: 23, label: 'breaker api.b.1 → cache' },
      { from: 60, to: 62, label: 'breaker → db ×2' },
    ]);
    expect(chaosMarks([], breakers.slice(2, 3)).breakers).toEqual([{ from: 22, to: 23, label: 'breaker api.b.1 → cache' }]);
  });

  it('adds degraded per second beside succeeded and failed when a fallback answered some, and says what it and the bands are', () => {
    expect(timelineColumns(resilientResult())).toEqual([
      [0, 1],
      [90, 100],
      [0, 10],
      [0, 3],
      [40, null],
    ]);
    expect(resilienceNote(resilientResult())).toMatch(/^<p class="muted note">Degraded: .* Each band spans the open spells of the breakers/);
  });

  it('draws no degraded series for resilience counts alone (a queue that turned requests away), nor explains one', () => {
    const queued = { ...resilientResult(), degraded: 0, breakers: [], timeline: resilientResult().timeline.map((p) => ({ ...p, degraded: 0 })) };
    expect(timelineColumns(queued)).toEqual(timelineColumns(result()));
    expect(resilienceNote(queued)).toBe('');
    expect(resilienceNote({ ...queued, degraded: 3 })).toBe('<p class="muted note">Degraded: requests answered by a fallback, counted apart from succeeded and failed.</p>');
  });

  it('lays attempts and wasted work out per second', () => {
    expect(workColumns(result())).toEqual([
      [0, 1],
      [200, 420],
      [0, 1500],
    ]);
  });

  it('draws the histogram as steps: every left edge, then the last right edge at the last height', () => {
    const bars = latencyBars(buckets());
    const [x, y] = histogramColumns(bars);
    expect(x).toEqual([1, 1.584893, 2.511886, 3.981072]);
    expect(y).toEqual([...bars.map((b) => b.sharePerDecade), bars.at(-1)!.sharePerDecade]);
    expect(histogramColumns([])).toEqual([[], []]);
  });
});
