// `topo check FILE|DIR...`: the diagnostics of each file and of the files it imports, as
// text, JSON, SARIF or GitHub Actions workflow commands.
import { sep } from 'node:path';
import { DEFAULT_ANALYSIS_OPTIONS, summarizeFindings, type Finding } from '@topo/model';
import type { TopoLimits } from '@topo/language';
// The language's loading alone, not its index: a check loads no formatter, simulator or LSP.
import { createLoader } from '@topo/language/load';
import { formatFindingLine, formatWorkflowCommand, pathNamer, toJsonDiagnostic } from '../format-diagnostics.js';
import { UsageError, type CliIO, type Command, type OptionSpecs } from '../io.js';
import { choiceOption, integerOption, numberOption, parseCommandArgs } from '../options.js';
import { topoFiles } from '../topo-files.js';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

const OPTIONS = {
  format: { type: 'string', value: FORMATS.join('|'), help: 'diagnostics as lines, JSON, a SARIF log or GitHub Actions annotations', default: 'text' },
  'max-warnings': { type: 'string', value: 'N', help: 'exit 1 on more warnings than N', otherwise: 'no limit' },
  'max-amplification': { type: 'string', value: 'N', help: 'the retry amplification a chain may reach before a warning', otherwise: `topo.json's, else ${DEFAULT_ANALYSIS_OPTIONS.maxRetryAmplification}` },
  'max-fan-out': { type: 'string', value: 'N', help: 'the calls a service may make before a warning', otherwise: `topo.json's, else ${DEFAULT_ANALYSIS_OPTIONS.maxFanOut}` },
} as const satisfies OptionSpecs;

export const check: Command = {
  usage: 'topo check FILE|DIR... [--format text|json|sarif|github] [--max-warnings N] [--max-amplification N] [--max-fan-out N]',
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    const format = choiceOption(values.format, 'format', FORMATS, OPTIONS.format.default);
    const maxWarnings = integerOption(values['max-warnings'], 'max-warnings', undefined, 0);
    // Only the limits given here: they win over topo.json, which wins over the defaults.
    const limits: Partial<TopoLimits> = {
      maxRetryAmplification: values['max-amplification'] === undefined ? undefined : numberOption(values['max-amplification'], 'max-amplification', 0),
      maxFanOut: values['max-fan-out'] === undefined ? undefined : numberOption(values['max-fan-out'], 'max-fan-out', 0),
    };
    if (positionals.length === 0) throw new UsageError(`which files or folders? usage: ${check.usage}`);
    const files = topoFiles(positionals, io);
    const findings = await findingsOf(files, limits, io);
    io.stdout(await render(format, findings, files.length, io.cwd, positionals));
    const { errors, warnings } = summarizeFindings(findings);
    const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
    if (tooManyWarnings) io.stderr(`topo check: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return tooManyWarnings || errors > 0 ? 1 : 0;
  },
};

/** One file after another on one loader (memory stays that of one model); a file imported by many is reported once. */
async function findingsOf(files: string[], limits: Partial<TopoLimits>, io: CliIO): Promise<Finding[]> {
  const all: Finding[] = [];
  const load = createLoader({ limits });
  for (const file of files) {
    // Imports stay inside the current directory when the file is in it (loadModel's rule, with the CLI's cwd).
    const workspaceRoot = file.startsWith(io.cwd.endsWith(sep) ? io.cwd : io.cwd + sep) ? io.cwd : undefined;
    all.push(...(await load(file, workspaceRoot)).findings);
  }
  return dedupe(all);
}

/** `given`: the paths on the command line, each file named as given. */
async function render(format: (typeof FORMATS)[number], findings: Finding[], files: number, cwd: string, given: string[]): Promise<string> {
  const name = pathNamer(cwd, given);
  switch (format) {
    case 'json':
      return JSON.stringify({ diagnostics: findings.map((f) => toJsonDiagnostic(f, name)) }, null, 2) + '\n';
    case 'sarif': {
      // Only SARIF reads the rule pages.
      const [{ toSarif }, { rulePages }] = await Promise.all([import('../sarif.js'), import('../rule-pages.js')]);
      return JSON.stringify(toSarif(findings, rulePages(), cwd), null, 2) + '\n';
    }
    case 'github':
      return findings.map((f) => formatWorkflowCommand(f, name) + '\n').join('') + summary(findings, files) + '\n';
    case 'text':
      return findings.map((f) => formatFindingLine(f, name) + '\n').join('') + summary(findings, files) + '\n';
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.loc.uri}:${f.loc.start.line}:${f.loc.start.character}:${f.code}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function summary(findings: Finding[], files: number): string {
  const { errors, warnings, infos } = summarizeFindings(findings);
  const parts = [
    [errors, 'error'],
    [warnings, 'warning'],
    [infos, 'info'],
  ].flatMap(([n, word]) => (n ? [`${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`] : []));
  const where = `${files} file${files === 1 ? '' : 's'} checked`;
  return parts.length ? `${parts.join(', ')} (${where})` : `no problems (${where})`;
}
