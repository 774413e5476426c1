// Grid carbon intensity per cloud region, offline, from Cloud Carbon Footprint's emission
// factor tables (Methodology, Appendix V, and the *_EMISSIONS_FACTORS_METRIC_TON_PER_KWH
// tables of packages/{aws,gcp,azure}/src/domain/*FootprintEstimationConstants.ts, March 2024).
// CCF writes metric tons per kWh; here they are gCO2e/kWh (× 1,000,000), the unit of a
// region's `grid`. Why CCF's table rather than CO2.js: docs/carbon.md, "Grid intensity".
import { IMPLICIT_REGION, type Provider, type Region } from '@topo/model';
import { GCP_REGION_PUE, PROVIDER_PUE } from './constants.js';

// US regions take EPA eGRID2020 factors of their NERC region (US_NERC_REGIONS_EMISSIONS_FACTORS).
const SERC = 379.069;
const RFC = 410.608;
const WECC = 322.167;
const MRO = 426.254;
const TRE = 373.231;

const AWS: Readonly<Record<string, number>> = {
  'us-east-1': SERC,
  'us-east-2': RFC,
  'us-west-1': WECC,
  'us-west-2': WECC,
  'us-gov-east-1': SERC,
  'us-gov-west-1': WECC,
  'af-south-1': 900.6,
  'ap-east-1': 710,
  'ap-south-1': 708.2,
  'ap-northeast-1': 465.8,
  'ap-northeast-2': 415.6,
  'ap-northeast-3': 465.8,
  'ap-southeast-1': 408,
  'ap-southeast-2': 760,
  'ap-southeast-3': 717.7,
  'ca-central-1': 120,
  'cn-north-1': 537.4,
  'cn-northwest-1': 537.4,
  'eu-central-1': 311,
  'eu-west-1': 278.6,
  'eu-west-2': 225,
  'eu-west-3': 51.1,
  'eu-south-1': 213.4,
  'eu-north-1': 8.8,
  'me-south-1': 505.9,
  'me-central-1': 404.1,
  'sa-east-1': 61.7,
};

// Google's published grid factors without its carbon-free-energy share: CCF's default
// (GCP_USE_CARBON_FREE_ENERGY_PERCENTAGE unset), a location-based figure like the others.
const GCP: Readonly<Record<string, number>> = {
  'us-central1': 456,
  'us-central2': 456,
  'us-east1': 434,
  'us-east4': 309,
  'us-east5': 309,
  'us-south1': 296,
  'us-west1': 60,
  'us-west2': 190,
  'us-west3': 448,
  'us-west4': 365,
  'asia-east1': 456,
  'asia-east2': 360,
  'asia-northeast1': 464,
  'asia-northeast2': 384,
  'asia-northeast3': 425,
  'asia-south1': 670,
  'asia-south2': 671,
  'asia-southeast1': 372,
  'asia-southeast2': 580,
  'australia-southeast1': 598,
  'australia-southeast2': 521,
  'europe-central2': 576,
  'europe-north1': 127,
  'europe-southwest1': 121,
  'europe-west1': 110,
  'europe-west2': 172,
  'europe-west3': 269,
  'europe-west4': 283,
  'europe-west6': 86,
  'europe-west8': 298,
  'europe-west9': 59,
  'northamerica-northeast1': 28,
  'northamerica-northeast2': 29,
  'southamerica-east1': 129,
  'southamerica-west1': 190,
};

// Azure's deployable regions by their ARM names (CCF also lists geographies and staging names).
const AZURE: Readonly<Record<string, number>> = {
  centralus: MRO,
  eastus: SERC,
  eastus2: SERC,
  northcentralus: RFC,
  southcentralus: TRE,
  westcentralus: WECC,
  westus: WECC,
  westus2: WECC,
  westus3: WECC,
  canadacentral: 120,
  canadaeast: 120,
  brazilsouth: 61.7,
  brazilsoutheast: 61.7,
  northeurope: 278.6,
  westeurope: 328.4,
  francecentral: 51.28,
  francesouth: 51.28,
  germanynorth: 338.66,
  germanywestcentral: 338.66,
  norwayeast: 7.62,
  norwaywest: 7.62,
  swedencentral: 5.67,
  switzerlandnorth: 11.52,
  switzerlandwest: 11.52,
  uksouth: 225,
  ukwest: 225,
  uaecentral: 404.1,
  uaenorth: 404.1,
  southafricanorth: 900.6,
  southafricawest: 900.6,
  australiacentral: 790,
  australiacentral2: 790,
  australiaeast: 790,
  australiasoutheast: 960,
  eastasia: 710,
  southeastasia: 408,
  japaneast: 465.8,
  japanwest: 465.8,
  koreacentral: 415.6,
  koreasouth: 415.6,
  centralindia: 708.2,
  southindia: 708.2,
  westindia: 708.2,
  jioindiacentral: 708.2,
  jioindiawest: 708.2,
};

const BY_PROVIDER: Record<Exclude<Provider, 'onprem'>, Readonly<Record<string, number>>> = { aws: AWS, gcp: GCP, azure: AZURE };

/**
 * Where a region's name is not in the table: CCF's "Unknown" factor, the average of the
 * provider's table (AWS 0.00039278188, GCP 0.0003171470588, Azure 0.0003512799615 t/kWh);
 * onprem: the average of CCF's on-premise table (0.0003228315385 t/kWh).
 */
const PROVIDER_AVERAGE_GRID: Record<Provider, number> = {
  aws: 392.78188,
  gcp: 317.1470588,
  azure: 351.2799615,
  onprem: 322.8315385,
};

/** Where a factor came from: the model's `grid`/`pue`, CCF's table, or a provider average. */
export type FactorSource = 'model' | 'ccf' | 'provider-average';

export interface RegionFactors {
  /** gCO2e per kWh. */
  grid: number;
  gridSource: FactorSource;
  pue: number;
  pueSource: Exclude<FactorSource, 'provider-average'>;
}

/** The CCF table entry for a provider's region name, if it has one. */
function tableGrid(provider: Provider, name: string): number | undefined {
  if (provider === 'onprem') return undefined;
  const table = BY_PROVIDER[provider];
  const key = provider === 'azure' ? name.toLowerCase() : name;
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Grid intensity and PUE of a region: its own `grid`/`pue` first, then CCF's figures. */
export function regionFactors(region: Region): RegionFactors {
  // The implicit region `default` stands for aws us-east-1 (language reference, "Defaults").
  const name = region.implicit ? IMPLICIT_REGION.gridOf : region.name;
  const table = tableGrid(region.provider, name);
  const [grid, gridSource]: [number, FactorSource] =
    region.grid !== undefined
      ? [region.grid, 'model']
      : table !== undefined
        ? [table, 'ccf']
        : [PROVIDER_AVERAGE_GRID[region.provider], 'provider-average'];
  const pue =
    region.pue ?? (region.provider === 'gcp' && Object.hasOwn(GCP_REGION_PUE, name) ? GCP_REGION_PUE[name]! : PROVIDER_PUE[region.provider]);
  return { grid, gridSource, pue, pueSource: region.pue !== undefined ? 'model' : 'ccf' };
}
