// Petalith petals: services that share memory instead of encoding and sending messages.
// The petal's memory is replicated three ways for durability, its members must run in its
// region, and their working sets must fit in it.
import type { Component, Petal } from '../../model.js';
import { instanceType } from '../../catalog.js';
import { SIZE_UNITS_BYTES, formatSize } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { greaterThan } from '../numbers.js';

const PETALITH_REPLICAS = 3;

export function petalReplicas(ctx: AnalysisContext): AnalysisFinding[] {
  return ctx.model.petals.flatMap((p) =>
    p.replicas === PETALITH_REPLICAS
      ? []
      : [
          finding(
            'petal-replicas',
            'warning',
            `petal ${p.name} keeps ${p.replicas} ${p.replicas === 1 ? 'replica' : 'replicas'}: Petalith replicates memory three ways for durability`,
            reportAt(ctx.model, p.locs.replicas, p.loc),
            { subject: p.name },
          ),
        ],
  );
}

export function petalRegion(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const p of ctx.model.petals) {
    p.members.forEach((name, i) => {
      const member = ctx.component(name);
      if (!member || member.regions.includes(p.region)) return;
      const message = `${name} is a member of petal ${p.name} in ${p.region} but runs only in ${member.regions.join(', ') || 'no region'}: members share the petal's memory, so they must run in its region`;
      out.push(finding('petal-region', 'error', message, reportAt(ctx.model, p.locs.members[i], p.loc), { subject: p.name }));
    });
  }
  return out;
}

/** Memory of one instance: a service's working set, else its instance type's memory. */
function memoryPerInstance(c: Component): number {
  if (c.kind === 'service') return c.memoryBytes;
  const type = c.instanceType ? instanceType(c.instanceType) : undefined;
  return type ? type.memoryGiB * SIZE_UNITS_BYTES.GB : 0;
}

function instancesIn(c: Component, region: string): number {
  return c.placement.reduce((n, p) => (p.region === region ? n + p.count : n), 0);
}

/** The memory a petal's members use in its region: the total in bytes, and member by member. */
export interface PetalMemoryUse {
  total: number;
  parts: { name: string; instances: number; bytes: number }[];
}

export function petalMemoryUse(ctx: AnalysisContext, petal: Petal): PetalMemoryUse {
  const parts = petal.members.flatMap((name) => {
    const member = ctx.component(name);
    const instances = member ? instancesIn(member, petal.region) : 0;
    return member && instances > 0 ? [{ name, instances, bytes: memoryPerInstance(member) }] : [];
  });
  return { total: parts.reduce((sum, m) => sum + m.instances * m.bytes, 0), parts };
}

export function petalMemory(ctx: AnalysisContext): AnalysisFinding[] {
  return ctx.model.petals.flatMap((p) => {
    const use = petalMemoryUse(ctx, p);
    if (p.memoryBytes === undefined || !greaterThan(use.total, p.memoryBytes)) return [];
    const used = formatSize(use.total);
    const sum = use.parts.map((m) => `${m.name} ${m.instances} × ${formatSize(m.bytes)}`).join(' + ');
    const message = `the members of petal ${p.name} need ${used} in ${p.region}, more than its ${formatSize(p.memoryBytes)}: ${sum} = ${used}`;
    return [finding('petal-memory', 'error', message, reportAt(ctx.model, p.locs.memory, p.loc), { subject: p.name })];
  });
}
