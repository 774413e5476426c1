// `topo check FILE|DIR...`: the diagnostics of each file and of the files it imports, as
// text, JSON, SARIF or GitHub Actions workflow commands.
import { sep } from 'node:path';
import { summarizeFindings, type Finding } from '@topo/model';
import type { TopoLimits } from '@topo/language';
// The language's loading alone, not its index: a check loads no formatter, simulator or LSP.
import { createLoader } from '@topo/language/load';
import { formatFindingLine, formatWorkflowCommand, toJsonDiagnostic } from '../format-diagnostics.js';
import { UsageError, type CliIO, type Command } from '../io.js';
import { choiceOption, integerOption, numberOption, parseCommandArgs } from '../options.js';
import { topoFiles } from '../topo-files.js';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export const check: Command = {
  usage: 'topo check FILE|DIR... [--format text|json|sarif|github] [--max-warnings N] [--max-amplification N] [--max-fan-out N]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      'max-amplification': { type: 'string' },
      'max-fan-out': { type: 'string' },
    });
    const format = choiceOption(values.format, 'format', FORMATS, 'text');
    const maxWarnings = integerOption(values['max-warnings'], 'max-warnings', undefined, 0);
    // Only the limits given here: they win over topo.json, which wins over the defaults.
    const limits: Partial<TopoLimits> = {
      maxRetryAmplification: values['max-amplification'] === undefined ? undefined : numberOption(values['max-amplification'], 'max-amplification', 0),
      maxFanOut: values['max-fan-out'] === undefined ? undefined : numberOption(values['max-fan-out'], 'max-fan-out', 0),
    };
    if (positionals.length === 0) throw new UsageError(`which files or folders? usage: ${check.usage}`);
    const files = topoFiles(positionals, io);
    const findings = await findingsOf(files, limits, io);
    io.stdout(await render(format, findings, files.length, io.cwd));
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

async function render(format: (typeof FORMATS)[number], findings: Finding[], files: number, cwd: string): Promise<string> {
  switch (format) {
    case 'json':
      return JSON.stringify({ diagnostics: findings.map((f) => toJsonDiagnostic(f, cwd)) }, null, 2) + '\n';
    case 'sarif': {
      // Only SARIF reads the rule pages.
      const [{ toSarif }, { rulePages }] = await Promise.all([import('../sarif.js'), import('../rule-pages.js')]);
      return JSON.stringify(toSarif(findings, rulePages(), cwd), null, 2) + '\n';
    }
    case 'github':
      return findings.map((f) => formatWorkflowCommand(f, cwd) + '\n').join('') + summary(findings, files) + '\n';
    case 'text':
      return findings.map((f) => formatFindingLine(f, cwd) + '\n').join('') + summary(findings, files) + '\n';
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
