// unknown-instance-type: carbon and capacity come from the built-in catalog; for a type
// outside it, carbon falls back to per-vCPU defaults and the numbers are guesses.
import { instanceType } from '../../catalog.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function unknownInstanceType(ctx: AnalysisContext): AnalysisFinding[] {
  return ctx.components.flatMap((c) =>
    c.instanceType === undefined || instanceType(c.instanceType)
      ? []
      : [
          finding(
            'unknown-instance-type',
            'warning',
            `${c.instanceType} is not in the built-in catalog: carbon for ${c.name} uses per-vCPU defaults, so its numbers are guesses`,
            reportAt(ctx.model, c.locs.instanceType, c.locs.instances, c.locs.name, c.loc),
            { subject: c.name },
          ),
        ],
  );
}
