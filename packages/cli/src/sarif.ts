// `topo check --format sarif`: findings as a SARIF 2.1.0 log, the format code scanning
// (GitHub's upload-sarif, Azure DevOps, IDE viewers) reads. Files below the working
// directory are relative to %SRCROOT%, so the log does not depend on where CI checked out.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '@topo/model';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { pathNamer, toJsonDiagnostic } from './format-diagnostics.js';
import type { RulePage } from './rule-pages.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Record<Finding['severity'], Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(findings: Finding[], rules: RulePage[], cwd: string): Log {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const root = pathToFileURL(cwd).href.replace(/\/?$/, '/');
  return {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: { driver: { name: 'topo', rules: rules.map(toDescriptor) } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: root } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => toResult(f, ruleIndex.get(f.code), root, cwd)),
      },
    ],
  };
}

function toDescriptor(rule: RulePage): ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.description },
    helpUri: rule.url,
    help: { text: rule.description, markdown: rule.markdown },
    ...(rule.severity ? { defaultConfiguration: { level: LEVELS[rule.severity] } } : {}),
  };
}

function toResult(f: Finding, ruleIndex: number | undefined, root: string, cwd: string): Result {
  // Node's encoding of the path, the same as the root's (Langium's URIs encode differently).
  const uri = f.loc.uri.startsWith('file:') ? pathToFileURL(fileURLToPath(f.loc.uri)).href : f.loc.uri;
  const d = toJsonDiagnostic(f, pathNamer(cwd));
  const artifactLocation = uri.startsWith(root) ? { uri: uri.slice(root.length), uriBaseId: SOURCE_ROOT } : { uri };
  return {
    ruleId: f.code,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          // 1-based; the end column is the one after the region, as SARIF and LSP both count.
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
  };
}
