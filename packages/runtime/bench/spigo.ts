// spigo's benchmark on this runtime, with wall and CPU time and memory, at 100,000 and
// 1,000,000 processes (linearity). Run: node packages/runtime/bench/run.mjs spigo [N...]
import { spigoWorkload } from './spigo-workload.js';

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];
for (const n of sizes) {
  for (let rep = 0; rep < 3; rep++) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { delivered } = spigoWorkload(n);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const mem = process.memoryUsage();
    console.log(
      `n=${n} delivered=${delivered} wall=${wall.toFixed(0)}ms (${(delivered / wall / 1000).toFixed(2)}M msgs/s) ` +
        `cpu=${cpuMs.toFixed(0)}ms (${(delivered / cpuMs / 1000).toFixed(2)}M msgs/s of CPU) ` +
        `heap+${((mem.heapUsed - heapBefore) / 2 ** 20).toFixed(0)}MB rss=${(mem.rss / 2 ** 20).toFixed(0)}MB`,
    );
  }
}
