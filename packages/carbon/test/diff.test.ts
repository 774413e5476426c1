import { describe, expect, it } from 'vitest';
import { buildModel } from '@topo/model/testing';
import { diffCarbon, estimateCarbon } from '../src/index.js';

const web = (instances: number, regions = ['us-east-1']) => ({ name: 'web', regions, instances, type: 'm5.large' });
const api = { name: 'api', regions: ['us-east-1'], instances: 2, type: 'm5.large' };

describe('diffCarbon', () => {
  it('gives the total and each changed component, summed over its regions, the largest change first', () => {
    const regions = ['us-east-1', 'eu-west-1'];
    const before = estimateCarbon(buildModel({ regions, services: [web(3), api] }));
    const after = estimateCarbon(buildModel({ regions, services: [web(6, regions), api], caches: [{ name: 'c', regions: ['us-east-1'], instances: 1, type: 'r5.large' }] }));
    const d = diffCarbon(before, after);
    expect(d.total.before).toBeCloseTo(before.totalKgCO2ePerMonth, 9);
    expect(d.total.after).toBeCloseTo(after.totalKgCO2ePerMonth, 9);
    expect(d.total.delta).toBeCloseTo(after.totalKgCO2ePerMonth - before.totalKgCO2ePerMonth, 9);
    // api did not change; web (two regions now) grew more than the new cache.
    expect(d.components.map((c) => c.name)).toEqual(['web', 'c']);
    const webAfter = after.components.filter((c) => c.name === 'web').reduce((n, c) => n + c.totalKgCO2ePerMonth, 0);
    expect(d.components[0]!.after).toBeCloseTo(webAfter, 9);
    expect(d.components[1]).toEqual(expect.objectContaining({ name: 'c', before: 0 }));
    expect(d.components.reduce((n, c) => n + c.delta, 0)).toBeCloseTo(d.total.delta, 9);
  });

  it('counts a removed component as zero after', () => {
    const before = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [web(3)] }));
    const after = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [] }));
    expect(diffCarbon(before, after).components).toEqual([{ name: 'web', before: before.totalKgCO2ePerMonth, after: 0, delta: -before.totalKgCO2ePerMonth }]);
  });
});
