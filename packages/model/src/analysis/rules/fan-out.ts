// fan-out: a service that calls too many others has to know too much about its
// neighbours: it is not a bounded context, and it changes whenever any of them does.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function fanOut(ctx: AnalysisContext): AnalysisFinding[] {
  const limit = ctx.limits.maxFanOut;
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    // No more calls than the limit, no more distinct targets either.
    if (ctx.callsFrom(s.name).length <= limit) continue;
    const targets = ctx.callees(s.name);
    if (targets.length <= limit) continue;
    const message = `${s.name} calls ${targets.length} distinct targets, more than ${limit}: ${targets.join(', ')}; a service that knows this much about its neighbours is no bounded context`;
    out.push(finding('fan-out', 'warning', message, reportAt(ctx.model, s.locs.name, s.loc), { subject: s.name }));
  }
  return out;
}
