// Carbon from a simulated run, in plain numbers (the simulator is not imported; its result
// fits `MeasuredRun`): each component's CPU utilisation and an autoscaled one's mean
// instances, and what a change of instance counts (right-sizing) saves or costs per month.
import { components, instanceType, type Model } from '@topo/model';
import { DEFAULT_UTILIZATION } from './constants.js';
import { diffCarbon, type CarbonDiff } from './diff.js';
import { estimateCarbon, type CarbonOptions } from './estimate.js';

/** What a run measured. */
export interface MeasuredRun {
  measuredSeconds: number;
  requests: number;
  petalMessages: Record<string, number>;
  services: ReadonlyArray<{ name: string; requests: number; instanceHours: number }>;
}

/**
 * SCI's requests; each component's CPU utilisation as the work it did (requests × mean
 * work) over the vCPU time its instances had; and an autoscaled component's mean instances
 * per region (its instance-hours over the measured time). (The simulator's own utilisation
 * counts threads held, waits on calls included.)
 */
export function simulatedCarbonOptions(model: Model, run: MeasuredRun): CarbonOptions {
  const utilization = new Map<string, number>();
  const instances = new Map<string, number>();
  for (const c of components(model)) {
    const measured = run.services.find((s) => s.name === c.name);
    const vcpus = c.instanceType ? instanceType(c.instanceType)?.vcpus : undefined;
    if (!measured || !vcpus || measured.instanceHours === 0 || run.measuredSeconds <= 0) continue;
    const instanceMs = measured.instanceHours * 3.6e6;
    if (c.autoscale) instances.set(c.name, instanceMs / 1000 / run.measuredSeconds / c.regions.length);
    utilization.set(c.name, Math.min(1, (measured.requests * c.work.meanMs) / (instanceMs * vcpus)));
  }
  const petalMessages = new Map(Object.entries(run.petalMessages));
  return { utilization, instances, traffic: { seconds: run.measuredSeconds, requests: run.requests, petalMessages } };
}

/** A component's instances per region, now and after. */
export interface Resize {
  name: string;
  instances: number;
  suggested: number;
}

/**
 * The month's carbon before and after the resizes, per component and in total: the same work
 * on the new count, so each instance's CPU utilisation scales by before / after (at most 100%).
 */
export function resizedCarbon(model: Model, options: CarbonOptions, resizes: readonly Resize[]): CarbonDiff {
  const given = options.utilization;
  const before = (name: string) => (typeof given === 'number' ? given : given?.get(name)) ?? DEFAULT_UTILIZATION;
  const utilization = new Map(components(model).map((c) => [c.name, before(c.name)]));
  const instances = new Map(options.instances);
  for (const r of resizes) {
    instances.set(r.name, r.suggested);
    if (r.suggested > 0) utilization.set(r.name, Math.min(1, (before(r.name) * r.instances) / r.suggested));
  }
  return diffCarbon(estimateCarbon(model, options), estimateCarbon(model, { ...options, instances, utilization }));
}
