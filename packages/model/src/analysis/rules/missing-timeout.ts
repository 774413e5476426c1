// missing-timeout: a call that can wait forever, and a need nobody upstream can budget for.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function missingTimeout(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    for (const call of ctx.callsFrom(s.name)) {
      if (call.timeoutMs !== undefined) continue;
      const message = `the call to ${call.target} has no timeout: if ${call.target} hangs, ${s.name} waits with it, and no caller of ${s.name} can budget for it`;
      out.push(finding('missing-timeout', 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}
