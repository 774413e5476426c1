// `topo check FILE...`: the diagnostics of each file and of the files it imports.
import type { Finding } from '@topo/model';
import { DEFAULT_LIMITS, loadModel } from '@topo/language';
import { formatFindingLine, toJsonDiagnostic } from '../format-diagnostics.js';
import { UsageError, type Command } from '../io.js';
import { requireReadableFile } from '../load.js';
import { choiceOption, numberOption, parseCommandArgs } from '../options.js';

export const check: Command = {
  name: 'check',
  summary: 'report the diagnostics of .topo files (and of the files they import)',
  usage: 'topo check FILE... [--format text|json] [--max-amplification N] [--max-fan-out N]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string' },
      'max-amplification': { type: 'string' },
      'max-fan-out': { type: 'string' },
    });
    const format = choiceOption(values.format, 'format', ['text', 'json'] as const, 'text');
    const limits = {
      maxRetryAmplification: numberOption(values['max-amplification'], 'max-amplification', DEFAULT_LIMITS.maxRetryAmplification),
      maxFanOut: numberOption(values['max-fan-out'], 'max-fan-out', DEFAULT_LIMITS.maxFanOut),
    };
    if (positionals.length === 0) throw new UsageError(`which file? usage: ${check.usage}`);
    const files = positionals.map((p) => requireReadableFile(p, io));
    const findings = dedupe((await Promise.all(files.map((f) => loadModel(f, { limits })))).flatMap((r) => r.findings));
    if (format === 'json') {
      io.stdout(JSON.stringify({ diagnostics: findings.map((f) => toJsonDiagnostic(f, io.cwd)) }, null, 2) + '\n');
    } else {
      for (const f of findings) io.stdout(formatFindingLine(f, io.cwd) + '\n');
      io.stdout(summary(findings, files.length) + '\n');
    }
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

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
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'info'],
  ].flatMap(([n, word]) => (n ? [`${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`] : []));
  const where = `${files} file${files === 1 ? '' : 's'} checked`;
  return parts.length ? `${parts.join(', ')} (${where})` : `no problems (${where})`;
}
