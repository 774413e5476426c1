import { describe, expect, it } from 'vitest';
import { buildModel } from '@topo/model/testing';
import { threadTimeFootprint } from '../src/index.js';

const threeM5 = { name: 'a', instances: 3, type: 'm5.large' };
const HOURS_PER_MONTH = 730;
const SKYLAKE_MARGINAL_W = 4.26 - 0.65; // m5.large: Skylake's max − min watts per vCPU (SPECpower, CCF)
const AWS_PUE = 1.135;
const US_EAST_1_G_PER_KWH = 379.069; // EPA eGRID2020, NERC SERC
const EU_NORTH_1_G_PER_KWH = 8.8; // EEA, Sweden

describe('threadTimeFootprint: what thread time costs a month, by CCF’s marginal watts', () => {
  it('is vCPU-hours at max − min watts, times PUE and the grid, at the measured rate for a month', () => {
    const m = buildModel({ regions: ['us-east-1'], services: [threeM5] });
    // 90 s of thread time in a 60 s window: 1.5 busy vCPUs all month long.
    const f = threadTimeFootprint(m, 'a', 90_000, 60)!;
    const kWh = (1.5 * HOURS_PER_MONTH * SKYLAKE_MARGINAL_W * AWS_PUE) / 1000;
    expect(f.energyKWhPerMonth).toBeCloseTo(kWh, 10);
    expect(f.kgCO2ePerMonth).toBeCloseTo((kWh * US_EAST_1_G_PER_KWH) / 1000, 10);
  });

  it('splits over regions by instance count, each at its own grid', () => {
    const m = buildModel({ regions: ['us-east-1', 'eu-north-1'], services: [threeM5] });
    const f = threadTimeFootprint(m, 'a', 60_000, 60)!; // one vCPU busy, half in each region
    const halfKWh = (0.5 * HOURS_PER_MONTH * SKYLAKE_MARGINAL_W * AWS_PUE) / 1000;
    expect(f.energyKWhPerMonth).toBeCloseTo(2 * halfKWh, 10);
    expect(f.kgCO2ePerMonth).toBeCloseTo((halfKWh * (US_EAST_1_G_PER_KWH + EU_NORTH_1_G_PER_KWH)) / 1000, 10);
  });

  it('is zero for no thread time, and absent for managed stores and unknown components', () => {
    const m = buildModel({ regions: ['us-east-1'], services: [threeM5], datastores: [{ name: 'd', engine: 'dynamodb' }] });
    expect(threadTimeFootprint(m, 'a', 0, 60)).toEqual({ energyKWhPerMonth: 0, kgCO2ePerMonth: 0 });
    expect(threadTimeFootprint(m, 'd', 1000, 60)).toBeUndefined();
    expect(threadTimeFootprint(m, 'nobody', 1000, 60)).toBeUndefined();
  });

  it('refuses a window of no time', () => {
    const m = buildModel({ regions: ['us-east-1'], services: [threeM5] });
    expect(() => threadTimeFootprint(m, 'a', 1000, 0)).toThrow(RangeError);
  });
});
