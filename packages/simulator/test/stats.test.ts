// The latency recorder counts values by HDR's buckets itself and hands the counts to the
// histogram when asked: its percentiles must be those of recording every value into HDR.
import hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from '../src/stats.js';

/** A deterministic spread of latencies in ns: sub-microsecond to minutes, around bucket edges too. */
function latencies(n: number): number[] {
  let x = 12345;
  const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const edges = [999, 1000, 1023.5, 1024, 2 ** 20 - 1, 2 ** 20, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1];
  return [...edges, ...Array.from({ length: n }, () => 10 ** (2 + next() * 9))];
}

describe('LatencyRecorder', () => {
  for (const digits of [2, 3] as const) {
    it(`gives HDR's percentiles with ${digits} significant digits`, () => {
      const values = latencies(50_000);
      const reference = hdr.build({ lowestDiscernibleValue: 1000, highestTrackableValue: 1e10, numberOfSignificantValueDigits: digits, autoResize: true });
      const recorder = new LatencyRecorder(digits);
      for (const ns of values) {
        reference.recordValue(Math.max(1000, Math.round(ns)));
        recorder.record(ns);
      }
      const min = Math.min(...values);
      const max = Math.max(...values);
      const expected = (p: number): number => Math.round((Math.min(max, Math.max(min, reference.getValueAtPercentile(p))) / 1e6) * 1e6) / 1e6;
      const s = recorder.summary();
      expect([s.p25, s.p50, s.p75, s.p90, s.p95, s.p99, s.p999]).toEqual([25, 50, 75, 90, 95, 99, 99.9].map(expected));
      // Recording on after a summary keeps every value.
      recorder.record(5e6);
      reference.recordValue(5e6);
      expect(recorder.summary().p50).toBe(expected(50));
    });
  }
});
