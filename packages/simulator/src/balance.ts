// The load balancer: which listed instance of a target an attempt goes to.
import type { Uniform } from './distributions.js';
import type { Instance, Place, Target } from './deployment.js';

/**
 * Zone-aware load balancing over the instances the registry lists: the caller's zone first,
 * then its region, then anywhere. `avoid` are instances already tried (retry different);
 * when every candidate was tried, any listed instance will do.
 */
export function pickInstance(t: Target, from: Place, u: Uniform, avoid: Instance[] | undefined): Instance | undefined {
  const tiers = [t.inZone.get(from.zoneKey), t.inRegion.get(from.region), t.instances];
  for (const tier of tiers) {
    const found = pickFrom(tier, u, avoid);
    if (found) return found;
  }
  return avoid && avoid.length > 0 ? pickInstance(t, from, u, undefined) : undefined;
}

function pickFrom(tier: Instance[] | undefined, u: Uniform, avoid: Instance[] | undefined): Instance | undefined {
  if (!tier || tier.length === 0) return undefined;
  const ok = (i: Instance): boolean => i.known && !(avoid !== undefined && avoid.includes(i));
  // Fast path: one draw, usually an eligible instance. Otherwise draw among the eligible ones.
  const first = tier[Math.floor(u.random() * tier.length)]!;
  if (ok(first)) return first;
  const eligible = tier.filter(ok);
  return eligible.length === 0 ? undefined : eligible[Math.floor(u.random() * eligible.length)];
}
