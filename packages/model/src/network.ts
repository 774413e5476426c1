// The network's times as the simulator charges them, in one place: the one-way time of a
// message, and from it what a call waits beyond its target's need — the round trip to the
// target and, into Cassandra, the coordinator's round trip to its replicas. The simulator
// sends each message with `oneWayMs`; the budget planner and the spigo importer leave this
// room in the timeouts they write, so that a timeout that covers a need also covers the
// network the need leaves out.
import type { Call, Component, Consistency, Network } from './model.js';

/** How far a message goes: inside a zone (or to a managed endpoint), across zones, across regions, or between members of a petal. */
export type Hop = 'zone' | 'crossZone' | 'crossRegion' | 'petal';

/** One-way time of a message: the hop plus encode and decode; inside a petal, the petal's time alone. */
export function oneWayMs(network: Network, hop: Hop): number {
  switch (hop) {
    case 'zone':
      return network.zoneMs + network.encodeMs;
    case 'crossZone':
      return network.crossZoneMs + network.encodeMs;
    case 'crossRegion':
      return network.crossRegionMs + network.encodeMs;
    case 'petal':
      return network.petalMs;
  }
}

/** The longest round trip between two places of one region (any two zones, a managed endpoint, a petal) or, with `crossRegion`, of two regions. */
export function longestRoundTripMs(network: Network, crossRegion: boolean): number {
  const oneWay = crossRegion ? oneWayMs(network, 'crossRegion') : Math.max(oneWayMs(network, 'zone'), oneWayMs(network, 'crossZone'), oneWayMs(network, 'petal'));
  return 2 * oneWay;
}

/**
 * Whether a call from a caller deployed in `from` may leave its region for a target deployed
 * in `to` (undefined: in every region): the load balancer stays in the caller's region when
 * the target has instances there, so only a region of the caller's without the target's
 * instances sends the call across regions.
 */
export function mayLeaveRegion(from: readonly string[] | undefined, to: readonly string[] | undefined): boolean {
  return to !== undefined && (from === undefined || !from.every((r) => to.includes(r)));
}

/** How many replicas a Cassandra consistency level waits for, of `replication` copies. */
export function replicasNeeded(level: Consistency, replication: number): number {
  switch (level) {
    case 'ONE':
      return 1;
    case 'QUORUM':
      return Math.floor(replication / 2) + 1;
    case 'ALL':
      return replication;
  }
}

/**
 * The network a call waits for beyond its target's need, at the longest: the round trip to
 * the target's instance (inside the caller's region when the target runs in each of the
 * caller's regions, else across regions), and into Cassandra at a level that waits for more
 * than one replica, the coordinator's round trip to a replica in another zone. (need already
 * counts the timeouts of the target's own calls, and each of those covers its own network.)
 * `component` finds the caller and the target by name.
 */
export function callNetworkMs(network: Network, call: Call, component: (name: string) => Component | undefined): number {
  const target = component(call.target);
  let ms = longestRoundTripMs(network, mayLeaveRegion(component(call.from)?.regions, target?.regions));
  if (target?.kind === 'datastore' && target.engine === 'cassandra') {
    const copies = Math.min(target.replication, Math.max(1, target.instancesPerRegion));
    if (replicasNeeded(call.mode === 'write' ? target.write : target.read, copies) > 1) ms += longestRoundTripMs(network, false);
  }
  return ms;
}

/** The network a client's request waits for beyond the entry's need: its round trip to the entry, inside the entry's region. */
export function clientNetworkMs(network: Network): number {
  return longestRoundTripMs(network, false);
}
