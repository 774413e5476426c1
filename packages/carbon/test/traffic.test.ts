import { describe, expect, it } from 'vitest';
import { buildModel } from '@topo/model/testing';
import { estimateCarbon } from '../src/index.js';

const SECONDS_PER_MONTH = 730 * 3600;
const build = () =>
  buildModel({
    regions: ['us-east-1'],
    services: [
      { name: 'a', instances: 3, type: 'm5.large' },
      { name: 'b', instances: 3, type: 'm5.large' },
    ],
    petals: [{ name: 'p', region: 'us-east-1', members: ['a', 'b'] }],
  });

describe('SCI per 1,000 requests', () => {
  it('is the month’s emissions over the month’s requests at the simulated rate', () => {
    const r = estimateCarbon(build(), { traffic: { seconds: 60, requests: 120_000 } });
    const requestsPerMonth = (120_000 * SECONDS_PER_MONTH) / 60; // 2,000 rps for a month
    expect(r.sci!.gCO2ePer1000Requests).toBeCloseTo((r.totalKgCO2ePerMonth * 1e6) / requestsPerMonth, 12);
    expect(r.sci!.operationalGCO2ePer1000Requests + r.sci!.embodiedGCO2ePer1000Requests).toBeCloseTo(r.sci!.gCO2ePer1000Requests, 12);
    expect(r.sci).toMatchObject({ requests: 120_000, seconds: 60 });
  });

  it('halves when the same deployment serves twice the requests', () => {
    const once = estimateCarbon(build(), { traffic: { seconds: 60, requests: 1000 } }).sci!;
    const twice = estimateCarbon(build(), { traffic: { seconds: 60, requests: 2000 } }).sci!;
    expect(twice.gCO2ePer1000Requests).toBeCloseTo(once.gCO2ePer1000Requests / 2, 12);
  });

  it('is absent without traffic, and without requests (with a note)', () => {
    expect(estimateCarbon(build()).sci).toBeUndefined();
    const none = estimateCarbon(build(), { traffic: { seconds: 60, requests: 0 } });
    expect(none.sci).toBeUndefined();
    expect(none.notes).toContain('no SCI: the scenario sent no requests');
  });

  it('refuses traffic over no time', () => {
    expect(() => estimateCarbon(build(), { traffic: { seconds: 0, requests: 10 } })).toThrow(RangeError);
  });
});

describe('petal savings', () => {
  it('messages × encode time of CPU at the marginal watts (max − min) × PUE × grid', () => {
    const r = estimateCarbon(build(), { traffic: { seconds: 60, requests: 1000, petalMessages: new Map([['p', 1_000_000]]) } });
    const perMonth = (1_000_000 * SECONDS_PER_MONTH) / 60;
    const cpuHours = (perMonth * 0.02) / 3_600_000; // network.encode 20us
    const kWh = ((cpuHours * (4.26 - 0.65)) / 1000) * 1.135; // m5.large: Skylake
    expect(r.petals).toEqual([
      { name: 'p', region: 'us-east-1', messagesPerMonth: perMonth, energyKWhPerMonth: expect.closeTo(kWh, 12), kgCO2ePerMonth: expect.closeTo(kWh * 0.379069, 12) },
    ]);
    expect(r.sci!.petalSavingsGCO2ePer1000Requests).toBeCloseTo((kWh * 0.379069 * 1e6) / ((1000 * SECONDS_PER_MONTH) / 60), 12);
  });

  it('none for a petal the simulation did not count', () => {
    const r = estimateCarbon(build(), { traffic: { seconds: 60, requests: 1000 } });
    expect(r.petals).toEqual([]);
    expect(r.sci!.petalSavingsGCO2ePer1000Requests).toBe(0);
  });
});

describe('network energy', () => {
  it('0.001 kWh per GB between zones and regions × PUE, in its region and the totals', () => {
    const without = estimateCarbon(build(), { traffic: { seconds: 60, requests: 1000 } });
    const withNet = estimateCarbon(build(), { traffic: { seconds: 60, requests: 1000, networkGB: new Map([['us-east-1', 10]]) } });
    const kWh = ((10 * SECONDS_PER_MONTH) / 60) * 0.001 * 1.135;
    expect(withNet.regions[0]!.networkKWhPerMonth).toBeCloseTo(kWh, 9);
    expect(withNet.energyKWhPerMonth - without.energyKWhPerMonth).toBeCloseTo(kWh, 9);
    expect(withNet.operationalKgCO2ePerMonth - without.operationalKgCO2ePerMonth).toBeCloseTo(kWh * 0.379069, 9);
    expect(without.regions[0]!.networkKWhPerMonth).toBe(0);
  });

  it('says it is not estimated when no traffic gives it', () => {
    const note = (r: ReturnType<typeof estimateCarbon>) => r.notes.some((n) => n.startsWith('network energy'));
    expect(note(estimateCarbon(build()))).toBe(true);
    expect(note(estimateCarbon(build(), { traffic: { seconds: 1, requests: 1, networkGB: new Map([['us-east-1', 1]]) } }))).toBe(false);
  });
});
