// The load balancer: which listed instance of a target an attempt goes to.
import type { Uniform } from './distributions.js';
import type { Instance, Place, Target } from './deployment.js';

/**
 * Zone-aware load balancing over the instances the registry lists: the caller's zone first,
 * then its region, then anywhere. `avoid` are instances already tried (retry different);
 * when every candidate was tried, any listed instance will do.
 */
export function pickInstance(t: Target, from: Place, u: Uniform, avoid: Instance[] | undefined): Instance | undefined {
  return (
    pickFrom(t.inZone.get(from.zoneKey), u, avoid) ??
    pickFrom(t.inRegion.get(from.region), u, avoid) ??
    pickFrom(t.instances, u, avoid) ??
    (avoid && avoid.length > 0 ? pickInstance(t, from, u, undefined) : undefined)
  );
}

function pickFrom(tier: Instance[] | undefined, u: Uniform, avoid: Instance[] | undefined): Instance | undefined {
  if (!tier || tier.length === 0) return undefined;
  // Fast path: one draw, usually an eligible instance. Otherwise draw among the eligible ones.
  const first = tier[Math.floor(u.random() * tier.length)]!;
  if (eligible(first, avoid)) return first;
  const candidates = tier.filter((i) => eligible(i, avoid));
  return candidates.length === 0 ? undefined : candidates[Math.floor(u.random() * candidates.length)];
}

function eligible(i: Instance, avoid: Instance[] | undefined): boolean {
  return i.known && !(avoid !== undefined && avoid.includes(i));
}
