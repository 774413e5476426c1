// route-shares: a request takes exactly one route, so the routes' shares must add up to
// the whole of the traffic; otherwise some requests go nowhere (or are counted twice).
import { formatShare } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { nearlyEqual } from '../numbers.js';

export function routeShares(ctx: AnalysisContext): AnalysisFinding[] {
  return ctx.services.flatMap((s) => {
    const routes = s.calls.filter((c) => c.group === 'route');
    if (routes.length === 0) return [];
    const total = routes.reduce((sum, r) => sum + (r.routeShare ?? 0), 0);
    if (nearlyEqual(total, 1)) return [];
    const parts = routes.map((r) => `${formatShare(r.routeShare ?? 0)} ${r.target}`).join(' + ');
    const message = `the routes of ${s.name} add up to ${formatShare(total)}, not 100%: ${parts}`;
    return [finding('route-shares', 'error', message, reportAt(ctx.model, routes[0]!.loc, s.loc), { callId: routes[0]!.id, subject: s.name })];
  });
}
