// A sweep: the scenario run at each of a list of rates (or numbers of users), several at
// once on worker threads, giving throughput against response time (the bottleneck-analysis
// chart) and a Universal Scalability Law fit of throughput against concurrency.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Model } from '@topo/model';
import type { SimulationResult } from './result.js';
import { simulate, type SimulateOptions } from './simulate.js';
import { fitUsl, type UslFit } from './usl.js';

export interface SweepPoint {
  /** The rate offered: the run's rate in a rate sweep, the rate its users sent in a users sweep. */
  rps: number;
  /** In a users sweep: the users of the run. */
  users?: number;
  throughputRps: number;
  p50Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  failed: number;
  requests: number;
  /** Mean requests in flight, by Little's law: throughput × mean response time. */
  concurrency: number;
}

/** What a sweep varies: the open loads' total rate, or the closed workloads' users. */
export type SweepOver = 'rps' | 'users';

export interface SweepResult {
  over: SweepOver;
  scenario: string;
  seed: number;
  points: SweepPoint[];
  usl: UslFit | null;
}

/** The options one run of a sweep takes (what a worker thread receives). */
export type SweepRunOptions = Pick<SimulateOptions, 'scenario' | 'seed' | 'maxEvents' | 'maxMemoryBytes'> & ({ rps: number } | { users: number });

export function sweepPoint(over: SweepOver, value: number, r: SimulationResult): SweepPoint {
  const mean = r.latencyMs.mean;
  return {
    ...(over === 'rps' ? { rps: value } : { rps: r.measuredSeconds === 0 ? 0 : r.requests / r.measuredSeconds, users: value }),
    throughputRps: r.throughputRps,
    p50Ms: r.latencyMs.p50,
    p99Ms: r.latencyMs.p99,
    meanMs: mean,
    failed: r.failed,
    requests: r.requests,
    concurrency: mean === null ? 0 : (r.throughputRps * mean) / 1000,
  };
}

/** One run on a worker thread; an abort terminates the thread and rejects with the signal's reason. */
function runInWorker(workerUrl: URL, model: Model, options: SweepRunOptions, signal: AbortSignal | undefined): Promise<SimulationResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl, { workerData: { model, options } });
    const abort = (): void => {
      void w.terminate();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    const settled = (): void => signal?.removeEventListener('abort', abort);
    w.once('message', (m: { result?: SimulationResult; error?: string }) => {
      settled();
      if (m.result) resolve(m.result);
      else reject(new Error(m.error));
    });
    w.once('error', (e) => {
      settled();
      reject(e);
    });
    w.once('exit', (code) => {
      settled();
      if (code !== 0) reject(new Error(`sweep worker exited with code ${code}`));
    });
  });
}

export interface SweepOptions extends Pick<SimulateOptions, 'scenario' | 'seed' | 'maxEvents' | 'maxMemoryBytes'> {
  /** What the values are: total rates (the default) or total users. */
  over?: SweepOver;
  /** Runs at once: by default one per core on worker threads, given the worker, else 1. */
  jobs?: number;
  /** The bundled sweep worker (sweep-worker.ts); without it the runs go one after another here. */
  workerUrl?: URL;
  onPoint?: (p: SweepPoint) => void;
  /** When aborted the sweep stops at once (the runs under way too) and resolves to undefined: its runs make sense only together. */
  signal?: AbortSignal;
}

/** Runs the scenario at each value; without a signal it always has a result. */
export async function sweep(model: Model, values: readonly number[], options?: SweepOptions & { signal?: undefined }): Promise<SweepResult>;
export async function sweep(model: Model, values: readonly number[], options?: SweepOptions): Promise<SweepResult | undefined>;
export async function sweep(model: Model, values: readonly number[], options: SweepOptions = {}): Promise<SweepResult | undefined> {
  const { workerUrl, jobs = workerUrl ? availableParallelism() : 1, onPoint, over = 'rps', signal, ...runOptions } = options;
  const results: SimulationResult[] = new Array(values.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < values.length) {
      signal?.throwIfAborted();
      const i = next++;
      const opts: SweepRunOptions = { ...runOptions, ...(over === 'rps' ? { rps: values[i]! } : { users: values[i]! }) };
      results[i] = workerUrl && jobs > 1 ? await runInWorker(workerUrl, model, opts, signal) : await simulate(model, { ...opts, ...(signal ? { signal } : {}) });
      // A run stopped by the signal measured only part of its time: not a point.
      signal?.throwIfAborted();
      onPoint?.(sweepPoint(over, values[i]!, results[i]!));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, values.length)) }, lane));
  } catch (e) {
    if (signal?.aborted) return undefined;
    throw e;
  }
  const points = values.map((value, i) => sweepPoint(over, value, results[i]!));
  return {
    over,
    scenario: results[0]?.scenario ?? '',
    seed: results[0]?.seed ?? 0,
    points,
    usl: fitUsl(points.map((p) => ({ concurrency: p.concurrency, throughput: p.throughputRps }))),
  };
}
