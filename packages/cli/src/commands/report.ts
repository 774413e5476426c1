// `topo report FILE -o report.html`: the editor's preview (diagram and carbon table) and
// simulation results as one static HTML page — data, script and styles inlined, no
// network — for people without VS Code and for CI artifacts. Prints a short summary.
import { basename, extname } from 'node:path';
import { estimateCarbon, formatKgCO2e } from '@topo/carbon';
import { DEFAULT_GROUP_BY, drawDiagram, GROUP_BY_VALUES } from '@topo/diagram';
import { formatFindingsSummary, MAX_SEED, summarizeFindings, type Model } from '@topo/model';
import { recognisePattern, ResourceLimitError, simulate, UnknownScenarioError, type SimulationResult, type SweepOver, type SweepResult } from '@topo/simulator';
import { readViewAssets } from '@topo/views/assets';
import type { ReportData } from '@topo/views/messages';
import { reportHtml } from '@topo/views/report-page';
import { count } from '../format-numbers.js';
import { UsageError, type CliIO, type Command, type OptionSpecs } from '../io.js';
import { loadBuildableModel, requireScenario } from '../load.js';
import { choiceOption, parseCommandArgs, seedOption, sweepValuesOption } from '../options.js';
import { writeOutputFile } from '../output.js';
import { progressLine } from '../progress.js';
import { runSweep } from '../sweep.js';
import { carbonOfRun } from '@topo/language';

const OPTIONS = {
  output: { type: 'string', short: 'o', value: 'OUT.html', help: 'the page to write', otherwise: 'NAME-report.html for NAME.topo, in the current folder' },
  scenario: { type: 'string', value: 'NAME', help: 'the scenario to simulate', otherwise: "the file's first, else 100 rps into each entry for 60s" },
  seed: { type: 'string', value: 'N', help: `the simulation's seed, 0 to ${count(MAX_SEED)}`, otherwise: "the scenario's" },
  'sweep-rate': { type: 'string', value: 'FROM:TO:STEP', help: 'also run the scenario at each total rate, for the bottleneck plots' },
  'sweep-users': { type: 'string', value: 'FROM:TO:STEP', help: "also run it with each number of users (the scenario's users lines)" },
  'group-by': { type: 'string', value: GROUP_BY_VALUES.join('|'), help: "what boxes the diagram's components", default: DEFAULT_GROUP_BY },
} as const satisfies OptionSpecs;

export const report: Command = {
  usage: `topo report FILE [-o OUT.html] [--scenario NAME] [--seed N] [--sweep-rate|--sweep-users FROM:TO:STEP] [--group-by ${GROUP_BY_VALUES.join('|')}]`,
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (positionals.length !== 1) throw new UsageError(`one file, please. usage: ${report.usage}`);
    const groupBy = choiceOption(values['group-by'], 'group-by', GROUP_BY_VALUES, OPTIONS['group-by'].default);
    const seed = seedOption(values.seed);
    if (values['sweep-rate'] !== undefined && values['sweep-users'] !== undefined) throw new UsageError('a sweep varies one thing: --sweep-rate or --sweep-users');
    const over: SweepOver = values['sweep-users'] === undefined ? 'rps' : 'users';
    const sweepSpec = values['sweep-rate'] ?? values['sweep-users'];
    const sweepValues = sweepSpec === undefined ? undefined : sweepValuesOption(sweepSpec, over);
    const file = positionals[0]!;
    const out = values.output ?? `${basename(file).replace(/\.topo$/, '')}-report.html`;
    if (!['.html', '.htm'].includes(extname(out).toLowerCase())) throw new UsageError(`-o names an .html file, not '${out}'`);

    const { model, findings } = await loadBuildableModel(file, io);
    if (values.scenario !== undefined) requireScenario(model, values.scenario);
    const name = basename(file);
    const uri = model.uri;
    const { svg, message } = await drawDiagram(model, findings, { groupBy });
    const diagram = svg === undefined ? { message, nodes: [] } : { svg, nodes: [] };
    const summarized = summarizeFindings(findings);
    const run = await runScenario(model, values.scenario, seed, io);
    const result = run && { ...run, findings: summarized };
    // With a run, carbon at the CPU it used, and what its right-sizing would change.
    const simulated = run && carbonOfRun(model, run);
    const carbon = { report: estimateCarbon(model, simulated?.options) };
    const rightSizing = simulated?.rightSizing;
    const swept = run && sweepValues && (await reportSweep(model, sweepValues, over, run.scenario, seed, io));
    const data: ReportData = {
      preview: { uri, name, diagram, carbon, problems: { errors: summarized.errors, warnings: summarized.warnings } },
      ...(result ? { results: { uri, name, result, ...(rightSizing ? { rightSizing } : {}), ...(swept ? { sweep: swept } : {}) } } : {}),
      generated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    const html = reportHtml(data, readViewAssets());
    await writeOutputFile(out, html, io.cwd);
    io.stdout(summary(out, html.length, data));
    return 0;
  },
};

/** The scenario asked for, else the file's first, else the default load; undefined when too large to run. */
async function runScenario(model: Model, scenario: string | undefined, seed: number | undefined, io: CliIO): Promise<SimulationResult | undefined> {
  const progress = progressLine(io);
  try {
    return await simulate(model, {
      ...(scenario !== undefined ? { scenario } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (p) => progress.show(`simulating: ${Math.min(100, Math.round((100 * p.simulatedMs) / p.totalMs))}%`),
    });
  } catch (e) {
    if (e instanceof ResourceLimitError) {
      io.stderr(`topo report: the simulation is left out: ${e.message}\n`);
      return undefined;
    }
    if (e instanceof UnknownScenarioError) throw new UsageError(e.message);
    throw e;
  } finally {
    progress.clear();
  }
}

/** The sweep for the bottleneck plots; Ctrl-C stops it: undefined, and the page is written without the plots. */
async function reportSweep(model: Model, values: number[], over: SweepOver, scenario: string, seed: number | undefined, io: CliIO): Promise<SweepResult | undefined> {
  const result = await runSweep(model, values, { over, scenario, ...(seed !== undefined ? { seed } : {}) }, io);
  if (!result) io.stderr('sweep stopped: the page has the run without the bottleneck plots\n');
  return result;
}

function summary(path: string, bytes: number, data: ReportData): string {
  const { diagram, carbon, problems } = data.preview;
  const lines = [`wrote ${path} (${Math.round(bytes / 1024)} KB): open it in a browser, it needs no network`];
  const r = data.results?.result;
  if (r?.findings) lines.push(`  design: ${formatFindingsSummary(r.findings)}`);
  const warnings = problems.warnings > 0 ? `, ${problems.warnings} warning${problems.warnings === 1 ? '' : 's'}` : '';
  lines.push(`  diagram: ${diagram.svg ? 'drawn' : diagram.message}${warnings}`);
  if (carbon.report) lines.push(`  carbon: ${formatKgCO2e(carbon.report.totalKgCO2ePerMonth)} per month`);
  if (r) {
    const ok = r.requests === 0 ? 0 : (100 * r.succeeded) / r.requests;
    const p99 = r.latencyMs.p99 === null ? 'no p99' : `p99 ${Number(r.latencyMs.p99.toPrecision(3))}ms`;
    lines.push(
      `  simulation '${r.scenario}': ${count(r.requests)} requests, ${ok.toFixed(1)}% succeeded, ` +
        `${count(r.throughputRps)} rps, ${p99}, ${count(r.retries)} retries` +
        (r.chaos.length > 0 ? `, ${r.chaos.length} chaos event${r.chaos.length === 1 ? '' : 's'}` : ''),
    );
  } else lines.push('  simulation: left out');
  const sizing = data.results?.rightSizing;
  const resized = sizing?.rows.filter((row) => row.suggested !== row.instances) ?? [];
  if (sizing && resized.length > 0) {
    const { before, after } = sizing.carbon.total;
    lines.push(`  right-sizing: ${resized.length} of ${sizing.rows.length} components would do with other counts, ${formatKgCO2e(after)} per month instead of ${formatKgCO2e(before)}`);
  }
  const swept = data.results?.sweep;
  if (swept) {
    const fit = swept.usl ? `USL σ ${Number(swept.usl.sigma.toPrecision(2))}, κ ${Number(swept.usl.kappa.toPrecision(2))}` : 'no USL fit';
    lines.push(`  sweep: ${swept.points.length} runs over ${swept.over === 'users' ? 'users' : 'rates'}, ${fit}`);
  }
  const pattern = recognisePattern({ ...(r ? { run: r } : {}), ...(swept ? { sweep: swept } : {}) });
  if (pattern) lines.push(`  pattern: ${pattern.sentence}`);
  return lines.join('\n') + '\n';
}
