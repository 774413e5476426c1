import { describe, expect, it } from 'vitest';
import { buildModel } from '@topo/model/testing';
import { estimateCarbon, resizedCarbon, simulatedCarbonOptions } from '../src/index.js';

const design = (instances: number) =>
  buildModel({
    regions: ['us-east-1'],
    services: [
      { name: 'a', instances, type: 'm5.large' },
      { name: 'b', instances: 3, type: 'm5.large' },
    ],
  });

describe('resizedCarbon: what a change of instance counts saves or costs a month', () => {
  it('is the same work on fewer instances: 30 at 5% CPU become 3 at 50%, and the rest is as it was', () => {
    const utilization = new Map([['a', 0.05]]);
    const diff = resizedCarbon(design(30), { utilization }, [{ name: 'a', instances: 30, suggested: 3 }]);
    const before = estimateCarbon(design(30), { utilization }).totalKgCO2ePerMonth;
    const after = estimateCarbon(design(3), { utilization: new Map([['a', 0.5]]) }).totalKgCO2ePerMonth;
    expect(diff.total.before).toBeCloseTo(before, 9);
    expect(diff.total.after).toBeCloseTo(after, 9);
    expect(diff.total.delta).toBeLessThan(0);
    expect(diff.components.map((c) => c.name)).toEqual(['a']);
  });

  it('never takes CPU past 100%', () => {
    const diff = resizedCarbon(design(4), { utilization: 0.9 }, [{ name: 'a', instances: 4, suggested: 2 }]);
    const full = estimateCarbon(design(2), { utilization: new Map([['a', 1], ['b', 0.9]]) });
    expect(diff.total.after).toBeCloseTo(full.totalKgCO2ePerMonth, 9);
  });
});

describe('simulatedCarbonOptions: the CPU a run used', () => {
  it('is requests × mean work over the vCPU time of the instance-hours', () => {
    // 3 m5.large (2 vCPUs) for 60 s; 18,000 requests of 1 ms = 18 s of CPU in 360 vCPU-seconds.
    const run = { measuredSeconds: 60, requests: 18_000, petalMessages: {}, services: [{ name: 'b', requests: 18_000, instanceHours: (3 * 60) / 3600 }] };
    const options = simulatedCarbonOptions(design(3), run);
    expect((options.utilization as Map<string, number>).get('b')).toBeCloseTo(18 / 360, 12);
    expect(options.traffic).toMatchObject({ seconds: 60, requests: 18_000 });
  });
});
