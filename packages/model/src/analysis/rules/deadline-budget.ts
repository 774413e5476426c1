// deadline-budget: an edge promises its clients less time than its own calls may take.
import { formatDuration } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { formatNeed } from '../cost.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { lessThan } from '../numbers.js';

export function deadlineBudget(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    if (s.deadlineMs === undefined) continue;
    const need = ctx.need(s.name)!;
    if (!Number.isFinite(need.ms) || !lessThan(s.deadlineMs, need.ms)) continue;
    const message =
      `deadline ${formatDuration(s.deadlineMs)} is shorter than ${s.name} may take: ${formatNeed(need)}` +
      (s.budgetPropagate ? '; budget propagate passes the deadline down, so the work stops when it passes' : '');
    out.push(finding('deadline-budget', s.budgetPropagate ? 'info' : 'error', message, reportAt(ctx.model, s.locs.deadline, s.locs.name, s.loc), { subject: s.name }));
  }
  return out;
}
