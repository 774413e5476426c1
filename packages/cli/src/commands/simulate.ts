// `topo simulate FILE`: runs a scenario of the architecture on the simulator and prints an
// R-like summary or the JSON result; optionally writes traces, sweeps the load rate or users, or
// compares the design with its budgets fixed or with another version of it.
import type { LoadResult } from '@topo/language';
import { runWhatIf, WHAT_IF_LABELS, WhatIfScenarioError, withTimeoutBudgetsFixed, type WhatIfVersion } from '@topo/language/what-if';
import { formatFindingsSummary, MAX_SEED, summarizeFindings, type Model } from '@topo/model';
import {
  DEFAULT_MAX_EVENTS,
  defaultMaxMemoryBytes,
  formatSweep,
  formatText,
  resolveScenario,
  simulate as runSimulation,
  toOtlp,
  toZipkin,
  UnknownScenarioError,
  type Progress,
  type Span,
} from '@topo/simulator';
import { count } from '../format-numbers.js';
import { formatComparison } from '../format-comparison.js';
import { EXIT, UsageError, type CliIO, type Command, type OptionSpecs } from '../io.js';
import { loadBuildableModel } from '../load.js';
import { choiceOption, integerOption, numberOption, parseCommandArgs, seedOption, sweepValuesOption } from '../options.js';
import { writeOutputFile } from '../output.js';
import { progressLine } from '../progress.js';
import { runSweep } from '../sweep.js';

/** The progress bar appears once a run has taken this long. */
const PROGRESS_AFTER_MS = 1000;

const OPTIONS = {
  scenario: { type: 'string', value: 'NAME', help: 'the scenario to run', otherwise: "the file's first, else 100 rps into each entry for 60s" },
  seed: { type: 'string', value: 'N', help: `the seed of the random draws, 0 to ${count(MAX_SEED)}: the same seed gives the same run`, otherwise: "the scenario's" },
  format: { type: 'string', value: 'text|json', help: 'a summary, or the whole result as JSON', default: 'text' },
  trace: { type: 'string', value: 'FILE', help: 'write traces of sampled requests, for a tracing UI' },
  'trace-format': { type: 'string', value: 'zipkin|otlp', help: 'the traces as Zipkin v2 or OTLP JSON (with --trace)', default: 'zipkin' },
  'trace-sample': { type: 'string', value: 'N', help: 'trace one request in N (with --trace)', default: 100 },
  'sweep-rate': { type: 'string', value: 'FROM:TO:STEP', help: "run the scenario at each total rate (its load lines), with a USL fit" },
  'sweep-users': { type: 'string', value: 'FROM:TO:STEP', help: "run it with each number of users (its users lines), with a USL fit" },
  jobs: { type: 'string', value: 'N', help: 'runs of a sweep at once, on worker threads', otherwise: 'one per core' },
  compare: { type: 'string', value: 'fixed|OTHER.topo', help: 'run beside the design with its timeout budgets fixed, or another file, side by side' },
  'max-events': { type: 'string', value: 'N', help: 'refuse a run estimated over N events', default: DEFAULT_MAX_EVENTS },
  'max-memory': { type: 'string', value: 'MB', help: 'refuse a run estimated over MB of memory', otherwise: "3/4 of node's heap limit" },
} as const satisfies OptionSpecs;

export const simulate: Command = {
  usage:
    'topo simulate FILE [--scenario NAME] [--seed N] [--format text|json] ' +
    '[--trace FILE --trace-format zipkin|otlp --trace-sample N] [--sweep-rate|--sweep-users FROM:TO:STEP [--jobs N]] [--compare fixed|OTHER.topo] ' +
    '[--max-events N] [--max-memory MB]',
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    const format = choiceOption(values.format, 'format', ['text', 'json'] as const, OPTIONS.format.default);
    const traceFormat = choiceOption(values['trace-format'], 'trace-format', ['zipkin', 'otlp'] as const, OPTIONS['trace-format'].default);
    const traceSample = integerOption(values['trace-sample'], 'trace-sample', OPTIONS['trace-sample'].default, 1);
    const seed = seedOption(values.seed);
    const maxEvents = numberOption(values['max-events'], 'max-events', OPTIONS['max-events'].default);
    const maxMemoryBytes = values['max-memory'] === undefined ? defaultMaxMemoryBytes() : numberOption(values['max-memory'], 'max-memory', 0) * 2 ** 20;
    if ((values['trace-format'] !== undefined || values['trace-sample'] !== undefined) && values.trace === undefined) {
      throw new UsageError('--trace-format and --trace-sample go with --trace FILE');
    }
    if (values['sweep-rate'] !== undefined && values['sweep-users'] !== undefined) throw new UsageError('a sweep varies one thing: --sweep-rate or --sweep-users');
    const over = values['sweep-users'] === undefined ? 'rps' : 'users';
    const sweepSpec = values['sweep-rate'] ?? values['sweep-users'];
    const sweepFlag = `--sweep-${over === 'rps' ? 'rate' : 'users'}`;
    if (values.jobs !== undefined && sweepSpec === undefined) throw new UsageError('--jobs goes with --sweep-rate or --sweep-users');
    if (values.trace !== undefined && sweepSpec !== undefined) throw new UsageError(`--trace traces one run; it does not go with ${sweepFlag}`);
    if (values.compare !== undefined && (values.trace !== undefined || sweepSpec !== undefined)) throw new UsageError(`--compare runs one scenario twice; it does not go with --trace or ${sweepFlag}`);
    const rates = sweepSpec === undefined ? undefined : sweepValuesOption(sweepSpec, over);
    if (positionals.length !== 1) throw new UsageError(`one file, please. usage: ${simulate.usage}`);

    const loaded = await loadBuildableModel(positionals[0]!, io);
    const { model } = loaded;
    const limits = { maxEvents, maxMemoryBytes };
    if (values.compare !== undefined) {
      const versions = await whatIfVersions(positionals[0]!, loaded, values.compare, io);
      return compareRuns(versions, { scenario: values.scenario, seed, ...limits }, format, io);
    }
    const scenario = scenarioName(model, values.scenario);
    if (rates !== undefined) {
      const jobs = integerOption(values.jobs, 'jobs', undefined, 1);
      const result = await runSweep(model, rates, { over, scenario, ...(seed === undefined ? {} : { seed }), ...limits, ...(jobs === undefined ? {} : { jobs }) }, io);
      if (!result) {
        io.stderr('sweep stopped: its runs are shown together, so none is printed\n');
        return EXIT.interrupted;
      }
      io.stdout(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatSweep(result));
      return EXIT.ok;
    }
    const spans: Span[] = [];
    const progress = progressBar(io);
    const run = await runSimulation(model, {
      scenario,
      ...(seed === undefined ? {} : { seed }),
      ...limits,
      onProgress: progress.update,
      ...(io.signal ? { signal: io.signal } : {}),
      ...(values.trace === undefined ? {} : { trace: { every: traceSample, onSpan: (s: Span) => void spans.push(s) } }),
    });
    progress.clear();
    const result = { ...run, findings: summarizeFindings(loaded.findings) };
    if (values.trace !== undefined) {
      await writeOutputFile(values.trace, JSON.stringify(traceFormat === 'zipkin' ? toZipkin(spans) : toOtlp(spans)) + '\n', io.cwd);
      io.stderr(`${spans.length} spans of ${new Set(spans.map((s) => s.traceId)).size} traced requests written to ${values.trace} (${traceFormat})\n`);
    }
    io.stdout(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatText(result));
    if (result.stopped) {
      io.stderr(`stopped after ${result.simulatedSeconds}s of simulated time; the numbers cover what ran\n`);
      return EXIT.interrupted;
    }
    return EXIT.ok;
  },
};

/**
 * The design as written and what it is compared with: the same file after "Fix timeout
 * budgets" (`fixed`), or another file, loaded and checked like the first.
 */
async function whatIfVersions(file: string, loaded: LoadResult, against: string, io: CliIO): Promise<WhatIfVersion[]> {
  const entry = loaded.documents[0]!;
  if (against !== 'fixed') {
    const other = await loadBuildableModel(against, io);
    return [
      { label: file, file, model: loaded.model, findings: loaded.findings },
      { label: against, file: against, model: other.model, findings: other.findings },
    ];
  }
  const fixed = await withTimeoutBudgetsFixed(entry, loaded.services.topo.Models.analysisOf(entry), loaded.documents, loaded.services);
  if (fixed.edits === 0) io.stderr(`${file}: every timeout budget already holds; "Fix timeout budgets" changes nothing\n`);
  return [
    { label: WHAT_IF_LABELS.asWritten, file, model: loaded.model, findings: loaded.findings },
    { label: WHAT_IF_LABELS.budgetsFixed, file: `${file} with budgets fixed`, model: fixed.model, findings: fixed.findings },
  ];
}

/** Runs the versions on one scenario and seed; prints each design's findings and the table, or the JSON. */
async function compareRuns(
  versions: WhatIfVersion[],
  options: { scenario: string | undefined; seed: number | undefined; maxEvents: number; maxMemoryBytes: number },
  format: 'text' | 'json',
  io: CliIO,
): Promise<number> {
  const progress = progressBar(io);
  try {
    const { runs, table } = await runWhatIf(versions, { ...options, signal: io.signal, onProgress: progress.update });
    progress.clear();
    if (format === 'json') {
      io.stdout(JSON.stringify({ compare: runs.map((r) => ({ label: r.label, ...r.result })) }, null, 2) + '\n');
    } else {
      const findings = runs.map((r) => `design ${r.label}: ${r.result.findings ? formatFindingsSummary(r.result.findings) : 'not checked'}`);
      io.stdout([...findings, '', formatComparison(table)].join('\n'));
    }
    if (runs.some((r) => r.result.stopped)) {
      io.stderr('stopped before the end; the numbers cover what ran\n');
      return EXIT.interrupted;
    }
    return EXIT.ok;
  } catch (e) {
    if (e instanceof WhatIfScenarioError) throw new UsageError(e.message);
    throw e;
  }
}

/** The scenario to run, checked against the model so an unknown one is a usage error. */
function scenarioName(model: Model, name: string | undefined): string | undefined {
  try {
    resolveScenario(model, name);
  } catch (e) {
    if (e instanceof UnknownScenarioError) throw new UsageError(e.message);
    throw e;
  }
  return name;
}

/** A progress bar for runs that take over a second. */
function progressBar(io: CliIO): { update: (p: Progress) => void; clear: () => void } {
  const line = progressLine(io, PROGRESS_AFTER_MS);
  return {
    update: (p) => {
      const done = p.totalMs === 0 ? 1 : Math.min(1, p.simulatedMs / p.totalMs);
      const width = 30;
      const filled = Math.round(done * width);
      line.show(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(p.simulatedMs / 1000).toFixed(1)}s of ${(p.totalMs / 1000).toFixed(0)}s simulated, ${(p.events / 1e6).toFixed(1)}M events  (Ctrl-C stops)`);
    },
    clear: line.clear,
  };
}
