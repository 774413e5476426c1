// The Cloud Carbon Footprint (CCF) coefficients, each with where CCF publishes it.
// "Methodology" is https://www.cloudcarbonfootprint.org/docs/methodology (the source of
// microsite/docs/HowItWorks/Methodology.md in github.com/cloud-carbon-footprint/
// cloud-carbon-footprint); "AWS/GCP/Azure constants" are packages/{aws,gcp,azure}/src/domain/
// *FootprintEstimationConstants.ts of that repository (March 2024), the values CCF's
// estimator runs with. Where the two disagree the constants win, and docs/carbon.md says so.
import type { Microarchitecture, Provider } from '@topo/model';

/** A month, as CCF and cloud billing count it: 730 hours (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

/** Server life for embodied emissions: 4 years = 35,040 hours (SERVER_EXPECTED_LIFESPAN). */
export const SERVER_LIFESPAN_HOURS = 35_040;

/** Average CPU utilisation of hyperscale servers, CCF's fallback (AVG_CPU_UTILIZATION_2020). */
export const DEFAULT_UTILIZATION = 0.5;

/** Memory: 0.000392 kWh per GB-hour (MEMORY_COEFFICIENT; Methodology, "Memory"). */
export const MEMORY_KWH_PER_GB_HOUR = 0.000392;

/** Storage: SSD 1.2 and HDD 0.65 Wh per TB-hour (SSDCOEFFICIENT, HDDCOEFFICIENT). */
export const SSD_WH_PER_TB_HOUR = 1.2;
export const HDD_WH_PER_TB_HOUR = 0.65;

/** Networking between data centres: 0.001 kWh per GB (NETWORKING_COEFFICIENT). */
export const NETWORK_KWH_PER_GB = 0.001;

/** Watts per vCPU at 0% and 100% utilisation. */
export interface Watts {
  min: number;
  max: number;
}

/**
 * Min and max watts per vCPU by microarchitecture, from SPECpower (MIN_WATTS_BY_COMPUTE_PROCESSOR
 * and MAX_WATTS_BY_COMPUTE_PROCESSOR; the CPU rows are the same in the AWS, GCP and Azure
 * constants). CCF has no Ice Lake row: such types take their provider's average, as in CCF.
 */
export const WATTS_BY_MICROARCHITECTURE: Partial<Record<Microarchitecture, Watts>> = {
  'Cascade Lake': { min: 0.64, max: 3.97 },
  Skylake: { min: 0.65, max: 4.26 },
  Broadwell: { min: 0.71, max: 3.69 },
  Haswell: { min: 1, max: 4.74 },
  'Coffee Lake': { min: 1.14, max: 5.42 },
  'Sandy Bridge': { min: 2.17, max: 8.58 },
  'Ivy Bridge': { min: 3.04, max: 8.25 },
  'EPYC 1st Gen': { min: 0.82, max: 2.55 },
  'EPYC 2nd Gen': { min: 0.47, max: 1.69 },
  'EPYC 3rd Gen': { min: 0.45, max: 2.02 },
  // Methodology, Appendix II: no reliable figure for Graviton2 yet, so EPYC 2nd Gen's, the lowest.
  Graviton2: { min: 0.47, max: 1.69 },
};

/**
 * Watts per vCPU where the microarchitecture is unknown: AWS average 0.74–3.5 (MIN_WATTS_AVG,
 * MAX_WATTS_AVG), GCP median 0.68–4.11 (MIN_WATTS_MEDIAN, MAX_WATTS_MEDIAN), Azure average
 * 0.74–3.54. onprem: CCF's on-premise estimates use whole-machine watts, not per-vCPU ones,
 * so Topo takes AWS's averages there.
 */
export const PROVIDER_WATTS: Record<Provider, Watts> = {
  aws: { min: 0.74, max: 3.5 },
  gcp: { min: 0.68, max: 4.11 },
  azure: { min: 0.74, max: 3.54 },
  onprem: { min: 0.74, max: 3.5 },
};

/**
 * Memory per physical chip in SPECpower's servers, GB (MEMORY_BY_COMPUTE_PROCESSOR of the AWS
 * and Azure constants): what the min/max watts already include. Only memory beyond it adds
 * memory energy.
 */
export const GB_PER_CHIP_BY_MICROARCHITECTURE: Partial<Record<Microarchitecture, number>> = {
  'Cascade Lake': 98.12,
  Skylake: 81.32,
  Broadwell: 69.65,
  Haswell: 27.71,
  'Coffee Lake': 19.56,
  'Sandy Bridge': 16.7,
  'Ivy Bridge': 9.67,
  'EPYC 1st Gen': 89.6,
  'EPYC 2nd Gen': 129.78,
  'EPYC 3rd Gen': 128.0,
  Graviton2: 129.78,
};

/**
 * GB per chip where the microarchitecture is unknown (MEMORY_AVG: AWS 80.69, Azure 80.47;
 * onprem follows AWS, as for watts). GCP has none: it bills memory apart from vCPUs and CCF
 * counts all of it.
 */
export const PROVIDER_GB_PER_CHIP: Record<Exclude<Provider, 'gcp'>, number> = {
  aws: 80.69,
  azure: 80.47,
  onprem: 80.69,
};

/** CCF counts one physical chip per 96 vCPUs of a family's largest size (getPhysicalChips). */
export const VCPUS_PER_CHIP = 96;

/**
 * Power usage effectiveness: AWS 1.135, GCP 1.1, Azure 1.185 (PUE_AVG; Methodology, "Power
 * Usage Effectiveness"). onprem 1.58: CCF's on-premise PUE_AVG
 * (packages/on-premise/src/domain/OnPremiseFootprintEstimationConstants.ts).
 */
export const PROVIDER_PUE: Record<Provider, number> = {
  aws: 1.135,
  gcp: 1.1,
  azure: 1.185,
  onprem: 1.58,
};

/** GCP's trailing-twelve-month PUE where Google publishes one (PUE_TRAILING_TWELVE_MONTH). */
export const GCP_REGION_PUE: Readonly<Record<string, number>> = {
  'us-east4': 1.08,
  'us-central1': 1.11,
  'us-central2': 1.11,
  'europe-west1': 1.09,
  'europe-west4': 1.07,
  'europe-north1': 1.09,
  'asia-east1': 1.12,
  'asia-southeast1': 1.13,
};

/**
 * Managed datastores: CCF sees their stored bytes only, as HDD "TimedStorage-ByteHrs"
 * (HDD_USAGE_TYPES in packages/aws/src/lib/CostAndUsageTypes.ts), times the service's
 * replication factor (REPLICATION_FACTORS in the AWS constants: S3 6, DYNAMO_DB 2).
 */
export const MANAGED_STORAGE = {
  s3: { whPerTBHour: HDD_WH_PER_TB_HOUR, replication: 6 },
  dynamodb: { whPerTBHour: HDD_WH_PER_TB_HOUR, replication: 2 },
} as const;
