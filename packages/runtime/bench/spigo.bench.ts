// `npm run bench`: spigo's benchmark (100,000 processes, 500,000 messages). One iteration is
// 500,000 messages, so messages/s = 500,000 × the hz vitest reports.
import { bench, describe } from 'vitest';
import { spigoWorkload } from './spigo-workload.js';

describe('runtime: spigo fsm workload, 100,000 processes × 5 messages', () => {
  bench('callbacks', () => {
    spigoWorkload(100_000);
  }, { iterations: 5, warmupIterations: 1 });
});
