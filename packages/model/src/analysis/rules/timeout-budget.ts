// timeout-budget: the caller gives up while the target still works or retries, so the
// target's work is never used and the caller's retry adds more of it (a retry storm).
import { formatDuration } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { formatNeed } from '../cost.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { lessThan } from '../numbers.js';

export function timeoutBudget(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  // One breakdown per target, however many calls fall short of it.
  const breakdowns = new Map<string, string>();
  for (const { caller: s, call, timeoutMs, need } of ctx.budgetedCalls()) {
    if (!lessThan(timeoutMs, need.ms)) continue;
    const bounded = ctx.bounded(s.name);
    let breakdown = breakdowns.get(call.target);
    if (breakdown === undefined) breakdowns.set(call.target, (breakdown = formatNeed(need)));
    const message =
      `timeout ${formatDuration(timeoutMs)} on the call to ${call.target} is shorter than ${call.target} may take: ${breakdown}` +
      (bounded ? `; every entry that reaches ${s.name} passes its deadline down (budget propagate), so the work stops when the deadline passes` : '');
    out.push(finding('timeout-budget', bounded ? 'info' : 'error', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
  }
  return out;
}
