// `topo diff OLD NEW`: what changed between two versions of an architecture (either may be
// `REV:path`, read from git): components and calls, findings introduced and resolved, the
// carbon, and with a scenario the simulated deltas. Exit 1 when NEW brings a new error.
import { DEFAULT_MAX_EVENTS, defaultMaxMemoryBytes } from '@topo/simulator';
import { formatMarkdown, formatText } from '../diff/format.js';
import { diffVersions } from '../diff/report.js';
import { loadVersion } from '../diff/version.js';
import { EXIT, UsageError, type Command, type OptionSpecs } from '../io.js';
import { choiceOption, numberOption, parseCommandArgs } from '../options.js';

const OPTIONS = {
  scenario: { type: 'string', value: 'NAME', help: "simulate this scenario of both versions with OLD's seed, and compare the runs", otherwise: 'no simulation' },
  'max-events': { type: 'string', value: 'N', help: 'refuse a simulation estimated over N events (with --scenario)', default: DEFAULT_MAX_EVENTS },
  'max-memory': { type: 'string', value: 'MB', help: 'refuse a simulation estimated over MB of memory (with --scenario)', otherwise: "3/4 of node's heap limit" },
  format: { type: 'string', value: 'text|json|markdown', help: 'for a terminal, a program, or a pull-request comment', default: 'text' },
} as const satisfies OptionSpecs;

export const diff: Command = {
  usage: 'topo diff OLD NEW [--scenario NAME [--max-events N] [--max-memory MB]] [--format text|json|markdown]   (OLD, NEW: a .topo file or REV:path, read with git show)',
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    const format = choiceOption(values.format, 'format', ['text', 'json', 'markdown'] as const, OPTIONS.format.default);
    const maxEvents = numberOption(values['max-events'], 'max-events', OPTIONS['max-events'].default);
    const maxMemoryBytes = values['max-memory'] === undefined ? defaultMaxMemoryBytes() : numberOption(values['max-memory'], 'max-memory', 0) * 2 ** 20;
    if (values.scenario === undefined && (values['max-events'] !== undefined || values['max-memory'] !== undefined)) {
      throw new UsageError('--max-events and --max-memory limit the simulations of --scenario NAME');
    }
    if (positionals.length !== 2) throw new UsageError(`two versions, please. usage: ${diff.usage}`);
    const old = await loadVersion(positionals[0]!, io);
    const now = await loadVersion(positionals[1]!, io);
    const { report, stopped } = await diffVersions(old, now, { scenario: values.scenario, maxEvents, maxMemoryBytes, signal: io.signal });
    io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'markdown' ? formatMarkdown(report) : formatText(report));
    if (stopped) {
      io.stderr('stopped before the simulations ended; their numbers cover what ran\n');
      return EXIT.interrupted;
    }
    return report.introducesError ? EXIT.failed : EXIT.ok;
  },
};
