// chatty-calls: one request that goes back to the same neighbour again and again pays a
// round trip each time; latency tolerant protocols ask once for what they need.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

const CHATTY = 3;

export function chattyCalls(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    const seen = new Map<string, number>();
    for (const step of s.steps) {
      if (step.kind !== 'call') continue;
      const call = step.call;
      const count = (seen.get(call.target) ?? 0) + 1;
      seen.set(call.target, count);
      if (count !== CHATTY) continue;
      const message = `${s.name} calls ${call.target} ${CHATTY} times one after another in each request: every round trip adds latency; ask once for what it needs`;
      out.push(finding('chatty-calls', 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}
