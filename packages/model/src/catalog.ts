// The built-in instance-type catalog: what carbon estimates need to know of each type, as
// Cloud Carbon Footprint (CCF) records it. Sources, all in the cloud-carbon-footprint
// repository (github.com/cloud-carbon-footprint/cloud-carbon-footprint, March 2024):
// - vCPUs, memory and the host's embodied emissions: packages/aws/src/lib/AWSInstanceTypes.ts
//   (EC2_INSTANCE_TYPES), packages/gcp/src/lib/MachineTypes.ts
//   (MACHINE_FAMILY_TO_MACHINE_TYPE_MAPPING), packages/azure/src/lib/VirtualMachineTypes.ts
//   (VIRTUAL_MACHINE_TYPE_SERIES_MAPPING). CCF writes embodied emissions in metric tons;
//   here they are kgCO2e.
// - microarchitectures: the INSTANCE_TYPE_COMPUTE_PROCESSOR_MAPPING of the same files.
// - the host: CCF takes the largest size of the family as the whole server, both for the
//   embodied share (vCPUs / host vCPUs) and for the memory rule. See docs/carbon.md.
import type { Provider } from './model.js';

/** CPU microarchitectures, as CCF names them in its min/max watts tables. */
export type Microarchitecture =
  | 'Cascade Lake'
  | 'Skylake'
  | 'Broadwell'
  | 'Haswell'
  | 'Coffee Lake'
  | 'Sandy Bridge'
  | 'Ivy Bridge'
  | 'Ice Lake'
  | 'EPYC 1st Gen'
  | 'EPYC 2nd Gen'
  | 'EPYC 3rd Gen'
  | 'Graviton2';

export interface InstanceType {
  name: string;
  provider: Provider;
  vcpus: number;
  memoryGiB: number;
  /** The microarchitectures CCF maps the type to; empty where CCF maps it to none. */
  microarchitectures: readonly Microarchitecture[];
  /** vCPUs of the family's largest size: the whole host. */
  hostVcpus: number;
  /** Memory of the family's largest size, GiB. */
  hostMemoryGiB: number;
  /** Embodied emissions of the host server over its life, kgCO2e. */
  hostEmbodiedKgCO2e: number;
  /** Burstable (AWS t3): CCF adds no memory energy for these. */
  burstable: boolean;
}

/** Embodied kgCO2e of one instance over the host's life: the host's, shared by vCPUs. */
export function instanceEmbodiedKgCO2e(t: InstanceType): number {
  return (t.hostEmbodiedKgCO2e * t.vcpus) / t.hostVcpus;
}

interface Family {
  provider: Provider;
  microarchitectures: Microarchitecture[];
  hostVcpus: number;
  hostMemoryGiB: number;
  hostEmbodiedKgCO2e: number;
  burstable?: boolean;
}

type Row = [name: string, vcpus: number, memoryGiB: number];

function family(f: Family, rows: Row[]): InstanceType[] {
  return rows.map(([name, vcpus, memoryGiB]) => ({
    name,
    vcpus,
    memoryGiB,
    provider: f.provider,
    microarchitectures: f.microarchitectures,
    hostVcpus: f.hostVcpus,
    hostMemoryGiB: f.hostMemoryGiB,
    hostEmbodiedKgCO2e: f.hostEmbodiedKgCO2e,
    burstable: f.burstable ?? false,
  }));
}

/** AWS's large … 4xlarge: 2, 4, 8, 16 vCPUs with a fixed memory per vCPU. */
const awsSizes = (prefix: string, memPerVcpu: number): Row[] =>
  (['large', 'xlarge', '2xlarge', '4xlarge'] as const).map((size, i) => {
    const vcpus = 2 ** (i + 1);
    return [`${prefix}.${size}`, vcpus, vcpus * memPerVcpu];
  });

const TYPES: InstanceType[] = [
  // m5: hosts m5.24xlarge / m5.metal, 96 vCPUs, 384 GiB; 1.6103792 t.
  ...family({ provider: 'aws', microarchitectures: ['Skylake'], hostVcpus: 96, hostMemoryGiB: 384, hostEmbodiedKgCO2e: 1610.3792 }, awsSizes('m5', 4)),
  // c5: c5.24xlarge / c5.metal, 96 vCPUs, 192 GiB; 1.3440944 t.
  ...family({ provider: 'aws', microarchitectures: ['Cascade Lake', 'Skylake'], hostVcpus: 96, hostMemoryGiB: 192, hostEmbodiedKgCO2e: 1344.0944 }, awsSizes('c5', 2)),
  // r5: r5.24xlarge / r5.metal, 96 vCPUs, 768 GiB; 2.1429488 t.
  ...family({ provider: 'aws', microarchitectures: ['Cascade Lake', 'Skylake'], hostVcpus: 96, hostMemoryGiB: 768, hostEmbodiedKgCO2e: 2142.9488 }, awsSizes('r5', 8)),
  // i3: i3.metal, 72 vCPUs, 512 GiB; 2.5879024 t (its NVMe SSDs included). CCF maps i3 to no
  // microarchitecture, so its watts are AWS's averages.
  ...family({ provider: 'aws', microarchitectures: [], hostVcpus: 72, hostMemoryGiB: 512, hostEmbodiedKgCO2e: 2587.9024 }, [
    ['i3.large', 2, 15.25],
    ['i3.xlarge', 4, 30.5],
    ['i3.2xlarge', 8, 61],
    ['i3.4xlarge', 16, 122],
  ]),
  // t3: burstable. CCF's methodology shares a burstable host as "the largest instance in
  // the closest family" (m5: 96 vCPUs, 384 GiB), with t3's own 1.6103792 t.
  ...family({ provider: 'aws', microarchitectures: ['Cascade Lake'], hostVcpus: 96, hostMemoryGiB: 384, hostEmbodiedKgCO2e: 1610.3792, burstable: true }, [
    ['t3.micro', 2, 1],
    ['t3.small', 2, 2],
    ['t3.medium', 2, 4],
    ['t3.large', 2, 8],
    ['t3.xlarge', 4, 16],
  ]),
  // m6g: m6g.16xlarge / m6g.metal, 64 vCPUs, 256 GiB; 1.332856 t.
  ...family({ provider: 'aws', microarchitectures: ['Graviton2'], hostVcpus: 64, hostMemoryGiB: 256, hostEmbodiedKgCO2e: 1332.856 }, awsSizes('m6g', 4)),
  // n2-standard: n2-standard-128, 128 vCPUs, 512 GB; 1.8879 t.
  ...family({ provider: 'gcp', microarchitectures: ['Cascade Lake'], hostVcpus: 128, hostMemoryGiB: 512, hostEmbodiedKgCO2e: 1887.9 }, [
    ['n2-standard-2', 2, 8],
    ['n2-standard-4', 4, 16],
    ['n2-standard-8', 8, 32],
  ]),
  // e2-standard: e2-standard-32, 32 vCPUs, 128 GB; 1.2303 t; any of four microarchitectures.
  ...family(
    { provider: 'gcp', microarchitectures: ['Skylake', 'Broadwell', 'Haswell', 'EPYC 2nd Gen'], hostVcpus: 32, hostMemoryGiB: 128, hostEmbodiedKgCO2e: 1230.3 },
    [
      ['e2-standard-2', 2, 8],
      ['e2-standard-4', 4, 16],
    ],
  ),
  // Dsv5: D96s v5, 96 vCPUs, 384 GiB; 1.5104 t.
  ...family({ provider: 'azure', microarchitectures: ['Ice Lake'], hostVcpus: 96, hostMemoryGiB: 384, hostEmbodiedKgCO2e: 1510.4 }, [
    ['Standard_D2s_v5', 2, 8],
    ['Standard_D4s_v5', 4, 16],
  ]),
];

const BY_NAME = new Map(TYPES.map((t) => [t.name, t]));

export const INSTANCE_TYPES: readonly InstanceType[] = TYPES;

export function instanceType(name: string): InstanceType | undefined {
  return BY_NAME.get(name);
}
