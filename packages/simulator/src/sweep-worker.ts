// A worker thread of a rate sweep: runs one simulation and posts its result.
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '@topo/model';
import { simulate } from './simulate.js';
import type { SweepRunOptions } from './sweep.js';

const { model, options } = workerData as { model: Model; options: SweepRunOptions };
simulate(model, options).then(
  (result) => parentPort!.postMessage({ result }),
  (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
);
