import { describe, expect, it } from 'vitest';
import { estimate, ResourceLimitError, resolveScenario, simulate } from '../src/index.js';
import { buildModel, call, ZERO_NETWORK } from '@topo/model/testing';
import { loadExample } from './helpers.js';

describe('the resource guard', () => {
  it('estimates the events of a run within a factor of 1.5', async () => {
    const model = (await loadExample('netflix')).model;
    const short = { ...model, scenarios: [{ ...model.scenarios[0]!, loads: [{ rps: 1000, toRps: 1000, target: 'wwwproxy', fromMs: 0, durationMs: 10_000 }] }] };
    const e = estimate(short, short.scenarios[0]!);
    const r = await simulate(short);
    expect(e.requests).toBe(10_000);
    expect(e.events / r.events).toBeGreaterThan(1 / 1.5);
    expect(e.events / r.events).toBeLessThan(1.5);
  });

  it('refuses a run over the event limit, with its estimate and the flag that raises it', async () => {
    const model = (await loadExample('netflix')).model;
    const e = estimate(model, resolveScenario(model));
    const run = simulate(model, { maxEvents: 1_000_000 });
    await expect(run).rejects.toThrow(ResourceLimitError);
    await expect(simulate(model, { maxEvents: 1_000_000 })).rejects.toThrow(new RegExp(`about ${Math.round(e.events).toLocaleString('en-US')} events, over the limit of 1,000,000 .*--max-events`));
  });

  it('refuses a run over the memory limit', async () => {
    await expect(simulate((await loadExample('netflix')).model, { maxMemoryBytes: 1_000_000 })).rejects.toThrow(/MB of memory, over the 1 MB available/);
  });

  it('lets a run under both limits go', async () => {
    const model = buildModel({ network: ZERO_NETWORK, services: [{ name: 'a' }], scenarios: [{ loads: [[10, 'a', 1000]] }] });
    const e = estimate(model, model.scenarios[0]!);
    await expect(simulate(model, { maxEvents: e.events, maxMemoryBytes: e.memoryBytes })).resolves.toMatchObject({ stopped: false });
  });

  it('loads and runs 100,000 instances', async () => {
    const model = buildModel({
      network: ZERO_NETWORK,
      services: [{ name: 'front', instances: 3, steps: [call('fleet', { timeoutMs: 100 })] }, { name: 'fleet', instances: 100_000 }],
      scenarios: [{ loads: [[200, 'front', 2000]] }],
    });
    const before = process.memoryUsage().heapUsed;
    const r = await simulate(model);
    expect(r.services[1]!.instances).toBe(100_000);
    expect(r.succeeded).toBe(r.requests);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(600 * 2 ** 20);
  });
});

describe('stopping', () => {
  it('an aborted run stops and returns what it measured', async () => {
    const model = buildModel({ network: ZERO_NETWORK, services: [{ name: 'a' }], scenarios: [{ loads: [[2000, 'a', 3_600_000]] }] });
    const controller = new AbortController();
    let progress = 0;
    const r = await simulate(model, {
      signal: controller.signal,
      maxEvents: Infinity,
      onProgress: (p) => {
        progress++;
        expect(p.totalMs).toBe(3_600_000);
        expect(p.simulatedMs).toBeGreaterThan(0);
        controller.abort();
      },
    });
    expect(progress).toBe(1);
    expect(r.stopped).toBe(true);
    expect(r.simulatedSeconds).toBeLessThan(3600);
    expect(r.requests).toBeGreaterThan(0);
    expect(r.timeline.length).toBe(Math.ceil(r.simulatedSeconds));
  });
});
