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

  it('says instances past the target are added only while the queueing wait keeps p99 over the timeout, and flags a p99 they would not bring under it', () => {
    expect(rightSizingHtml(sizing)).toContain('busy threads at 60%, more only while the queueing wait is what keeps p99 over the shortest timeout of the callers');
    expect(rightSizingHtml(sizing)).not.toContain('†');
    // As in the retry storm: backend's p99 is its retries to the slow store, not its queue.
    const backend = { name: 'backend', kind: 'service' as const, instances: 3, suggested: 3, utilization: 0.27, suggestedUtilization: 0.27, p99Ms: 6010, suggestedP99Ms: 6010, limitMs: 2000, bound: 'zones' as const };
    const html = rightSizingHtml({ ...sizing, rows: [...sizing.rows, backend] });
    expect(html).toContain(`<td class="num bad" title="p99 over the timeout is not the queue's: more instances would not help">6.01s †</td>`);
    expect(html.match(/†/g)).toHaveLength(2);
    expect(html).toContain("† p99 over the timeout is not the queue's: more instances would not help.");
  });

  it('says right-sizing would not change the estimate when it changes nothing, rather than "27.6 instead of 27.6 (—)"', () => {
    const same = rightSizingHtml({ ...sizing, carbon: { total: { before: 27.6, after: 27.6, delta: 0 }, components: [] } });
    expect(same).toContain('Right-sizing would not change the estimate: 27.6 kgCO2e a month.');
    expect(same).not.toContain('instead of');
  });

  it('heads its counts per region (the services and carbon tables count all regions)', () => {
    expect(rightSizingHtml(sizing)).toContain('<th class="num">Instances per region</th>');
    expect(rightSizingHtml(sizing)).toContain('<th class="num">Would do per region</th>');
  });

  it('is nothing when no component has a count to size', () => {
    expect(rightSizingHtml({ ...sizing, rows: [] })).toBe('');
  });
});
