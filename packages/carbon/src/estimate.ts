// The carbon estimate of a model: CCF's operational and embodied emissions per component and
// region for a month, and with a simulated scenario's traffic, SCI per request.
import { components, type Component, type Model, type Region } from '@topo/model';
import { DEFAULT_UTILIZATION, HOURS_PER_MONTH, MEMORY_KWH_PER_GB_HOUR, NETWORK_KWH_PER_GB } from './constants.js';
import { regionFactors, type RegionFactors } from './grid.js';
import { instanceProfile } from './instance.js';
import { sumTotals, type CarbonReport, type ComponentRow, type RegionRow } from './report.js';
import { petalSavings, scaleToMonth, sciOf, type Traffic } from './traffic.js';
import { storageKWhPerMonth, storageNote } from './storage.js';

export interface CarbonOptions {
  /**
   * CPU utilisation, 0..1: one figure for every instance, or per component name, e.g. each
   * service's from a simulation (components it lacks take CCF's 50%). Default: 50%.
   */
  utilization?: number | ReadonlyMap<string, number>;
  /** Instances per region to count instead of the placement's, by component: an autoscaled one's mean over a simulation. */
  instances?: ReadonlyMap<string, number>;
  /** What a simulated scenario measured: SCI's R, and what petals and the network moved. */
  traffic?: Traffic;
}

function checkedUtilization(u: number, what: string): number {
  if (!(u >= 0 && u <= 1)) throw new RangeError(`utilisation of ${what} must be between 0 and 1, not ${u}`);
  return u;
}

function utilizationOf(options: CarbonOptions, name: string): number {
  const u = options.utilization;
  if (u === undefined) return DEFAULT_UTILIZATION;
  if (typeof u === 'number') return checkedUtilization(u, 'every component');
  const given = u.get(name);
  return given === undefined ? DEFAULT_UTILIZATION : checkedUtilization(given, name);
}

/** A region a component names but the model does not declare (a model with errors). */
function undeclared(name: string): Region {
  return { name, provider: 'aws', zones: [], implicit: false };
}

function componentRow(c: Component, region: string, f: RegionFactors, provider: Region['provider'], utilization: number, meanInstances: number | undefined): ComponentRow {
  const notes: string[] = [];
  let instances = 0;
  let computeKWh = 0;
  let memoryKWh = 0;
  let embodiedKg = 0;
  if (!c.managed && c.instanceType !== undefined) {
    instances = meanInstances ?? c.placement.filter((p) => p.region === region).reduce((n, p) => n + p.count, 0);
    const p = instanceProfile(c.instanceType, provider);
    notes.push(...p.notes);
    const vcpuHours = instances * p.vcpus * HOURS_PER_MONTH;
    // CCF: average watts = min + utilisation × (max − min); Wh = average watts × vCPU-hours.
    computeKWh = (vcpuHours * (p.watts.min + utilization * (p.watts.max - p.watts.min))) / 1000;
    memoryKWh = instances * p.memoryGB * HOURS_PER_MONTH * MEMORY_KWH_PER_GB_HOUR;
    // SCI's M = TE × (TR / EL) × (RR / TR): the host's share by vCPUs, for the hours reserved.
    embodiedKg = instances * p.embodiedKgPerHour * HOURS_PER_MONTH;
  }
  let storageKWh = 0;
  if (c.kind === 'datastore') {
    storageKWh = storageKWhPerMonth(c);
    const note = storageNote(c);
    if (note) notes.push(note);
  }
  const energy = (computeKWh + memoryKWh + storageKWh) * f.pue;
  const operational = (energy * f.grid) / 1000;
  return {
    name: c.name,
    kind: c.kind,
    region,
    instances,
    ...(c.instanceType !== undefined ? { instanceType: c.instanceType } : {}),
    utilization,
    computeKWhPerMonth: computeKWh,
    memoryKWhPerMonth: memoryKWh,
    storageKWhPerMonth: storageKWh,
    energyKWhPerMonth: energy,
    operationalKgCO2ePerMonth: operational,
    embodiedKgCO2ePerMonth: embodiedKg,
    totalKgCO2ePerMonth: operational + embodiedKg,
    share: 0,
    notes,
  };
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export function estimateCarbon(model: Model, options: CarbonOptions = {}): CarbonReport {
  const declared = new Map(model.regions.map((r) => [r.name, r]));
  const regionOf = (name: string) => declared.get(name) ?? undeclared(name);
  const factors = new Map<string, RegionFactors>();
  const factorsOf = (name: string): RegionFactors => {
    let f = factors.get(name);
    if (!f) factors.set(name, (f = regionFactors(regionOf(name))));
    return f;
  };
  for (const r of model.regions) factorsOf(r.name);

  const rows = components(model).flatMap((c) => {
    const utilization = utilizationOf(options, c.name);
    return c.regions.map((region) => componentRow(c, region, factorsOf(region), regionOf(region).provider, utilization, options.instances?.get(c.name)));
  });

  const traffic = options.traffic;
  const networkKWh = (region: string): number => {
    const gb = traffic?.networkGB?.get(region);
    if (traffic === undefined || gb === undefined) return 0;
    return scaleToMonth(gb, traffic) * NETWORK_KWH_PER_GB * factorsOf(region).pue;
  };
  const regions: RegionRow[] = [...factors.entries()].map(([name, f]) => {
    const net = networkKWh(name);
    const netKg = (net * f.grid) / 1000;
    const t = sumTotals(rows.filter((r) => r.region === name));
    return {
      name,
      provider: regionOf(name).provider,
      gridGCO2ePerKWh: f.grid,
      gridSource: f.gridSource,
      pue: f.pue,
      pueSource: f.pueSource,
      networkKWhPerMonth: net,
      energyKWhPerMonth: t.energyKWhPerMonth + net,
      operationalKgCO2ePerMonth: t.operationalKgCO2ePerMonth + netKg,
      embodiedKgCO2ePerMonth: t.embodiedKgCO2ePerMonth,
      totalKgCO2ePerMonth: t.totalKgCO2ePerMonth + netKg,
      share: 0,
    };
  });
  const totals = sumTotals(regions);
  for (const row of [...rows, ...regions]) row.share = share(row.totalKgCO2ePerMonth, totals.totalKgCO2ePerMonth);

  const notes: string[] = [];
  for (const r of regions) {
    if (declared.get(r.name)?.implicit) notes.push(`region ${r.name} is implicit: aws with us-east-1's grid intensity and PUE`);
    if (!declared.has(r.name)) notes.push(`region ${r.name} is not declared: taken as aws`);
    if (r.gridSource === 'provider-average')
      notes.push(`region ${r.name}: no ${r.provider} grid factor for this name in CCF's table; ${r.provider}'s average ${r.gridGCO2ePerKWh} gCO2e/kWh (set \`grid\` to override)`);
  }
  if (!traffic?.networkGB)
    notes.push('network energy (0.001 kWh per GB between zones and regions) is not estimated: a model has no message sizes to count gigabytes by');

  const petals = traffic ? petalSavings(model, traffic, factorsOf) : [];
  const sci = traffic ? sciOf(totals, petals, traffic) : undefined;
  if (traffic && !sci) notes.push('no SCI: the scenario sent no requests');
  return {
    architecture: model.name,
    hoursPerMonth: HOURS_PER_MONTH,
    ...totals,
    components: rows,
    regions,
    petals,
    ...(sci ? { sci } : {}),
    notes,
  };
}
