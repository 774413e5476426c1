// layer-violation and sideways-dependency: calls go down the layers, edge → esl → sal →
// data. An upward call tangles the layers; a call between data providers (sal → sal) is
// the "everything depends on everything else" of the tangled datacenter code base.
import type { Layer } from '../../model.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

const DEPTH: Record<Layer, number> = { edge: 0, esl: 1, sal: 2 };

export function layerViolation(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    if (!s.layer) continue;
    for (const call of ctx.callsFrom(s.name)) {
      const layer = ctx.service(call.target)?.layer;
      if (!layer || DEPTH[layer] >= DEPTH[s.layer]) continue;
      const message = `${s.name} (${s.layer}) calls ${call.target} (${layer}), a layer above it: calls go down, edge → esl → sal → data`;
      out.push(finding('layer-violation', 'error', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}

export function sidewaysDependency(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    if (s.layer !== 'sal') continue;
    for (const call of ctx.callsFrom(s.name)) {
      if (call.target === s.name || ctx.service(call.target)?.layer !== 'sal') continue;
      const message = `${s.name} and ${call.target} are both data providers (sal): a sideways dependency ties their releases and failures together; combine them in an esl service instead`;
      out.push(finding('sideways-dependency', 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}
