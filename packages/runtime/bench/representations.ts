// Measures the process representations the runtime could use, on the spigo-style workload:
// callbacks (continuations passed to every operation) against generators driven by the
// scheduler. Run: node packages/runtime/bench/run.mjs representations
import { Runtime, type Channel, type Process } from '../src/index.js';
import { spigoWorkload, type Greeting } from './spigo-workload.js';

type Msg = Greeting;

function callbacks(n: number): number {
  return spigoWorkload(n).delivered;
}

// A minimal generator driver: a process yields an operation, the scheduler resumes it with the result.
type Op = { recv: Channel<Msg> } | { send: Channel<Msg>; value: Msg };
function go(rt: Runtime, body: (p: Process) => Generator<Op, void, Msg | undefined>): void {
  rt.spawn((p) => {
    const g = body(p);
    const resume = (v: Msg | undefined): void => {
      const r = g.next(v);
      if (r.done) return;
      const op = r.value;
      if ('recv' in op) p.recv(op.recv, resume);
      else p.send(op.send, op.value, resume as () => void);
    };
    resume(undefined);
  });
}

function generators(n: number): number {
  const rt = new Runtime({ seed: 1 });
  const inbox: Channel<Msg>[] = [];
  let delivered = 0;
  for (let i = 0; i < n; i++) inbox.push(rt.chan<Msg>(5));
  for (let i = 0; i < n; i++) {
    go(rt, function* () {
      yield { recv: inbox[i]! };
      delivered++;
      for (let s = 0; s < 4; s++) yield { send: inbox[(i + 1 + s) % n]!, value: { from: i } };
      for (let r = 0; r < 4; r++) {
        yield { recv: inbox[i]! };
        delivered++;
      }
    });
  }
  go(rt, function* () {
    for (let i = 0; i < n; i++) yield { send: inbox[i]!, value: { from: -1 } };
  });
  rt.run();
  return delivered;
}

function measure(name: string, f: (n: number) => number, n: number): void {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  const t0 = performance.now();
  const delivered = f(n);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const after = process.memoryUsage();
  console.log(
    `${name.padEnd(10)} n=${String(n).padStart(9)} delivered=${delivered} ${(delivered / (ms / 1000) / 1e6).toFixed(2)}M msgs/s ` +
      `${ms.toFixed(0)}ms heap+${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)}MB rss=${(after.rss / 2 ** 20).toFixed(0)}MB`,
  );
}

for (const n of (process.argv[2] ? [Number(process.argv[2])] : [100_000, 1_000_000])) {
  for (let rep = 0; rep < 3; rep++) {
    measure('callbacks', callbacks, n);
    measure('generators', generators, n);
  }
}
