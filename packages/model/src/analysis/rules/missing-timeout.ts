// missing-timeout: a call that can wait forever, and a need nobody upstream can budget for.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function missingTimeout(ctx: AnalysisContext): AnalysisFinding[] {
  return ctx.services.flatMap((s) =>
    ctx.callsFrom(s.name).flatMap((call) =>
      call.timeoutMs !== undefined
        ? []
        : [
            finding(
              'missing-timeout',
              'warning',
              `the call to ${call.target} has no timeout: if ${call.target} hangs, ${s.name} waits with it, and no caller of ${s.name} can budget for it`,
              reportAt(ctx.model, call.loc, s.loc),
              { callId: call.id, subject: s.name },
            ),
          ],
    ),
  );
}
