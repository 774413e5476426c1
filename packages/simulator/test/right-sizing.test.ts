// Right-sizing: the counts it suggests, re-run, keep p99 within the callers' timeouts at
// about the target utilisation.
import { DEFAULT_RIGHT_SIZING_TARGET } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { rightSize, simulate } from '../src/index.js';
import { buildModel, call, ZERO_NETWORK, work } from '@topo/model/testing';

/** An edge calling `api` (exponential 10 ms of work on 4 threads per instance) at 720 rps: 7.2 busy threads in all. */
const design = (apiInstances: number, threads = 4, timeoutMs = 200) =>
  buildModel({
    network: ZERO_NETWORK,
    services: [
      { name: 'edge', instances: 3, work: work(1, 'constant'), steps: [call('api', { timeoutMs })] },
      { name: 'api', instances: apiInstances, threads, work: work(10) },
    ],
    scenarios: [{ loads: [[720, 'edge', 30_000]], seed: 4 }],
  });

describe('right-sizing', () => {
  it('a design over-provisioned tenfold: the suggested counts, re-run, hold p99 within the timeout at about the target', async () => {
    const over = await simulate(design(30));
    const api = rightSize(design(30), over).find((r) => r.name === 'api')!;
    expect(over.services.find((s) => s.name === 'api')!.utilization).toBeLessThan(0.1);
    // 7.2 busy threads / (4 threads × 60%) = 3 instances.
    expect(api.suggested).toBe(3);
    expect(api.bound).toBe('target');
    const edge = rightSize(design(30), over).find((r) => r.name === 'edge')!;
    expect(edge.suggested).toBe(3); // never fewer than the zones it is spread over

    const sized = await simulate(design(api.suggested));
    const rerun = sized.services.find((s) => s.name === 'api')!;
    expect(rerun.utilization).toBeGreaterThan(DEFAULT_RIGHT_SIZING_TARGET - 0.06);
    expect(rerun.utilization).toBeLessThan(DEFAULT_RIGHT_SIZING_TARGET + 0.03);
    expect(rerun.latencyMs.p99!).toBeLessThan(200);
    expect(sized.timeouts).toBe(0);
    expect(sized.failed).toBe(0);
    // The estimate of p99 at the suggested count (service p99 + wait p99) errs high, not far.
    expect(api.suggestedP99Ms!).toBeGreaterThanOrEqual(rerun.latencyMs.p99!);
    expect(api.suggestedP99Ms!).toBeLessThan(1.5 * rerun.latencyMs.p99!);
  });

  it('a tight timeout on one thread per instance: more instances than the target needs, until the wait fits', async () => {
    const model = design(60, 1, 60);
    const run = await simulate(model);
    const api = rightSize(model, run).find((r) => r.name === 'api')!;
    // The target alone gives ceil(7.2 / 0.6) = 12, where M/M/1 at 60% has a p99 of 4.6 × 10 ms / 0.4 = 115 ms > 60 ms.
    expect(api.bound).toBe('p99');
    expect(api.suggested).toBeGreaterThan(12);
    const rerun = (await simulate(design(api.suggested, 1, 60))).services.find((s) => s.name === 'api')!;
    expect(rerun.latencyMs.p99!).toBeLessThan(60);
    expect(rerun.utilization!).toBeLessThan(DEFAULT_RIGHT_SIZING_TARGET);
  });

  it('a target of its own, and none out of range', async () => {
    const model = design(30);
    const run = await simulate(model);
    expect(rightSize(model, run, { target: 0.3 }).find((r) => r.name === 'api')!.suggested).toBe(6);
    expect(() => rightSize(model, run, { target: 0 })).toThrow(RangeError);
  });
});
