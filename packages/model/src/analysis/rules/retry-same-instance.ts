// retry-same-instance: a retry that goes back to the instance that just failed asks the
// same broken thing again; only a retry on a different instance can succeed.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function retrySameInstance(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    for (const call of ctx.callsFrom(s.name)) {
      if (call.retries === 0) continue;
      const target = ctx.component(call.target)!;
      const alone = !target.managed && target.instancesPerRegion <= 1;
      if (call.retry !== 'same' && !alone) continue;
      const retries = call.retries === 1 ? 'its retry goes' : `each of its ${call.retries} retries goes`;
      const why =
        call.retry === 'same'
          ? `with retry same, ${retries} back to the instance that just failed`
          : `${call.target} has ${target.instancesPerRegion === 1 ? 'one instance' : 'no instances'} per region, so ${retries} back to the instance that just failed`;
      out.push(finding('retry-same-instance', 'warning', `the call to ${call.target} retries, but ${why}: retry only on a different instance of a replicated service`, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}
