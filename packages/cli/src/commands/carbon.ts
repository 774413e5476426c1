// `topo carbon FILE`: what the architecture emits per month by the Cloud Carbon Footprint
// methodology, per component and region, and with a scenario, SCI per 1,000 requests.
import type { Model } from '@topo/model';
import { estimateCarbon, formatKgCO2e, type CarbonOptions, type CarbonReport, type RegionRow } from '@topo/carbon';
import { simulate } from '@topo/simulator';
import type { RightSizing } from '@topo/language';
import { UsageError, type CliIO, type Command, type OptionSpecs } from '../io.js';
import { loadBuildableModel, noteFindings, requireScenario } from '../load.js';
import { choiceOption, parseCommandArgs } from '../options.js';
import { carbonOfRun } from '@topo/language';
import { count, signed } from '../format-numbers.js';

const OPTIONS = {
  scenario: { type: 'string', value: 'NAME', help: 'simulate this scenario: its CPU use and requests give SCI per request and the right-sizing', otherwise: 'none: CPU at --utilization' },
  format: { type: 'string', value: 'text|json', help: 'tables, or the estimate as JSON', default: 'text' },
  utilization: { type: 'string', value: 'F', help: 'the CPU use without a scenario, a fraction or a percentage', otherwise: "50%, CCF's default" },
} as const satisfies OptionSpecs;

export const carbon: Command = {
  usage: 'topo carbon FILE [--scenario NAME] [--format text|json] [--utilization F]',
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    const format = choiceOption(values.format, 'format', ['text', 'json'] as const, OPTIONS.format.default);
    const utilization = values.utilization === undefined ? undefined : parseUtilization(values.utilization);
    if (positionals.length !== 1) throw new UsageError(`one file, please. usage: ${carbon.usage}`);
    if (utilization !== undefined && values.scenario !== undefined) throw new UsageError('--utilization sets the CPU use; with --scenario it is simulated: give one or the other');
    // Whatever the language lowers, as `topo simulate` runs it.
    const { model, findings } = await loadBuildableModel(positionals[0]!, io, 'estimated');
    noteFindings(positionals[0]!, findings, io);
    const options: CarbonOptions = { ...(utilization !== undefined ? { utilization } : {}) };
    const simulated = values.scenario === undefined ? undefined : await simulatedCarbon(model, values.scenario, io);
    if (simulated) Object.assign(options, simulated.options);
    const report = estimateCarbon(model, options);
    const sizing = simulated?.rightSizing;
    io.stdout(format === 'json' ? JSON.stringify(sizing ? { ...report, rightSizing: sizing } : report, null, 2) + '\n' : formatReport(report, utilization, simulated !== undefined) + (sizing ? formatRightSizing(sizing) : ''));
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

/** The carbon options of a simulation of the scenario: its CPU use, instances and traffic. */
export async function scenarioOptions(model: Model, name: string, io: CliIO): Promise<CarbonOptions> {
  return (await simulatedCarbon(model, name, io)).options;
}

async function simulatedCarbon(model: Model, name: string, io: CliIO): Promise<ReturnType<typeof carbonOfRun>> {
  requireScenario(model, name);
  return carbonOfRun(model, await simulate(model, { scenario: name, signal: io.signal }));
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

function formatReport(r: CarbonReport, utilization: number | undefined, simulated: boolean): string {
  const out: string[] = [
    `${r.architecture}: carbon per month of ${r.hoursPerMonth} hours, Cloud Carbon Footprint methodology (docs/carbon.md)`,
    `CPU utilisation: ${simulated ? 'as simulated (the CPU column: requests × work over vCPU time)' : utilization === undefined ? "50% (CCF's default)" : pct(utilization)}`,
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
  if (r.sci) out.push(`SCI: ${r.sci.gCO2ePer1000Requests.toPrecision(3)} gCO2e per 1,000 requests (${count(r.sci.requests)} requests in ${r.sci.seconds}s)`);
  for (const p of r.petals) {
    out.push(`petal ${p.name} (${p.region}): ${count(p.messagesPerMonth)} messages a month skip encode and decode, saving ${kwh(p.energyKWhPerMonth)} kWh and ${formatKgCO2e(p.kgCO2ePerMonth)} per month`);
  }
  const notes = [...r.notes, ...r.components.flatMap((c) => c.notes.map((n) => `${c.name} (${c.region}): ${n}`))];
  if (notes.length) out.push('', 'notes:', ...notes.map((n) => `  - ${n}`));
  return out.join('\n') + '\n';
}

/** The instances each component needs at the target, and what the change saves or costs. */
function formatRightSizing({ target, rows, carbon }: RightSizing): string {
  if (rows.length === 0) return '';
  const ms = (n: number | null | undefined) => (n === null || n === undefined ? '' : n === Infinity ? '∞' : `${Number(n.toPrecision(3))}ms`);
  const delta = (name: string) => carbon.components.find((c) => c.name === name)?.delta ?? 0;
  return [
    '',
    `right-sizing: the instances per region that keep busy threads at ${pct(target)} and p99 within the callers' timeouts`,
    ...table(
      ['component', 'instances', 'busy', 'p99', 'limit', 'would do', 'busy then', 'p99 then', 'set by', 'kgCO2e/month'],
      rows.map((r) => [r.name, String(r.instances), pct(r.utilization), ms(r.p99Ms), ms(r.limitMs), String(r.suggested), pct(r.suggestedUtilization), ms(r.suggestedP99Ms), r.bound, signed(delta(r.name), kg)]),
      [false, true, true, true, true, true, true, true, false, true],
    ),
    `right-sized: ${formatKgCO2e(carbon.total.after)} per month instead of ${formatKgCO2e(carbon.total.before)} (${signed(carbon.total.delta, formatKgCO2e)})`,
  ].join('\n') + '\n';
}
