// A sweep as `topo simulate` and `topo report` run it: refused up front when the scenario has
// nothing the sweep scales or a run of it would be over the limits (before any run starts, not
// at its last point), then run on the bundled worker threads, its progress on a terminal.
import type { Model, Scenario } from '@topo/model';
import {
  DEFAULT_MAX_EVENTS,
  defaultMaxMemoryBytes,
  estimate,
  resolveScenario,
  ResourceLimitError,
  sweep,
  withRate,
  withUsers,
  type SweepOptions,
  type SweepOver,
  type SweepResult,
} from '@topo/simulator';
import { sweepRefusal } from '@topo/simulator/sweep-range';
import { InputError, UsageError, type CliIO } from './io.js';
import { progressLine } from './progress.js';
import { sweepWorkerUrl } from './sweep-worker-url.js';

type Options = Pick<SweepOptions, 'scenario' | 'seed' | 'maxEvents' | 'maxMemoryBytes' | 'jobs'> & { over: SweepOver };

/** The sweep's result; undefined when Ctrl-C stopped it. */
export async function runSweep(model: Model, values: readonly number[], options: Options, io: CliIO): Promise<SweepResult | undefined> {
  const scenario = resolveScenario(model, options.scenario);
  const refusal = sweepRefusal(scenario, options.over);
  if (refusal) throw new UsageError(refusal);
  requireWithinLimits(model, scenario, values, options);
  const progress = progressLine(io);
  let done = 0;
  progress.show(`sweeping: 0 of ${values.length} runs`);
  try {
    const workerUrl = sweepWorkerUrl();
    return await sweep(model, values, {
      ...options,
      onPoint: () => progress.show(`sweeping: ${++done} of ${values.length} runs  (Ctrl-C stops)`),
      ...(workerUrl ? { workerUrl } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    progress.clear();
  }
}

/** Throws, as `topo simulate` does for one run, when a run of the sweep is estimated over the limits. */
function requireWithinLimits(model: Model, scenario: Scenario, values: readonly number[], options: Options): void {
  const limit = { maxEvents: options.maxEvents ?? DEFAULT_MAX_EVENTS, maxMemoryBytes: options.maxMemoryBytes ?? defaultMaxMemoryBytes() };
  for (const value of values) {
    const e = estimate(model, options.over === 'rps' ? withRate(scenario, value) : withUsers(scenario, value));
    if (e.events <= limit.maxEvents && e.memoryBytes <= limit.maxMemoryBytes) continue;
    const run = options.over === 'rps' ? `at ${value} rps` : `with ${value} user${value === 1 ? '' : 's'}`;
    throw new InputError(`the sweep's run ${run}: ${new ResourceLimitError(e, limit).message}`);
  }
}
