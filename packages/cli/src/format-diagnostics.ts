// Diagnostics as the CLI prints them: 1-based lines and columns, each file named as the
// command line gave it, else relative to cwd when below it, else absolute.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '@topo/model';

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

/** A file (URI or absolute path) as the CLI names it. */
export type PathNamer = (uri: string) => string;

/** A file relative to `cwd` when below it, else absolute (never `../..`). */
export function displayPath(uri: string, cwd: string): string {
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const rel = relative(cwd, path);
  return rel === '' || rel === '..' || rel.startsWith('..' + sep) ? path : rel;
}

/** Names the files of `given` (paths from the command line) as given; others by displayPath. */
export function pathNamer(cwd: string, given: readonly string[] = []): PathNamer {
  const spelled = new Map(given.map((g) => [resolve(cwd, g), g]));
  return (uri) => {
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    return spelled.get(path) ?? displayPath(path, cwd);
  };
}

export function toJsonDiagnostic(f: Finding, name: PathNamer): JsonDiagnostic {
  return {
    file: name(f.loc.uri),
    line: f.loc.start.line + 1,
    column: f.loc.start.character + 1,
    endLine: f.loc.end.line + 1,
    endColumn: f.loc.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}

export function formatFindingLine(f: Finding, name: PathNamer): string {
  const d = toJsonDiagnostic(f, name);
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

const WORKFLOW_COMMANDS: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub Actions' escaping of a workflow command's message (@actions/core's escapeData). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and of its properties, where `:` and `,` separate (escapeProperty). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A finding as a workflow command: GitHub Actions shows it on the line in the pull request. */
export function formatWorkflowCommand(f: Finding, name: PathNamer): string {
  const d = toJsonDiagnostic(f, name);
  const properties = Object.entries({ file: d.file, line: d.line, col: d.column, endLine: d.endLine, endColumn: d.endColumn, title: d.code });
  return `::${WORKFLOW_COMMANDS[f.severity]} ${properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(d.message)}`;
}
