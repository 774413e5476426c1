// What a simulated scenario adds to an estimate: R for SCI, and what petals saved.
import type { Model, Provider } from '@topo/model';
import { componentIndex } from '@topo/model';
import { HOURS_PER_MONTH, PROVIDER_WATTS } from './constants.js';
import type { RegionFactors } from './grid.js';
import { instanceProfile } from './instance.js';
import type { CarbonTotals, PetalSaving, Sci } from './report.js';

/** Counts measured over `seconds` of a simulated scenario (after its warmup). */
export interface Traffic {
  seconds: number;
  /** SCI's R: requests that entered the architecture. */
  requests: number;
  /** Messages between members of each petal (by petal name) that skipped encode and decode. */
  petalMessages?: ReadonlyMap<string, number>;
  /** Gigabytes sent between zones or regions, by sending region. */
  networkGB?: ReadonlyMap<string, number>;
}

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** A count over the traffic's window, at the same rate for a month. */
export function scaleToMonth(count: number, traffic: Pick<Traffic, 'seconds'>): number {
  if (!(traffic.seconds > 0)) throw new RangeError(`traffic must be measured over a positive time, not ${traffic.seconds}s`);
  return (count * SECONDS_PER_MONTH) / traffic.seconds;
}

/**
 * Watts a busy vCPU draws above an idle one, (max − min) in CCF's linear model, averaged over
 * the petal's members: the power that encoding would have cost while it ran.
 */
function marginalWatts(model: Model, members: readonly string[], provider: Provider): number {
  const index = componentIndex(model);
  const per = members.flatMap((m) => {
    const type = index.get(m)?.instanceType;
    if (type === undefined) return [];
    const { watts } = instanceProfile(type, provider);
    return [watts.max - watts.min];
  });
  if (per.length === 0) return PROVIDER_WATTS[provider].max - PROVIDER_WATTS[provider].min;
  return per.reduce((a, b) => a + b, 0) / per.length;
}

/** Per petal: messages × `network.encode` of CPU time, at the members' marginal watts × PUE. */
export function petalSavings(model: Model, traffic: Traffic, factorsOf: (region: string) => RegionFactors): PetalSaving[] {
  const regionProvider = new Map(model.regions.map((r) => [r.name, r.provider]));
  return model.petals.flatMap((p) => {
    const messages = traffic.petalMessages?.get(p.name);
    if (messages === undefined) return [];
    const perMonth = scaleToMonth(messages, traffic);
    const cpuHours = (perMonth * model.network.encodeMs) / 3_600_000;
    const f = factorsOf(p.region);
    const energy = ((cpuHours * marginalWatts(model, p.members, regionProvider.get(p.region) ?? 'aws')) / 1000) * f.pue;
    return [{ name: p.name, region: p.region, messagesPerMonth: perMonth, energyKWhPerMonth: energy, kgCO2ePerMonth: (energy * f.grid) / 1000 }];
  });
}

/**
 * SCI = ((E × I) + M) per R (ISO/IEC 21031:2024). Over the traffic's window, E × I + M is the
 * month's operational + embodied kgCO2e × window / month; per 1,000 requests in grams.
 */
export function sciOf(totals: CarbonTotals, petals: readonly PetalSaving[], traffic: Traffic): Sci | undefined {
  if (traffic.requests <= 0) return undefined;
  const requestsPerMonth = scaleToMonth(traffic.requests, traffic);
  const per1000 = (kg: number) => (kg * 1000 * 1000) / requestsPerMonth;
  return {
    requests: traffic.requests,
    seconds: traffic.seconds,
    gCO2ePer1000Requests: per1000(totals.totalKgCO2ePerMonth),
    operationalGCO2ePer1000Requests: per1000(totals.operationalKgCO2ePerMonth),
    embodiedGCO2ePer1000Requests: per1000(totals.embodiedKgCO2ePerMonth),
    petalSavingsGCO2ePer1000Requests: per1000(petals.reduce((n, p) => n + p.kgCO2ePerMonth, 0)),
  };
}
