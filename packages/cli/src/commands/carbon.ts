// `topo carbon FILE`: what the architecture emits per month by the Cloud Carbon Footprint
// methodology, per component and region, and with a scenario, SCI per 1,000 requests.
import { components as componentsOf, instanceType, type Model } from '@topo/model';
import { estimateCarbon, formatKgCO2e, type CarbonOptions, type CarbonReport, type RegionRow } from '@topo/carbon';
import { simulate } from '@topo/simulator';
import { UsageError, type CliIO, type Command } from '../io.js';
import { loadCheckedModel, loadSimulatableModel, requireScenario } from '../load.js';
import { choiceOption, parseCommandArgs } from '../options.js';

export const carbon: Command = {
  usage: 'topo carbon FILE [--scenario NAME] [--format text|json] [--utilization F]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      scenario: { type: 'string' },
      format: { type: 'string' },
      utilization: { type: 'string' },
    });
    const format = choiceOption(values.format, 'format', ['text', 'json'] as const, 'text');
    const utilization = values.utilization === undefined ? undefined : parseUtilization(values.utilization);
    if (positionals.length !== 1) throw new UsageError(`one file, please. usage: ${carbon.usage}`);
    // With a scenario it simulates, and runs whatever the language lowers, as `topo simulate` does.
    const { model } = await (values.scenario === undefined ? loadCheckedModel : loadSimulatableModel)(positionals[0]!, io);
    const options: CarbonOptions = { ...(utilization !== undefined ? { utilization } : {}) };
    if (values.scenario !== undefined) Object.assign(options, await scenarioOptions(model, values.scenario, io));
    const report = estimateCarbon(model, options);
    io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, utilization));
    return 0;
  },
};

/** `0.3` or `30%`, between 0 and 1. */
function parseUtilization(text: string): number {
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  if (text.trim() === '' || !(n >= 0 && n <= 1)) throw new UsageError(`--utilization wants a fraction between 0 and 1 (or a percentage), not '${text}'`);
  return n;
}

/**
 * What a simulation of the scenario measured: SCI's requests, each component's CPU
 * utilisation as the work it did (requests × mean work) over the vCPU time its instances
 * had, and an autoscaled component's mean instances per region (its instance-hours over the
 * measured time). (The simulator's own utilisation counts threads held, waits on calls included.)
 */
export async function scenarioOptions(model: Model, name: string, io: CliIO): Promise<CarbonOptions> {
  requireScenario(model, name);
  const result = await simulate(model, { scenario: name, signal: io.signal });
  const utilization = new Map<string, number>();
  const instances = new Map<string, number>();
  for (const c of componentsOf(model)) {
    const measured = result.services.find((s) => s.name === c.name);
    const vcpus = c.instanceType ? instanceType(c.instanceType)?.vcpus : undefined;
    if (!measured || !vcpus || measured.instanceHours === 0 || result.measuredSeconds <= 0) continue;
    const instanceMs = measured.instanceHours * 3.6e6;
    if (c.autoscale) instances.set(c.name, instanceMs / 1000 / result.measuredSeconds / c.regions.length);
    utilization.set(c.name, Math.min(1, (measured.requests * c.work.meanMs) / (instanceMs * vcpus)));
  }
  const petalMessages = new Map(Object.entries(result.petalMessages));
  return { utilization, instances, traffic: { seconds: result.measuredSeconds, requests: result.requests, petalMessages } };
}

const kwh = (n: number) => n.toFixed(2);
const kg = (n: number) => n.toFixed(3);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Columns padded to their widest cell; numbers right-aligned. */
function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

function source(r: RegionRow, what: 'grid' | 'pue'): string {
  const s = what === 'grid' ? r.gridSource : r.pueSource;
  return s === 'model' ? 'file' : s === 'ccf' ? 'CCF' : 'provider average';
}

function formatReport(r: CarbonReport, utilization: number | undefined): string {
  const out: string[] = [
    `${r.architecture}: carbon per month of ${r.hoursPerMonth} hours, Cloud Carbon Footprint methodology (docs/carbon.md)`,
    `CPU utilisation: ${utilization === undefined ? "50% (CCF's default)" : pct(utilization)}`,
    '',
    ...table(
      ['component', 'kind', 'region', 'instances', 'type', 'CPU', 'kWh', 'operational kgCO2e', 'embodied kgCO2e', 'total kgCO2e', 'share'],
      r.components.map((c) => [
        c.name,
        c.kind,
        c.region,
        String(Math.round(c.instances * 100) / 100),
        c.instanceType ?? 'managed',
        c.instances > 0 ? `${Math.round(c.utilization * 100)}%` : '',
        kwh(c.energyKWhPerMonth),
        kg(c.operationalKgCO2ePerMonth),
        kg(c.embodiedKgCO2ePerMonth),
        kg(c.totalKgCO2ePerMonth),
        pct(c.share),
      ]),
      [false, false, false, true, false, true, true, true, true, true, true],
    ),
    '',
    ...table(
      ['region', 'provider', 'gCO2e/kWh', 'from', 'PUE', 'from', 'kWh', 'operational kgCO2e', 'embodied kgCO2e', 'total kgCO2e', 'share'],
      r.regions.map((x) => [
        x.name,
        x.provider,
        String(x.gridGCO2ePerKWh),
        source(x, 'grid'),
        String(x.pue),
        source(x, 'pue'),
        kwh(x.energyKWhPerMonth),
        kg(x.operationalKgCO2ePerMonth),
        kg(x.embodiedKgCO2ePerMonth),
        kg(x.totalKgCO2ePerMonth),
        pct(x.share),
      ]),
      [false, false, true, false, true, false, true, true, true, true, true],
    ),
    '',
    `total: ${formatKgCO2e(r.totalKgCO2ePerMonth)} per month (operational ${formatKgCO2e(r.operationalKgCO2ePerMonth)}, ` +
      `embodied ${formatKgCO2e(r.embodiedKgCO2ePerMonth)}), ${kwh(r.energyKWhPerMonth)} kWh`,
  ];
  if (r.sci) out.push(`SCI: ${r.sci.gCO2ePer1000Requests.toPrecision(3)} gCO2e per 1,000 requests (${r.sci.requests} requests in ${r.sci.seconds}s)`);
  for (const p of r.petals) {
    out.push(`petal ${p.name} (${p.region}): ${Math.round(p.messagesPerMonth).toLocaleString('en')} messages a month skip encode and decode, saving ${kwh(p.energyKWhPerMonth)} kWh and ${formatKgCO2e(p.kgCO2ePerMonth)} per month`);
  }
  const notes = [...r.notes, ...r.components.flatMap((c) => c.notes.map((n) => `${c.name} (${c.region}): ${n}`))];
  if (notes.length) out.push('', 'notes:', ...notes.map((n) => `  - ${n}`));
  return out.join('\n') + '\n';
}
