import { describe, expect, it } from 'vitest';
import { diffCarbon, estimateCarbon } from '../src/index.js';
import { buildModel, cache, region, service } from './model-builder.js';

const useast1 = region('us-east-1');
const euwest1 = region('eu-west-1');
const web = (instances: number, regions = [useast1]) => service('web', { regions, instances, type: 'm5.large' });

describe('diffCarbon', () => {
  it('gives the total and each changed component, summed over its regions, the largest change first', () => {
    const before = estimateCarbon(buildModel({ regions: [useast1, euwest1], services: [web(3), service('api', { regions: [useast1], instances: 2, type: 'm5.large' })] }));
    const after = estimateCarbon(buildModel({ regions: [useast1, euwest1], services: [web(6, [useast1, euwest1]), service('api', { regions: [useast1], instances: 2, type: 'm5.large' })], caches: [cache('c', { regions: [useast1], instances: 1, type: 'r5.large' })] }));
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
    const before = estimateCarbon(buildModel({ regions: [useast1], services: [web(3)] }));
    const after = estimateCarbon(buildModel({ regions: [useast1], services: [] }));
    expect(diffCarbon(before, after).components).toEqual([{ name: 'web', before: before.totalKgCO2ePerMonth, after: 0, delta: -before.totalKgCO2ePerMonth }]);
  });
});
