// `topo report FILE -o report.html`: the editor's preview (diagram and carbon table) and
// simulation results as one static HTML page — data, script and styles inlined, no
// network — for people without VS Code and for CI artifacts. Prints a short summary.
import { writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { estimateCarbon, formatKgCO2e } from '@topo/carbon';
import { drawDiagram, GROUP_BY_VALUES } from '@topo/diagram';
import { formatFindingsSummary, summarizeFindings, type Model } from '@topo/model';
import { recognisePattern, ResourceLimitError, resolveScenario, simulate, sweep, UnknownScenarioError, type SimulationResult, type SweepOver, type SweepResult } from '@topo/simulator';
import { sweepRefusal } from '@topo/simulator/sweep-range';
import { sweepWorkerUrl } from '../sweep-worker-url.js';
import { readViewAssets } from '@topo/views/assets';
import type { ReportData } from '@topo/views/messages';
import { reportHtml } from '@topo/views/report-page';
import { UsageError, type CliIO, type Command } from '../io.js';
import { loadSimulatableModel, requireScenario } from '../load.js';
import { choiceOption, parseCommandArgs, sweepValuesOption } from '../options.js';
import { carbonOfRun } from '@topo/language';

export const report: Command = {
  usage: `topo report FILE [-o OUT.html] [--scenario NAME] [--seed N] [--sweep-rate|--sweep-users FROM:TO:STEP] [--group-by ${GROUP_BY_VALUES.join('|')}]`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: 'string', short: 'o' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      'group-by': { type: 'string' },
      'sweep-rate': { type: 'string' },
      'sweep-users': { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError(`one file, please. usage: ${report.usage}`);
    const groupBy = choiceOption(values['group-by'], 'group-by', GROUP_BY_VALUES, 'petal');
    const seed = values.seed === undefined ? undefined : integer(values.seed, 'seed');
    if (values['sweep-rate'] !== undefined && values['sweep-users'] !== undefined) throw new UsageError('a sweep varies one thing: --sweep-rate or --sweep-users');
    const over: SweepOver = values['sweep-users'] === undefined ? 'rps' : 'users';
    const sweepSpec = values['sweep-rate'] ?? values['sweep-users'];
    const sweepValues = sweepSpec === undefined ? undefined : sweepValuesOption(sweepSpec, over);
    const file = positionals[0]!;
    const out = resolve(io.cwd, values.output ?? `${basename(file).replace(/\.topo$/, '')}-report.html`);

    const { model, findings } = await loadSimulatableModel(file, io);
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
    const swept = run && sweepValues && (await runSweep(model, sweepValues, over, run.scenario, seed, io));
    const data: ReportData = {
      preview: { uri, name, diagram, carbon, problems: { errors: summarized.errors, warnings: summarized.warnings } },
      ...(result ? { results: { uri, name, result, ...(rightSizing ? { rightSizing } : {}), ...(swept ? { sweep: swept } : {}) } } : {}),
      generated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    const html = reportHtml(data, readViewAssets());
    try {
      writeFileSync(out, html);
    } catch (e) {
      throw new UsageError(`cannot write ${relative(io.cwd, out)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    io.stdout(summary(relative(io.cwd, out) || out, html.length, data));
    return 0;
  },
};

function integer(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${option} wants a whole number, not '${text}'`);
  return n;
}

/** The scenario asked for, else the file's first, else the default load; undefined when too large to run. */
async function runScenario(model: Model, scenario: string | undefined, seed: number | undefined, io: CliIO): Promise<SimulationResult | undefined> {
  const progress = (p: { simulatedMs: number; totalMs: number }) => io.stderr(`\rsimulating: ${Math.min(100, Math.round((100 * p.simulatedMs) / p.totalMs))}%`);
  try {
    return await simulate(model, {
      ...(scenario !== undefined ? { scenario } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.isTTY ? { onProgress: progress } : {}),
    });
  } catch (e) {
    if (e instanceof ResourceLimitError) {
      io.stderr(`topo report: the simulation is left out: ${e.message}\n`);
      return undefined;
    }
    if (e instanceof UnknownScenarioError) throw new UsageError(e.message);
    throw e;
  } finally {
    if (io.isTTY) io.stderr('\r\x1b[K');
  }
}

/** The scenario at each rate or number of users, on as many worker threads as there are cores, for the bottleneck plots. */
/** Ctrl-C stops the sweep: undefined, and the page is written without the plots. */
async function runSweep(model: Model, values: number[], over: SweepOver, scenario: string, seed: number | undefined, io: CliIO): Promise<SweepResult | undefined> {
  const refusal = sweepRefusal(resolveScenario(model, scenario), over);
  if (refusal) throw new UsageError(refusal);
  let done = 0;
  const onPoint = () => void (io.isTTY && io.stderr(`\rsweeping: ${++done} of ${values.length}`));
  try {
    const workerUrl = sweepWorkerUrl();
    const result = await sweep(model, values, { over, scenario, ...(seed !== undefined ? { seed } : {}), onPoint, ...(workerUrl ? { workerUrl } : {}), ...(io.signal ? { signal: io.signal } : {}) });
    if (!result) io.stderr('sweep stopped: the page has the run without the bottleneck plots\n');
    return result;
  } finally {
    if (io.isTTY) io.stderr('\r\x1b[K');
  }
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
      `  simulation '${r.scenario}': ${r.requests.toLocaleString('en-US')} requests, ${ok.toFixed(1)}% succeeded, ` +
        `${Math.round(r.throughputRps).toLocaleString('en-US')} rps, ${p99}, ${r.retries.toLocaleString('en-US')} retries` +
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
