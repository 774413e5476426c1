// `--to impact`: a manifest for the Green Software Foundation's Impact Framework (`if-run`)
// whose tree is region → component, each with the inputs Topo's carbon estimate uses (the
// instance type's vCPUs, watts, counted memory and embodied share, the utilisation, the
// region's PUE and grid intensity) for one month, and a pipeline of IF's builtin plugins that
// computes the estimate's arithmetic (docs/carbon.md) from them: its aggregated `carbon` is
// `topo carbon`'s total, in kgCO2e per month.
import { stringify } from 'yaml';
import { HOURS_PER_MONTH, MEMORY_KWH_PER_GB_HOUR, instanceProfile, type CarbonReport } from '@topo/carbon';
import { components, type Model } from '@topo/model';

/** The month as one observation: IF wants a start and a duration in seconds. */
const MONTH = { timestamp: '2024-01-01T00:00:00Z', duration: HOURS_PER_MONTH * 3600 };

type Step = [name: string, method: string, config: Record<string, unknown>];

/** CCF's arithmetic, one builtin per step, in order. */
const PIPELINE: Step[] = [
  ['watts-range', 'Subtract', { 'input-parameters': ['max-watts-per-vcpu', 'min-watts-per-vcpu'], 'output-parameter': 'watts-range' }],
  ['watts-above-min', 'Multiply', { 'input-parameters': ['watts-range', 'cpu-utilization'], 'output-parameter': 'watts-above-min' }],
  ['watts-per-vcpu', 'Sum', { 'input-parameters': ['min-watts-per-vcpu', 'watts-above-min'], 'output-parameter': 'watts-per-vcpu' }],
  ['compute-wh', 'Multiply', { 'input-parameters': ['instances', 'vcpus', 'hours', 'watts-per-vcpu'], 'output-parameter': 'compute-wh' }],
  ['compute-kwh', 'Coefficient', { 'input-parameter': 'compute-wh', coefficient: 0.001, 'output-parameter': 'compute-kwh' }],
  ['memory-gb-hours', 'Multiply', { 'input-parameters': ['instances', 'memory-gb', 'hours'], 'output-parameter': 'memory-gb-hours' }],
  ['memory-kwh', 'Coefficient', { 'input-parameter': 'memory-gb-hours', coefficient: MEMORY_KWH_PER_GB_HOUR, 'output-parameter': 'memory-kwh' }],
  ['it-kwh', 'Sum', { 'input-parameters': ['compute-kwh', 'memory-kwh', 'storage-kwh', 'network-kwh'], 'output-parameter': 'it-kwh' }],
  ['energy', 'Multiply', { 'input-parameters': ['it-kwh', 'pue'], 'output-parameter': 'energy' }],
  ['operational-g', 'Multiply', { 'input-parameters': ['energy', 'grid/carbon-intensity'], 'output-parameter': 'operational-g' }],
  ['operational-kg', 'Coefficient', { 'input-parameter': 'operational-g', coefficient: 0.001, 'output-parameter': 'operational-kg' }],
  ['embodied-kg', 'Multiply', { 'input-parameters': ['instances', 'embodied-kg-per-instance-hour', 'hours'], 'output-parameter': 'embodied-kg' }],
  ['carbon', 'Sum', { 'input-parameters': ['operational-kg', 'embodied-kg'], 'output-parameter': 'carbon' }],
];

/** IF aggregates what a plugin says how to: carbon adds up over time and over the tree. */
const CARBON_METADATA = {
  outputs: { carbon: { description: 'operational and embodied emissions for the month', unit: 'kgCO2e', 'aggregation-method': { time: 'sum', component: 'sum' } } },
};

/** The manifest for a model and its carbon estimate (with a scenario's utilisation and traffic, when it was simulated). */
export function impactManifest(model: Model, report: CarbonReport, scenario?: string): string {
  const byName = new Map(components(model).map((c) => [c.name, c]));
  const pipeline = { compute: PIPELINE.map(([name]) => name) };
  const zero = { instances: 0, vcpus: 0, 'min-watts-per-vcpu': 0, 'max-watts-per-vcpu': 0, 'cpu-utilization': 0, 'memory-gb': 0, 'embodied-kg-per-instance-hour': 0 };
  const tree: Record<string, unknown> = {};
  for (const region of report.regions) {
    const children: Record<string, unknown> = {};
    for (const row of report.components.filter((r) => r.region === region.name)) {
      const c = byName.get(row.name)!;
      const profile = row.instances > 0 && c.instanceType ? instanceProfile(c.instanceType, region.provider) : undefined;
      const machine = profile
        ? {
            instances: row.instances,
            vcpus: profile.vcpus,
            'min-watts-per-vcpu': profile.watts.min,
            'max-watts-per-vcpu': profile.watts.max,
            'cpu-utilization': row.utilization,
            'memory-gb': profile.memoryGB,
            'embodied-kg-per-instance-hour': profile.embodiedKgPerHour,
          }
        : zero;
      children[row.name] = {
        ...(c.instanceType ? { 'instance-type': c.instanceType } : {}),
        pipeline,
        inputs: [{ ...MONTH, hours: HOURS_PER_MONTH, ...machine, 'storage-kwh': row.storageKWhPerMonth, 'network-kwh': 0, pue: region.pue, 'grid/carbon-intensity': region.gridGCO2ePerKWh }],
      };
    }
    // The traffic between zones and regions a simulation measured, counted per region.
    if (region.networkKWhPerMonth > 0) {
      children.network = {
        pipeline,
        inputs: [{ ...MONTH, hours: HOURS_PER_MONTH, ...zero, 'storage-kwh': 0, 'network-kwh': region.networkKWhPerMonth / region.pue, pue: region.pue, 'grid/carbon-intensity': region.gridGCO2ePerKWh }],
      };
    }
    tree[region.name] = { children };
  }
  const manifest = {
    name: model.name,
    description: `${model.description ?? model.name}: Topo's carbon estimate (Cloud Carbon Footprint's method) for a month${scenario ? `, at the utilisation of scenario ${scenario}` : ''}, kgCO2e`,
    tags: { kind: 'topo-export' },
    initialize: { plugins: Object.fromEntries(PIPELINE.map(([name, method, config]) => [name, { method, path: 'builtin', config, ...(name === 'carbon' ? { 'parameter-metadata': CARBON_METADATA } : {}) }])) },
    aggregation: { metrics: ['carbon'], type: 'both' },
    tree: { children: tree },
  };
  return stringify(manifest, { lineWidth: 0 });
}
