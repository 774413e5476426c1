// The retry storm of examples/retry-storm.topo, simulated as written and with its budgets
// fixed, against the arithmetic of its retry tree; and every bad input of --compare.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { topo, type Run } from './run.js';

const examples = join(import.meta.dirname, '../../../examples');
const dir = mkdtempSync(join(tmpdir(), 'topo-what-if-'));
copyFileSync(join(examples, 'retry-storm.topo'), join(dir, 'retry-storm.topo'));

interface Service {
  name: string;
  requests: number;
  wastedWorkMs: number;
  latencyMs: { max: number | null };
}
interface Result {
  label?: string;
  requests: number;
  succeeded: number;
  failed: number;
  clientTimeouts: number;
  seed: number;
  scenario: string;
  findings: { errors: number; warnings: number; infos: number; byRule: Record<string, number> };
  services: Service[];
  timeline: { t: number; arrivals: number }[];
  chaos: { kind: string; start: number; end: number }[];
}

const service = (r: Result, name: string) => r.services.find((s) => s.name === name)!;

/**
 * The retry tree of one request arriving at `u` (seconds): edge → middle → backend → store,
 * each call with `timeouts[i]` (seconds) and two retries, no backoff; a store attempt
 * answers at once unless it is made while the store is slow, and then never in time. An
 * attempt whose answer does not come within its caller's timeout is abandoned: the caller
 * retries, and the abandoned attempt's whole run is wasted work. Counts attempts per layer
 * and that wasted time. Work and network (a few ms) are left out.
 */
function retryTree(u: number, timeouts: readonly number[], slow: (t: number) => boolean) {
  const attempts = [0, 0, 0, 0];
  const wasted = [0, 0, 0, 0];
  const attempt = (layer: number, at: number): { ok: boolean; end: number } => {
    attempts[layer]!++;
    if (layer === 3) return slow(at) ? { ok: false, end: Infinity } : { ok: true, end: at };
    let t = at;
    for (let k = 0; k <= 2; k++) {
      const below = attempt(layer + 1, t);
      const answered = below.end - t < timeouts[layer]!;
      if (below.ok && answered) return { ok: true, end: below.end };
      if (!answered && layer + 1 < 3) wasted[layer + 1]! += below.end - t;
      t = answered ? below.end : t + timeouts[layer]!;
    }
    return { ok: false, end: t };
  };
  const ok = attempt(0, u).ok;
  return { attempts, wasted, ok };
}

/**
 * The tree's numbers summed over the run's arrivals, the store slow over the fault's
 * [start, end): the arrivals are counted per second, so the least and the most a second's
 * arrivals can make. (The example's store has the threads not to queue: a slow store's
 * queue would move the fault's end for its callers.)
 */
function storm(r: Result, timeouts: readonly number[]) {
  const fault = r.chaos.find((c) => c.kind === 'slow')!;
  const sum = (pick: (tree: ReturnType<typeof retryTree>) => number, least: boolean) =>
    r.timeline.reduce((n, p) => {
      // Arrivals within a second are spread over it: the extreme over 10ms steps (every breakpoint is on a 100ms grid).
      const values = Array.from({ length: 100 }, (_, i) => pick(retryTree(p.t + 0.005 + i / 100, timeouts, (t) => t >= fault.start && t < fault.end)));
      return n + p.arrivals * (least ? Math.min(...values) : Math.max(...values));
    }, 0);
  const bounds = (pick: (tree: ReturnType<typeof retryTree>) => number) => [sum(pick, true), sum(pick, false)] as const;
  return {
    middle: bounds((t) => t.attempts[1]!),
    backend: bounds((t) => t.attempts[2]!),
    store: bounds((t) => t.attempts[3]!),
    middleWastedMs: bounds((t) => 1000 * t.wasted[1]!),
    backendWastedMs: bounds((t) => 1000 * t.wasted[2]!),
    failed: bounds((t) => (t.ok ? 0 : 1)),
  };
}

/** Within the bounds, give or take 1% for the milliseconds of work and network the tree leaves out. */
function expectWithin(value: number, [least, most]: readonly [number, number]): void {
  expect(value).toBeGreaterThanOrEqual(least * 0.99);
  expect(value).toBeLessThanOrEqual(most * 1.01);
}

/** The timeouts of examples/retry-storm.topo, and those "Fix timeout budgets" writes (its test is in the language package). */
const AS_WRITTEN = [2, 2, 2];
const BUDGETS_FIXED = [1.5, 0.4, 0.1];

describe('topo simulate examples/retry-storm.topo', () => {
  let text: Run;
  let json: Result;
  beforeAll(async () => {
    text = await topo(['simulate', 'retry-storm.topo'], dir);
    json = JSON.parse((await topo(['simulate', 'retry-storm.topo', '--format', 'json'], dir)).stdout);
  });

  it('simulates the design with its errors, and says so first', () => {
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('design: 3 errors, 2 warnings (deadline-budget, retry-amplification, timeout-budget ×2, uniform-timeouts): simulated as written');
    expect(json.findings).toEqual({ errors: 3, warnings: 2, infos: 0, byRule: { 'deadline-budget': 1, 'retry-amplification': 1, 'timeout-budget': 2, 'uniform-timeouts': 1 } });
  });

  it('under the slow store, makes the retry tree’s attempts: 3 at middle, 9 at backend, 27 at the store per request', () => {
    const expected = storm(json, AS_WRITTEN);
    expectWithin(service(json, 'middle').requests, expected.middle);
    expectWithin(service(json, 'backend').requests, expected.backend);
    expectWithin(service(json, 'store').requests, expected.store);
    // (1 + 2)³ attempts at the store for each request the slow store fails.
    expect(service(json, 'store').requests / json.requests).toBeGreaterThan(5);
  });

  it('holds middle’s and backend’s threads for callers that gave up: 6s for each attempt abandoned after 2s', () => {
    const expected = storm(json, AS_WRITTEN);
    expectWithin(service(json, 'middle').wastedWorkMs, expected.middleWastedMs);
    expectWithin(service(json, 'backend').wastedWorkMs, expected.backendWastedMs);
    expect(service(json, 'middle').wastedWorkMs).toBeGreaterThan(1e6);
    expectWithin(json.failed, expected.failed);
  });
});

describe('the text timeline of the storm', () => {
  it('shows attempts per second and wasted work while the store is slow, not before it', async () => {
    const text = (await topo(['simulate', 'retry-storm.topo'], dir)).stdout;
    const header = text.split('\n').find((l) => l.trim().startsWith('t (s)'))!;
    expect(header.trim().split(/\s{2,}/)).toEqual(['t (s)', 'ok/s', 'p99 (ms)', 'failed', 'attempts/s', 'wasted ms']);
    const rows = text.split('\n').filter((l) => /^ {2}\d+-\d+\s/.test(l)).map((l) => l.trim().split(/\s+/));
    const at = (from: number) => rows.find((r) => r[0]!.startsWith(`${from}-`))!;
    const number = (cell: string) => Number(cell.replace(/,/g, ''));
    // The fault is 15s–45s; 4 rps that each make 3 attempts (edge → middle → backend → store) before it.
    expect(number(at(0)[4]!)).toBeLessThan(4 * 3 * 1.5);
    expect(number(at(0)[5]!)).toBe(0);
    expect(number(at(20)[4]!)).toBeGreaterThan(3 * number(at(0)[4]!));
    expect(number(at(20)[5]!)).toBeGreaterThan(1e5);
  });
});

describe('topo simulate examples/retry-storm.topo --compare fixed', () => {
  let text: Run;
  let written: Result;
  let fixed: Result;
  beforeAll(async () => {
    text = await topo(['simulate', 'retry-storm.topo', '--compare', 'fixed'], dir);
    const json = await topo(['simulate', 'retry-storm.topo', '--compare', 'fixed', '--format', 'json'], dir);
    [written, fixed] = (JSON.parse(json.stdout) as { compare: Result[] }).compare as [Result, Result];
  });

  it('runs the design as written and with its budgets fixed, on one scenario and seed', () => {
    expect([written.label, fixed.label]).toEqual(['as written', 'budgets fixed']);
    expect([fixed.scenario, fixed.seed]).toEqual([written.scenario, written.seed]);
    expect(fixed.timeline.map((p) => p.arrivals)).toEqual(written.timeline.map((p) => p.arrivals));
    expect(written.findings.errors).toBe(3);
    expect(fixed.findings).toEqual({ errors: 0, warnings: 1, infos: 0, byRule: { 'retry-amplification': 1 } });
  });

  it('prints each design’s findings, then the table side by side', () => {
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'design as written: 3 errors, 2 warnings (deadline-budget, retry-amplification, timeout-budget ×2, uniform-timeouts)',
      'design budgets fixed: 1 warning (retry-amplification)',
    ]);
    expect(text.stdout).toMatch(/^scenario storm, seed 1:$/m);
    expect(text.stdout).toMatch(/^\s+as written\s+budgets fixed$/m);
    for (const row of ['succeeded (%)', 'goodput (rps)', 'p50 of successes (ms)', 'p99 of successes (ms)', 'attempts (per request)', 'retries (count)', 'timeouts (count)', 'wasted work (ms)', 'wasted share of work (%)', 'wasted energy (kWh/month)', 'wasted carbon (kgCO2e/month)']) {
      expect(text.stdout).toContain(row);
    }
    expect(text.stdout).toMatch(/^middle$/m);
    expect(text.stdout).toMatch(/^ {2}wasted work \(ms\)\s+[\d,]+\s+0$/m);
  });

  it('still makes the store’s attempts, but the requests fail fast and no upstream service works for a caller that has gone', () => {
    const expected = storm(fixed, BUDGETS_FIXED);
    expectWithin(service(fixed, 'store').requests, expected.store);
    expectWithin(fixed.failed, expected.failed);
    expect(fixed.failed).toBeGreaterThan(0.2 * fixed.requests);
    for (const name of ['edge', 'middle', 'backend']) expect(service(fixed, name).wastedWorkMs).toBeLessThanOrEqual(0.001 * service(written, name).wastedWorkMs);
    // Fast: every failure is answered within the edge's 5s deadline, none left to the client's patience.
    expect(written.clientTimeouts).toBeGreaterThan(0);
    expect(fixed.clientTimeouts).toBe(0);
    expect(service(fixed, 'edge').latencyMs.max).toBeLessThan(5000);
  });
});

describe('topo simulate --compare: bad input', () => {
  beforeAll(() => {
    writeFileSync(join(dir, 'other.topo'), 'architecture other\nservice edge {\n  call store timeout 1s\n}\ndatastore store: cassandra\nscenario calm {\n  load 5 rps into edge for 5s\n}\n');
    writeFileSync(join(dir, 'broken.topo'), 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n');
    writeFileSync(join(dir, 'shares.topo'), 'architecture shares\nservice a {\n  route 60% b\n  route 60% c\n}\nservice b\nservice c\n');
  });

  const refused = async (argv: string[], message: string | RegExp, code = 2) => {
    const r = await topo(['simulate', ...argv], dir);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    return r;
  };

  it('a missing file to compare with', async () => {
    await refused(['retry-storm.topo', '--compare', 'missing.topo'], /^topo simulate: missing\.topo: no such file\n$/);
  });

  it('a scenario the other file lacks, or that neither has', async () => {
    await refused(['retry-storm.topo', '--compare', 'other.topo'], /^topo simulate: other\.topo: no scenario 'storm'; known: calm\n$/);
    await refused(['other.topo', '--compare', 'retry-storm.topo'], /^topo simulate: retry-storm\.topo: no scenario 'calm'; known: storm\n$/);
    await refused(['retry-storm.topo', '--compare', 'fixed', '--scenario', 'calm'], /^topo simulate: retry-storm\.topo: no scenario 'calm'; known: storm\n$/);
  });

  it('a file that cannot lower, on either side, each finding named with file and line', async () => {
    await refused(['retry-storm.topo', '--compare', 'broken.topo'], /^broken\.topo:3:8 error unresolved-reference .*\ntopo simulate: broken\.topo cannot be simulated: 1 finding the language cannot lower past \(unresolved-reference\)/, 1);
    await refused(['broken.topo', '--compare', 'fixed'], /^broken\.topo:3:8 error unresolved-reference /, 1);
    await refused(['shares.topo'], /^shares\.topo:3:\d+ error route-shares .*\ntopo simulate: shares\.topo cannot be simulated: 1 finding the language cannot lower past \(route-shares\)/, 1);
  });

  it('--compare with --trace or --sweep-rate', async () => {
    await refused(['retry-storm.topo', '--compare', 'fixed', '--trace', 'out.json'], /--compare runs one scenario twice; it does not go with --trace or --sweep-rate/);
    await refused(['retry-storm.topo', '--compare', 'fixed', '--sweep-rate', '1:2:1'], /--compare runs one scenario twice/);
  });

  it('compares two files that share the scenario', async () => {
    writeFileSync(join(dir, 'calm2.topo'), 'architecture calm2\nservice edge {\n  call store timeout 1s retries 1\n}\ndatastore store: cassandra\nscenario calm {\n  load 5 rps into edge for 5s\n}\n');
    const r = await topo(['simulate', 'other.topo', '--compare', 'calm2.topo', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const runs = (JSON.parse(r.stdout) as { compare: Result[] }).compare;
    expect(runs.map((x) => x.label)).toEqual(['other.topo', 'calm2.topo']);
    expect(runs[1]!.timeline.map((p) => p.arrivals)).toEqual(runs[0]!.timeline.map((p) => p.arrivals));
  });
});
