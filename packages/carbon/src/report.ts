// The shape of a carbon estimate, as the CLI prints it as JSON and the editor shows it.
import type { ComponentKind, Provider } from '@topo/model';
import type { FactorSource } from './grid.js';

/** Per month of 730 hours. Energy is at the facility: IT energy × PUE, as CCF reports it. */
export interface CarbonTotals {
  energyKWhPerMonth: number;
  operationalKgCO2ePerMonth: number;
  embodiedKgCO2ePerMonth: number;
  totalKgCO2ePerMonth: number;
}

/** One component in one of its regions. */
export interface ComponentRow extends CarbonTotals {
  name: string;
  kind: ComponentKind;
  region: string;
  /** Instances in this region (an autoscaled component's mean over a simulation); 0 for managed datastores. */
  instances: number;
  instanceType?: string;
  /** CPU utilisation the compute energy assumes, 0..1. */
  utilization: number;
  /** IT energy before PUE, kWh per month, by CCF's usage classes. */
  computeKWhPerMonth: number;
  memoryKWhPerMonth: number;
  storageKWhPerMonth: number;
  /** Fraction of the architecture's total kgCO2e. */
  share: number;
  /** Assumptions made for this row (an instance type outside the catalog, no `storage`). */
  notes: string[];
}

export interface RegionRow extends CarbonTotals {
  name: string;
  provider: Provider;
  gridGCO2ePerKWh: number;
  gridSource: FactorSource;
  pue: number;
  pueSource: Exclude<FactorSource, 'provider-average'>;
  /** Energy of traffic between zones and regions sent from here, when a simulation gave it. */
  networkKWhPerMonth: number;
  share: number;
}

/** Energy a petal saves by skipping encode and decode for the messages between its members. */
export interface PetalSaving {
  name: string;
  region: string;
  messagesPerMonth: number;
  energyKWhPerMonth: number;
  kgCO2ePerMonth: number;
}

/** Software Carbon Intensity (ISO/IEC 21031:2024): ((E × I) + M) per R. */
export interface Sci {
  /** R: requests into the architecture over `seconds` of the simulated scenario. */
  requests: number;
  seconds: number;
  gCO2ePer1000Requests: number;
  operationalGCO2ePer1000Requests: number;
  embodiedGCO2ePer1000Requests: number;
  /** What petals avoided per 1,000 requests (already absent from the figures above). */
  petalSavingsGCO2ePer1000Requests: number;
}

export interface CarbonReport extends CarbonTotals {
  architecture: string;
  hoursPerMonth: number;
  components: ComponentRow[];
  regions: RegionRow[];
  petals: PetalSaving[];
  sci?: Sci;
  /** Assumptions that touch the whole estimate: regions on a provider average, no network. */
  notes: string[];
}

/** A component's totals over all its regions, for a hover or code lens; undefined if absent. */
export function componentCarbon(report: CarbonReport, name: string): CarbonTotals | undefined {
  const rows = report.components.filter((c) => c.name === name);
  return rows.length === 0 ? undefined : sumTotals(rows);
}

export function sumTotals(rows: readonly CarbonTotals[]): CarbonTotals {
  const t: CarbonTotals = { energyKWhPerMonth: 0, operationalKgCO2ePerMonth: 0, embodiedKgCO2ePerMonth: 0, totalKgCO2ePerMonth: 0 };
  for (const r of rows) {
    t.energyKWhPerMonth += r.energyKWhPerMonth;
    t.operationalKgCO2ePerMonth += r.operationalKgCO2ePerMonth;
    t.embodiedKgCO2ePerMonth += r.embodiedKgCO2ePerMonth;
    t.totalKgCO2ePerMonth += r.totalKgCO2ePerMonth;
  }
  return t;
}
