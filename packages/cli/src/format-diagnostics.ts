// Diagnostics as the CLI prints them: 1-based lines and columns, paths relative to cwd.
import { relative } from 'node:path';
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

export function displayPath(uri: string, cwd: string): string {
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const rel = relative(cwd, path);
  return rel === '' ? path : rel;
}

export function toJsonDiagnostic(f: Finding, cwd: string): JsonDiagnostic {
  return {
    file: displayPath(f.loc.uri, cwd),
    line: f.loc.start.line + 1,
    column: f.loc.start.character + 1,
    endLine: f.loc.end.line + 1,
    endColumn: f.loc.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}

export function formatFindingLine(f: Finding, cwd: string): string {
  const d = toJsonDiagnostic(f, cwd);
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
export function formatWorkflowCommand(f: Finding, cwd: string): string {
  const d = toJsonDiagnostic(f, cwd);
  const properties = Object.entries({ file: d.file, line: d.line, col: d.column, endLine: d.endLine, endColumn: d.endColumn, title: d.code });
  return `::${WORKFLOW_COMMANDS[f.severity]} ${properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(d.message)}`;
}
