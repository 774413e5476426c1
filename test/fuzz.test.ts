// Robustness: generated and mutated models go through the whole pipeline without an
// exception escaping, each stage within a bound, errors as diagnostics with positions.
// A short run here; `npm run fuzz` runs longer (FUZZ_RUNS).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createElk } from '@topo/diagram';
import { parseModelFromString } from '@topo/language';
import { architecture, cleanArchitecture, deeplyNested, mutated } from './fuzz/arbitraries.js';
import { runPipeline } from './fuzz/pipeline.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** Generous on a loaded 2-core machine; a hang or an explosion blows far past it. */
const STAGE_BOUND_MS = 20_000;
const elk = createElk();
afterAll(() => elk.terminateWorker());

const withinBounds = (times: Record<string, number | undefined>) => {
  for (const [stage, ms] of Object.entries(times)) if (ms !== undefined && ms > STAGE_BOUND_MS) throw new Error(`${stage} took ${ms.toFixed(0)} ms`);
};

let simulated = 0;
const run = async (text: string) => {
  const started = performance.now();
  const times = await runPipeline(text, elk);
  if (process.env.FUZZ_LOG && performance.now() - started > 2000) console.log('SLOW', JSON.stringify(times), JSON.stringify(text));
  if (times.simulate !== undefined) simulated++;
  withinBounds({ ...times });
};

describe('fuzz: the pipeline never crashes nor hangs', () => {
  it('on generated architectures', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(architecture, cleanArchitecture), run), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 42) });
  }, RUNS * 5_000);

  it('on truncated and corrupted architectures', async () => {
    await fc.assert(fc.asyncProperty(mutated(fc.oneof(architecture, cleanArchitecture)), run), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 7) });
  }, RUNS * 5_000);

  it('simulated some of them (half the generated models are free of errors)', () => {
    expect(simulated).toBeGreaterThan(0);
  });

  it('on deep nesting, and reports it as syntax', async () => {
    const { findings } = await parseModelFromString(deeplyNested(500));
    expect(findings.some((f) => f.code === 'syntax')).toBe(true);
  });

  it('on a file of garbage bytes', async () => {
    const { findings } = await parseModelFromString('\u0000\u0001}{%%%"unterminated\n/* open comment');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.code === 'syntax')).toBe(true);
  });
});
