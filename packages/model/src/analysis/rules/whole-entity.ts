// whole-entity: using a whole shared business object instead of the facet a consumer
// needs is false sharing: every change to the fat object reaches every user.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function wholeEntity(ctx: AnalysisContext): AnalysisFinding[] {
  return ctx.services.flatMap((s) =>
    s.uses
      .filter((use) => use.entity)
      .map((use) => {
        const facets = ctx.model.facets.filter((f) => f.entity === use.name).map((f) => f.name);
        const instead = facets.length > 0 ? `use the facet it needs (${facets.join(', ')})` : `declare a facet of ${use.name} with just what it needs`;
        const message = `${s.name} uses the whole entity ${use.name}: ${instead}, so that changes to the rest of ${use.name} do not reach it`;
        return finding('whole-entity', 'warning', message, reportAt(ctx.model, use.loc, s.locs.name, s.loc), { subject: s.name });
      }),
  );
}
