// What one running instance of a type draws and embodies, per hour, by CCF's rules.
import { instanceEmbodiedKgCO2e, instanceType, type InstanceType, type Microarchitecture, type Provider } from '@topo/model';
import {
  GB_PER_CHIP_BY_MICROARCHITECTURE,
  PROVIDER_GB_PER_CHIP,
  PROVIDER_WATTS,
  SERVER_LIFESPAN_HOURS,
  VCPUS_PER_CHIP,
  WATTS_BY_MICROARCHITECTURE,
  type Watts,
} from './constants.js';

export interface InstanceProfile {
  type: string;
  /** False for a type outside the catalog: its figures are assumptions, listed in `notes`. */
  known: boolean;
  vcpus: number;
  /** Watts per vCPU at 0% and 100% utilisation. */
  watts: Watts;
  /** What the watts are: the microarchitecture(s), or the provider average. */
  wattsOf: string;
  /** GB of memory whose energy CCF adds on top of the compute watts. */
  memoryGB: number;
  /** Embodied kgCO2e per hour of running (the host's share over its 4-year life). */
  embodiedKgPerHour: number;
  notes: string[];
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Min/max watts of a group of microarchitectures: their average, or their median when the
 * group holds Sandy Bridge or Ivy Bridge, CCF's outliers (getWattsByAverageOrMedian). A group
 * with any microarchitecture CCF has no figures for takes the provider's average, as CCF does.
 */
export function microarchitectureWatts(group: readonly Microarchitecture[], provider: Provider): { watts: Watts; of: string } {
  const rows = group.map((m) => WATTS_BY_MICROARCHITECTURE[m]);
  if (rows.length === 0 || rows.some((r) => r === undefined)) return { watts: PROVIDER_WATTS[provider], of: `${provider} average` };
  const known = rows as Watts[];
  const pick = group.includes('Sandy Bridge') || group.includes('Ivy Bridge') ? median : mean;
  return { watts: { min: pick(known.map((w) => w.min)), max: pick(known.map((w) => w.max)) }, of: group.join(' / ') };
}

/**
 * The memory CCF counts for one instance. GCP bills memory on its own and CCF counts all of
 * it. On AWS and Azure, SPECpower's watts already include the memory of its test servers, so
 * CCF counts only the host's memory per chip beyond SPECpower's, shared by the instance's
 * memory; none for burstable types (AWSMemoryEstimatesBuilder, calculateGigabyteHours).
 */
export function countedMemoryGB(t: InstanceType): number {
  if (t.provider === 'gcp') return t.memoryGiB;
  if (t.burstable) return 0;
  const chips = Math.ceil(t.hostVcpus / VCPUS_PER_CHIP);
  const perChip = t.microarchitectures.map((m) => GB_PER_CHIP_BY_MICROARCHITECTURE[m]);
  const specGB =
    perChip.length > 0 && perChip.every((g) => g !== undefined) ? mean(perChip as number[]) : PROVIDER_GB_PER_CHIP[t.provider];
  const beyond = t.hostMemoryGiB / chips - specGB;
  return beyond > 0 ? (beyond * t.memoryGiB) / t.hostMemoryGiB : 0;
}

/** vCPUs a type's name tells by its provider's convention (m5.2xlarge: 8, n2-standard-16: 16). */
export function vcpusFromName(name: string): number | undefined {
  const aws = /\.(\d*)xlarge$/.exec(name);
  if (aws) return 4 * (aws[1] ? Number(aws[1]) : 1);
  if (name.endsWith('.large')) return 2;
  const gcp = /^[a-z]\w*-[a-z]+-(\d+)$/.exec(name);
  if (gcp) return Number(gcp[1]);
  const azure = /^Standard_[A-Z]+(\d+)/.exec(name);
  if (azure) return Number(azure[1]);
  return undefined;
}

/** Assumed vCPUs of a type whose name says nothing: m5.large's, the default service type. */
const FALLBACK_VCPUS = 2;

/** The profile of a type; `provider` (of the instance's region) serves types outside the catalog. */
export function instanceProfile(typeName: string, provider: Provider): InstanceProfile {
  const t = instanceType(typeName);
  if (t) {
    const { watts, of } = microarchitectureWatts(t.microarchitectures, t.provider);
    return {
      type: t.name,
      known: true,
      vcpus: t.vcpus,
      watts,
      wattsOf: of,
      memoryGB: countedMemoryGB(t),
      embodiedKgPerHour: instanceEmbodiedKgCO2e(t) / SERVER_LIFESPAN_HOURS,
      notes: [],
    };
  }
  const named = vcpusFromName(typeName);
  const vcpus = named ?? FALLBACK_VCPUS;
  const watts = PROVIDER_WATTS[provider];
  return {
    type: typeName,
    known: false,
    vcpus,
    watts,
    wattsOf: `${provider} average`,
    memoryGB: 0,
    embodiedKgPerHour: 0,
    notes: [
      `${typeName} is not in the catalog: ${vcpus} vCPUs (${named === undefined ? 'assumed' : 'from its name'}), ` +
        `${provider}'s average ${watts.min}–${watts.max} W per vCPU, no memory or embodied emissions (as CCF does for types it cannot map)`,
    ],
  };
}
