// A design's findings in a few numbers, for results that were computed despite them: the
// simulation's JSON carries it and its text report opens with it.
import type { Finding } from './model.js';
import { plural } from './units.js';

export interface FindingsSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings by rule id (hints left out), ids in alphabetical order. */
  byRule: Record<string, number>;
}

/** Counts by severity and rule; hints, which the editor only greys out, are not counted. */
export function summarizeFindings(findings: readonly Finding[]): FindingsSummary {
  const counted = findings.filter((f) => f.severity !== 'hint');
  const byRule = new Map<string, number>();
  for (const f of counted) byRule.set(f.code, (byRule.get(f.code) ?? 0) + 1);
  return {
    errors: counted.filter((f) => f.severity === 'error').length,
    warnings: counted.filter((f) => f.severity === 'warning').length,
    infos: counted.filter((f) => f.severity === 'info').length,
    byRule: Object.fromEntries([...byRule].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Rule ids listed in a summary line before the rest is elided. */
const RULES_SHOWN = 6;

/** `3 errors, 1 warning (deadline-budget, timeout-budget ×2, …)`, or `no findings`. */
export function formatFindingsSummary(s: FindingsSummary): string {
  const counts = [
    ...(s.errors ? [plural(s.errors, 'error')] : []),
    ...(s.warnings ? [plural(s.warnings, 'warning')] : []),
    ...(s.infos ? [plural(s.infos, 'info')] : []),
  ];
  if (counts.length === 0) return 'no findings';
  const rules = Object.entries(s.byRule).map(([id, n]) => (n === 1 ? id : `${id} ×${n}`));
  const shown = rules.length > RULES_SHOWN ? [...rules.slice(0, RULES_SHOWN), '…'] : rules;
  return `${counts.join(', ')} (${shown.join(', ')})`;
}
