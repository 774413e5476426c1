// The smallest instance type of the built-in catalog that holds a pod's requests: fewest
// vCPUs, then least memory. A Topo instance is one pod, so its type is what the pod asks for.
import { INSTANCE_TYPES, type InstanceType, type Provider } from '@topo/model';

export function smallestFit(cpu: number, memoryGiB: number, provider: Provider = 'aws'): InstanceType | undefined {
  return INSTANCE_TYPES.filter((t) => t.provider === provider && t.vcpus >= cpu && t.memoryGiB >= memoryGiB).sort(
    (a, b) => a.vcpus - b.vcpus || a.memoryGiB - b.memoryGiB || a.name.localeCompare(b.name),
  )[0];
}
