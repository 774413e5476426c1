// Which compound boxes the diagram draws for a --group-by choice, and who sits in each.
import type { Component, Loc, Model } from '@topo/model';
import { components, formatSize } from '@topo/model';
import type { GroupBy } from './layout-types.js';

export interface GroupSpec {
  /** Cannot collide with a component's name: names have no colon. */
  id: string;
  kind: Exclude<GroupBy, 'none'>;
  /** Layers are drawn as lanes across the whole height, around their partition's
   *  columns; every other grouping as a compound node that ELK lays out. */
  lane: boolean;
  label: string;
  members: string[];
  tooltip: string[];
  /** The petal's source, for its findings. */
  petal?: string;
  loc?: Loc;
}

/** Short labels, as a lane is only as wide as its widest node; the tooltip spells them out. */
const LAYERS: Record<string, { label: string; long: string }> = {
  edge: { label: 'edge', long: 'edge services' },
  esl: { label: 'esl', long: 'edge service layer (esl)' },
  services: { label: 'no layer', long: 'services without a layer' },
  sal: { label: 'sal', long: 'service access layer (sal)' },
  data: { label: 'data', long: 'datastores and caches' },
};

function layerKey(c: Component): string {
  if (c.kind !== 'service') return 'data';
  return c.layer ?? 'services';
}

/** Members in model order, keyed; a component without a key stays outside every box. */
function byKey(model: Model, keyOf: (c: Component) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const c of components(model)) {
    const key = keyOf(c);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), c.name]);
  }
  return groups;
}

export function groupsOf(model: Model, groupBy: GroupBy): GroupSpec[] {
  switch (groupBy) {
    case 'none':
      return [];
    case 'layer':
      return [...byKey(model, layerKey)].map(([key, members]) => ({
        id: `group:layer:${key}`,
        kind: 'layer',
        lane: true,
        label: LAYERS[key]!.label,
        members,
        tooltip: [`${LAYERS[key]!.long}: ${members.length} member${members.length === 1 ? '' : 's'}`],
      }));
    case 'region': {
      // A component deployed in several regions cannot sit in several boxes: the box is
      // the set of regions it runs in.
      const order = model.regions.map((r) => r.name);
      const keyOf = (c: Component) =>
        [...c.regions].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(' + ');
      return [...byKey(model, keyOf)].map(([key, members]) => ({
        id: `group:region:${key}`,
        kind: 'region',
        lane: false,
        label: key,
        members,
        tooltip: [`deployed in ${key}`],
      }));
    }
    case 'team':
      return [...byKey(model, (c) => c.team)].map(([team, members]) => ({
        id: `group:team:${team}`,
        kind: 'team',
        lane: false,
        label: `team ${team}`,
        members,
        tooltip: [`owned by team ${team}`],
      }));
    case 'petal': {
      // A component named by two petals is drawn in the first.
      const placed = new Set<string>();
      const known = new Set(components(model).map((c) => c.name));
      const groups: GroupSpec[] = [];
      for (const p of model.petals) {
        const members = p.members.filter((m) => known.has(m) && !placed.has(m));
        members.forEach((m) => placed.add(m));
        if (members.length === 0) continue;
        groups.push({
          id: `group:petal:${p.name}`,
          kind: 'petal',
          lane: false,
          label: `petal ${p.name} · ${p.region}`,
          members,
          tooltip: [`petal ${p.name}: members share memory in ${p.region}`, `${p.memoryBytes === undefined ? "no declared" : formatSize(p.memoryBytes)} memory, ${p.replicas} replicas`],
          petal: p.name,
          loc: p.loc,
        });
      }
      return groups;
    }
  }
}
