import { describe, expect, it } from 'vitest';
import { histogramColumns, timelineColumns, workColumns } from '../src/results/charts.js';
import { chaosMarks } from '../src/results/timeline-parts.js';
import { latencyBars } from '../src/results/histogram.js';
import { buckets, result } from './fixtures/results.js';

describe('the charts\' data', () => {
  it('lays the timeline out as columns: seconds, succeeded, failed and p99 (a gap where nothing succeeded)', () => {
    expect(timelineColumns(result())).toEqual([
      [0, 1],
      [90, 100],
      [0, 3],
      [40, null],
    ]);
  });

  it('shades each fault that lasts as a window, in order of start, and marks the instantaneous ones once per second', () => {
    expect(chaosMarks(result().chaos)).toEqual({
      windows: [
        { from: 1, to: 4, label: 'zone a down' },
        { from: 1.5, to: 3, label: 'slow db by 5s: db.b.2' },
      ],
      markers: [{ x: 2, label: 'kill 1 of web: web.a.1; kill 1 of db: db.b.2' }],
    });
    expect(chaosMarks([])).toEqual({ windows: [], markers: [] });
  });

  it('takes a window at its boundary: a fault lifted the moment it struck is a marker, a millisecond later a window', () => {
    const at = (end: number) => chaosMarks([{ kind: 'kill', what: 'kill 1 of web', start: 10, end }]);
    expect(at(10)).toEqual({ windows: [], markers: [{ x: 10, label: 'kill 1 of web' }] });
    expect(at(10.001)).toEqual({ windows: [{ from: 10, to: 10.001, label: 'kill 1 of web' }], markers: [] });
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
