// connect-timeout: a connect timeout is there to fail fast on a dead instance; one that is
// not shorter than the request timeout never fires first (connection vs request timeout confusion).
import { formatDuration } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { lessThan } from '../numbers.js';

export function connectTimeout(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    for (const call of ctx.callsFrom(s.name)) {
      if (call.connectMs === undefined || call.timeoutMs === undefined || lessThan(call.connectMs, call.timeoutMs)) continue;
      const message = `connect ${formatDuration(call.connectMs)} is not shorter than timeout ${formatDuration(call.timeoutMs)}: a dead instance of ${call.target} is only given up on when the whole timeout has passed`;
      out.push(finding('connect-timeout', 'error', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}
