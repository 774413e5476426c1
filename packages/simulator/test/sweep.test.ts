import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitUsl, formatSweep, sweep } from '../src/index.js';
import { buildModel, ZERO_NETWORK, work } from '@topo/model/testing';

describe('the Universal Scalability Law fit', () => {
  const usl = (sigma: number, kappa: number, gamma: number) => (n: number) => ({ concurrency: n, throughput: (gamma * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1)) });

  it('recovers σ, κ and γ from points on the curve', () => {
    const fit = fitUsl([1, 2, 4, 8, 16, 32, 64].map(usl(0.05, 0.002, 100)))!;
    expect(fit.sigma).toBeCloseTo(0.05, 6);
    expect(fit.kappa).toBeCloseTo(0.002, 6);
    expect(fit.gamma).toBeCloseTo(100, 4);
    expect(fit.peakConcurrency).toBeCloseTo(Math.sqrt(0.95 / 0.002), 4);
    expect(fit.r2).toBeCloseTo(1, 9);
  });

  it('has no peak for pure contention (κ = 0)', () => {
    const fit = fitUsl([1, 2, 4, 8, 16].map(usl(0.1, 0, 50)))!;
    expect(fit.kappa).toBeCloseTo(0, 9);
    expect(fit.peakConcurrency).toBeNull();
  });

  it('does not converge on fewer than three distinct points, or on superlinear data', () => {
    expect(fitUsl([1, 2].map(usl(0.05, 0.002, 100)))).toBeNull();
    expect(fitUsl([1, 1, 1, 2].map(usl(0.05, 0.002, 100)))).toBeNull();
    expect(fitUsl([1, 2, 4, 8].map((n) => ({ concurrency: n, throughput: 10 * n * n })))).toBeNull();
  });
});

const model = buildModel({
  network: ZERO_NETWORK,
  services: [{ name: 'server', instances: 1, zones: ['a'], threads: 4, work: work(1) }],
  scenarios: [{ name: 'ramp', loads: [[1000, 'server', 10_000]], warmupMs: 1000, seed: 3 }],
});
const rates = [500, 1500, 2500, 3500];

describe('a sweep', () => {
  let dir: string;
  let workerUrl: URL;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'topo-sweep-'));
    const outfile = join(dir, 'sweep-worker.mjs');
    await build({ entryPoints: [fileURLToPath(new URL('../src/sweep-worker.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
    workerUrl = pathToFileURL(outfile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the scenario at each rate: throughput follows the rate, response time grows', async () => {
    const s = await sweep(model, rates);
    expect(s.scenario).toBe('ramp');
    expect(s.seed).toBe(3);
    expect(s.points.map((p) => p.rps)).toEqual(rates);
    for (const p of s.points) expect(p.throughputRps / p.rps).toBeCloseTo(1, 1);
    const mean = s.points.map((p) => p.meanMs!);
    expect([...mean].sort((a, b) => a - b)).toEqual(mean);
    expect(s.points[3]!.p99Ms!).toBeGreaterThan(1.5 * s.points[0]!.p99Ms!);
    expect(s.usl).not.toBeNull();
    expect(formatSweep(s)).toMatch(/Universal Scalability Law: σ = /);
  });

  it('gives the same points on worker threads as in one thread', async () => {
    const here = await sweep(model, rates);
    const seen: number[] = [];
    const threaded = await sweep(model, rates, { jobs: 2, workerUrl, onPoint: (p) => seen.push(p.rps) });
    expect(threaded).toEqual(here);
    expect([...seen].sort((a, b) => a - b)).toEqual(rates);
  });

  // A 60-second run of 20,000 rps takes the simulator seconds: an abort 300 ms in lands inside the
  // first runs, which must not finish, nor the ones after them start.
  const long = buildModel({
    network: ZERO_NETWORK,
    services: [{ name: 'server', instances: 1, zones: ['a'], threads: 64, work: work(1) }],
    scenarios: [{ name: 'long', loads: [[20_000, 'server', 60_000]], seed: 3 }],
  });
  it.each([
    ['in this thread', {}],
    ['on worker threads', { jobs: 2 }],
  ])('stops at once when aborted, %s, runs under way included, and has no result', async (_, threads) => {
    const controller = new AbortController();
    const points: number[] = [];
    setTimeout(() => controller.abort(new Error('stop')), 300);
    await expect(sweep(long, [10_000, 20_000, 30_000], { ...threads, ...('jobs' in threads ? { workerUrl } : {}), signal: controller.signal, onPoint: (p) => points.push(p.rps) })).resolves.toBeUndefined();
    expect(points).toEqual([]);
  });

  it('rejects on a failure that is not an abort, a signal given or not', async () => {
    await expect(sweep(long, [10], { scenario: 'nope' })).rejects.toThrow(/nope/);
    await expect(sweep(long, [10], { scenario: 'nope', signal: new AbortController().signal })).rejects.toThrow(/nope/);
  });
});
