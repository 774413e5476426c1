// What thread time costs, by CCF's power model: a vCPU that serves a request draws its
// marginal watts (max − min) above the idle one it would otherwise be. Used for the work a
// simulation wasted on callers that gave up: the energy and carbon a month of that load
// would spend on nothing. The simulator is not imported: callers pass plain numbers.
import { componentIndex, totalInstances, type Model } from '@topo/model';
import { regionFactors } from './grid.js';
import { instanceProfile } from './instance.js';
import { scaleToMonth } from './traffic.js';

export interface ThreadTimeFootprint {
  energyKWhPerMonth: number;
  kgCO2ePerMonth: number;
}

/**
 * The month's energy and carbon of `ms` of thread time measured over `seconds` in the
 * component's instances (one thread busy on one vCPU, an upper bound: a thread waiting on a
 * call draws less), split over its regions by instance count, at each region's PUE and grid.
 * Undefined for a component without instances of a known type (managed, or absent).
 */
export function threadTimeFootprint(model: Model, component: string, ms: number, seconds: number): ThreadTimeFootprint | undefined {
  const c = componentIndex(model).get(component);
  const instances = c ? totalInstances(c) : 0;
  if (!c || c.managed || c.instanceType === undefined || instances === 0) return undefined;
  const vcpuHoursPerMonth = scaleToMonth(ms, { seconds }) / 3_600_000;
  let energyKWhPerMonth = 0;
  let kgCO2ePerMonth = 0;
  for (const r of model.regions) {
    const share = c.placement.filter((p) => p.region === r.name).reduce((n, p) => n + p.count, 0) / instances;
    if (share === 0) continue;
    const { watts } = instanceProfile(c.instanceType, r.provider);
    const f = regionFactors(r);
    const kWh = ((share * vcpuHoursPerMonth * (watts.max - watts.min)) / 1000) * f.pue;
    energyKWhPerMonth += kWh;
    kgCO2ePerMonth += (kWh * f.grid) / 1000;
  }
  return { energyKWhPerMonth, kgCO2ePerMonth };
}
