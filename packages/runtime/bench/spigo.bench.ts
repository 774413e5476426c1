// `npm run bench`: spigo's benchmark (100,000 processes, 500,000 messages). One iteration is
// 500,000 messages, so messages/s = 500,000 × the hz vitest reports. A run that delivered
// anything else throws, and the benchmark fails instead of timing it.
import { bench, describe } from 'vitest';
import { spigoWorkload } from './spigo-workload.js';

describe('runtime: spigo fsm workload, 100,000 processes × 5 messages', () => {
  bench('callbacks', () => {
    const { delivered } = spigoWorkload(100_000);
    if (delivered !== 500_000) throw new Error(`delivered ${delivered} messages, not 500,000`);
  }, { iterations: 5, warmupIterations: 1, throws: true });
});
