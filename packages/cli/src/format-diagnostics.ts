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
