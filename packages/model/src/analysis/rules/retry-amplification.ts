// retry-amplification: retries multiply down a chain of calls. Reported on the call where
// one request from an entry first reaches its target more times than the limit.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function retryAmplification(ctx: AnalysisContext): AnalysisFinding[] {
  const limit = ctx.limits.maxRetryAmplification;
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    const reach = ctx.reach(s.name);
    if (!reach || reach.times > limit) continue;
    for (const call of ctx.callsFrom(s.name)) {
      if (ctx.inCycle(call)) continue;
      const attempts = ctx.cost(call).attempts;
      const times = reach.times * attempts;
      if (times <= limit) continue;
      const message = `one request into ${reach.entry} can reach ${call.target} ${times} times (${reach.times} × ${attempts} attempts), more than the limit of ${limit}: retries multiply down the chain`;
      out.push(finding('retry-amplification', 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}
