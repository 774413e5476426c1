// `npm run bench`: the netflix example's `evening` scenario (2,000 rps for 60 s; goal ≤ 3 s
// per run on the 2-core machine). For events per second and memory, run bench/netflix.ts.
import '@topo/language/polyfill';
import { loadModel } from '@topo/language';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { simulate } from '../src/index.js';

const { model } = await loadModel(resolve(__dirname, '../../../examples/netflix.topo'));

describe('simulator: examples/netflix.topo, scenario evening', () => {
  bench('2,000 rps for 60 s', async () => {
    await simulate(model, { scenario: 'evening' });
  }, { iterations: 3, warmupIterations: 1 });
});
