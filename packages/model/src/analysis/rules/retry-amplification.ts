// retry-amplification: retries multiply down a chain of calls. Reported on the call where
// one request from an entry first reaches its target more times than the limit. A call
// with `retry budget P` counts 1 + min(retries, P) attempts, and the message names the
// budgeted calls it counted that way.
import type { Call } from '../../model.js';
import { formatShare } from '../../units.js';
import { multiply, type AnalysisContext } from '../context.js';
import { reachAttempts } from '../cost.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function retryAmplification(ctx: AnalysisContext): AnalysisFinding[] {
  const limit = ctx.limits.maxRetryAmplification;
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    const reach = ctx.reach(s.name);
    if (!reach || reach.times > limit) continue;
    for (const call of ctx.callsFrom(s.name)) {
      if (ctx.inCycle(call)) continue;
      const attempts = reachAttempts(call);
      const times = multiply(reach.times, attempts);
      if (times <= limit) continue;
      const budgeted = call.retryBudget === undefined ? reach.budgeted : [...reach.budgeted, call];
      const message = `one request into ${reach.entry} can reach ${call.target} ${times} times (${reach.times} × ${attempts} attempts), more than the limit of ${limit}: retries multiply down the chain${budgetNote(budgeted)}`;
      out.push(finding('retry-amplification', 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}

/** `; counted with their retry budgets: edge → middle (20%)`, or nothing when no call on the way has one. */
function budgetNote(budgeted: readonly Call[]): string {
  if (budgeted.length === 0) return '';
  const calls = budgeted.map((c) => `${c.from} → ${c.target} (${formatShare(c.retryBudget!)})`).join(', ');
  return `; counted with ${budgeted.length === 1 ? 'its retry budget' : 'their retry budgets'}: ${calls}`;
}
