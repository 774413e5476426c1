import { describe, expect, it } from 'vitest';
import { chaosMarkers, histogramColumns, timelineColumns } from '../src/views/results/charts.js';
import { latencyBars } from '../src/views/results/histogram.js';
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

  it('marks each second with chaos once, in time order, its events joined', () => {
    expect(chaosMarkers(result())).toEqual([
      { x: 1, label: 'zone a down' },
      { x: 2, label: 'kill 1 of web: web.a.1; kill 1 of db: db.b.2' },
    ]);
    expect(chaosMarkers(result({ chaos: [] }))).toEqual([]);
  });

  it('draws the histogram as steps: every left edge, then the last right edge at the last height', () => {
    const bars = latencyBars(buckets());
    const [x, y] = histogramColumns(bars);
    expect(x).toEqual([1, 1.584893, 2.511886, 3.981072]);
    expect(y).toEqual([...bars.map((b) => b.sharePerDecade), bars.at(-1)!.sharePerDecade]);
    expect(histogramColumns([])).toEqual([[], []]);
  });
});
