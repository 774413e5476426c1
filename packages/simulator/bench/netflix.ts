// The netflix example's `evening` scenario (2,000 rps for 60 s): wall and CPU time, simulated
// events per second, memory. Run from the repository root:
// node packages/runtime/bench/run.mjs packages/simulator/bench/netflix.ts
import '@topo/language/polyfill';
import { loadModel } from '@topo/language';
import { resolve } from 'node:path';
import { simulate } from '../src/index.js';

// Bundled into a temporary folder, so the example is found from the repository root.
const file = resolve('examples/netflix.topo');
const { model, findings } = await loadModel(process.argv[2] ?? file);
const errors = findings.filter((f) => f.severity === 'error');
if (errors.length > 0) throw new Error(`netflix.topo has errors: ${errors.map((f) => f.message).join('; ')}`);
for (let rep = 0; rep < 3; rep++) {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const r = await simulate(model, { scenario: 'evening' });
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `evening: ${r.requests} requests, ${r.events} events, wall ${r.wallMs}ms (${(r.events / r.wallMs / 1000).toFixed(2)}M events/s), ` +
      `cpu ${cpuMs.toFixed(0)}ms, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)}MB, p99 ${r.latencyMs.p99}ms`,
  );
}
