// `topo diff OLD NEW`: what changed between two versions of an architecture (either may be
// `REV:path`, read from git): components and calls, findings introduced and resolved, the
// carbon, and with a scenario the simulated deltas. Exit 1 when NEW brings a new error.
import { DEFAULT_MAX_EVENTS, defaultMaxMemoryBytes } from '@topo/simulator';
import { formatMarkdown, formatText } from '../diff/format.js';
import { diffVersions } from '../diff/report.js';
import { loadVersion } from '../diff/version.js';
import { UsageError, type Command } from '../io.js';
import { choiceOption, numberOption, parseCommandArgs } from '../options.js';

const EXIT_INTERRUPTED = 130;

export const diff: Command = {
  usage: 'topo diff OLD NEW [--scenario NAME [--max-events N] [--max-memory MB]] [--format text|json|markdown]   (OLD, NEW: a .topo file or REV:path, read with git show)',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      scenario: { type: 'string' },
      format: { type: 'string' },
      'max-events': { type: 'string' },
      'max-memory': { type: 'string' },
    });
    const format = choiceOption(values.format, 'format', ['text', 'json', 'markdown'] as const, 'text');
    const maxEvents = numberOption(values['max-events'], 'max-events', DEFAULT_MAX_EVENTS);
    const maxMemoryBytes = values['max-memory'] === undefined ? defaultMaxMemoryBytes() : numberOption(values['max-memory'], 'max-memory', 0) * 2 ** 20;
    if (positionals.length !== 2) throw new UsageError(`two versions, please. usage: ${diff.usage}`);
    const old = await loadVersion(positionals[0]!, io);
    const now = await loadVersion(positionals[1]!, io);
    const { report, stopped } = await diffVersions(old, now, { scenario: values.scenario, maxEvents, maxMemoryBytes, signal: io.signal, cwd: io.cwd });
    io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'markdown' ? formatMarkdown(report) : formatText(report));
    if (stopped) {
      io.stderr('stopped before the simulations ended; their numbers cover what ran\n');
      return EXIT_INTERRUPTED;
    }
    return report.introducesError ? 1 : 0;
  },
};
