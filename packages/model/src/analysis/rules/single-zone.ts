// single-zone: instances that all sit in one zone of a region go down with that zone.
// Zones are separate buildings with separate power: one copy per zone survives losing one.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function singleZone(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const c of ctx.components) {
    if (c.managed) continue;
    const zonesByRegion = new Map<string, Set<string>>();
    const countByRegion = new Map<string, number>();
    for (const p of c.placement) {
      if (p.count <= 0) continue;
      let zones = zonesByRegion.get(p.region);
      if (!zones) zonesByRegion.set(p.region, (zones = new Set()));
      zones.add(p.zone);
      countByRegion.set(p.region, (countByRegion.get(p.region) ?? 0) + p.count);
    }
    const lone = [...zonesByRegion].filter(([, zones]) => zones.size === 1);
    if (lone.length === 0) continue;
    const where = lone
      .map(([region, zones]) => {
        const n = countByRegion.get(region)!;
        return `${region}: ${n === 1 ? 'its only instance, in' : `${n} instances, all in`} zone ${[...zones][0]}`;
      })
      .join('; ');
    // A region declared with one zone has nowhere to spread to: the fix is another zone.
    const cramped = lone.filter(([region]) => (ctx.model.regions.find((r) => r.name === region)?.zones.length ?? 0) < 2).map(([region]) => region);
    const fix = cramped.length === 0 ? "spread its instances over the region's zones" : `declare another zone for ${cramped.join(' and ')} and spread its instances over them`;
    const message = `${c.name} runs in one zone of a region (${where}): losing that zone takes ${c.name} down there; ${fix}`;
    out.push(finding('single-zone', 'warning', message, reportAt(ctx.model, c.locs.instances, c.locs.name, c.loc), { subject: c.name }));
  }
  return out;
}
