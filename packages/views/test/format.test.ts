import { describe, expect, it } from 'vitest';
import { escapeHtml, formatCount, formatDurations, formatMs, formatPercent, formatRate, formatWork } from '../src/format.js';

describe('numbers in the views', () => {
  it('prints latencies with three significant digits in the unit that suits them', () => {
    expect([formatMs(0.0123), formatMs(0.999), formatMs(1), formatMs(12.345), formatMs(999.4), formatMs(1000), formatMs(6001)]).toEqual([
      '12.3µs',
      '999µs',
      '1ms',
      '12.3ms',
      '999ms',
      '1s',
      '6s',
    ]);
    expect([formatMs(0), formatMs(null), formatMs(undefined), formatMs(Infinity)]).toEqual(['0ms', '—', '—', '—']);
  });

  it('prints durations read together (an axis, a column) in one unit, the largest one\'s', () => {
    expect(formatDurations([0, 500_000])).toEqual(['0s', '500s']);
    expect(formatDurations([0, 2000, 4000])).toEqual(['0s', '2s', '4s']);
    expect(formatDurations([0, 10, 20])).toEqual(['0ms', '10ms', '20ms']);
    expect(formatDurations([30_000, 14_820_000], true)).toEqual(['0.5 min', '247 min']);
    expect(formatDurations([null, 1500])).toEqual(['', '1.5s']);
  });

  it('prints shares, counts, rates and work', () => {
    expect([formatPercent(0.1234), formatPercent(1), formatPercent(0), formatPercent(0.0009), formatPercent(0.001), formatPercent(null)]).toEqual([
      '12.3%',
      '100%',
      '0%',
      '<0.1%',
      '0.1%',
      '—',
    ]);
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect([formatRate(1996.6), formatRate(99.94), formatRate(12.34)]).toEqual(['1,997 rps', '99.9 rps', '12.3 rps']);
    expect([formatWork(59_999), formatWork(123_456)]).toEqual(['60s', '2.06 min']);
  });

  it('escapes what HTML would read as markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
