// chatty-calls: one request that goes back to the same neighbour again and again pays a
// round trip each time; latency tolerant protocols ask once for what they need.
import type { Call } from '../../model.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

const CHATTY = 3;

export function chattyCalls(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    const seen = new Map<string, Call[]>();
    for (const step of s.steps) {
      if (step.kind !== 'call') continue;
      const call = step.call;
      const calls = [...(seen.get(call.target) ?? []), call];
      seen.set(call.target, calls);
      if (calls.length !== CHATTY) continue;
      // A call with a share or behind a cache miss happens on some requests only.
      const when = calls.every((c) => c.share === 1 && c.onMiss === undefined) ? 'in each request' : 'in a request that makes them all';
      const message = `${s.name} calls ${call.target} ${CHATTY} times one after another ${when}: every round trip adds latency; ask once for what it needs`;
      out.push(finding('chatty-calls', 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}
