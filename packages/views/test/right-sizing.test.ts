import { describe, expect, it } from 'vitest';
import type { RightSizing } from '@topo/language/protocol';
import { rightSizingHtml } from '../src/results/right-sizing.js';

const sizing: RightSizing = {
  target: 0.6,
  rows: [
    { name: 'api', kind: 'service', instances: 30, suggested: 3, utilization: 0.06, suggestedUtilization: 0.6, p99Ms: 46, suggestedP99Ms: 70, limitMs: 200, bound: 'target' },
    { name: 'db', kind: 'datastore', instances: 3, suggested: 3, utilization: 0.01, suggestedUtilization: 0.01, p99Ms: 2, suggestedP99Ms: 2, bound: 'zones' },
  ],
  carbon: { total: { before: 100, after: 59, delta: -41 }, components: [{ name: 'api', before: 60, after: 19, delta: -41 }] },
};

describe('the right-sizing table', () => {
  it('shows per component the count, how busy, what would do and the carbon it saves; an unchanged one as such', () => {
    const html = rightSizingHtml(sizing);
    const cells = (name: string) => [...html.match(new RegExp(`<tr data-service="${name}">(.*?)</tr>`))![1]!.matchAll(/<td[^>]*>(?:<span[^>]*><\/span>)?([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells('api')).toEqual(['api', '30', '6%', '46ms', '200ms', '3', '60%', '70ms', 'the target', '−41.0 kgCO2e']);
    expect(cells('db')).toEqual(['db', '3', '1%', '2ms', '—', '3', '1%', '2ms', 'its zones (or replicas)', '—']);
    expect(html).toContain('busy threads at 60%');
    expect(html).toContain('59.0 kgCO2e a month instead of 100 kgCO2e (−41.0 kgCO2e)');
  });

  it('is nothing when no component has a count to size', () => {
    expect(rightSizingHtml({ ...sizing, rows: [] })).toBe('');
  });
});
