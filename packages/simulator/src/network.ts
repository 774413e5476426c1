// The network between two places: the one-way time of a message (the hop plus encode), and
// the petal a message stays inside, which costs `network.petal` and no encode. The times are
// the model's `oneWayMs`, which the budget planners allow for too.
import { oneWayMs, type Network } from '@topo/model';
import { nanos } from '@topo/runtime';
import { MANAGED_ZONE, type Place } from './deployment.js';

export class NetworkModel {
  private readonly zone: number;
  private readonly crossZone: number;
  private readonly crossRegion: number;
  private readonly petal: number;
  /** For two members of one petal, keyed a × n + b: the petal. */
  private readonly petalOfPair = new Map<number, { name: string; region: string }>();

  constructor(
    net: Network,
    private readonly n: number,
    petalMembers: { name: string; region: string; members: number[] }[],
  ) {
    this.zone = nanos(oneWayMs(net, 'zone'));
    this.crossZone = nanos(oneWayMs(net, 'crossZone'));
    this.crossRegion = nanos(oneWayMs(net, 'crossRegion'));
    this.petal = nanos(oneWayMs(net, 'petal'));
    for (const p of petalMembers) for (const a of p.members) for (const b of p.members) if (a !== b) this.petalOfPair.set(a * n + b, p);
  }

  /** The petal a message between two places stays in: members of one petal, in its region. */
  petalBetween(from: Place, to: Place): string | undefined {
    if (this.petalOfPair.size === 0 || from === to || from.target < 0 || from.region !== to.region) return undefined;
    const petal = this.petalOfPair.get(from.target * this.n + to.target);
    return petal?.region === to.region ? petal.name : undefined;
  }

  /** One-way time of a message between two places: the hop plus encode and decode. */
  oneWay(from: Place, to: Place): number {
    if (from === to) return 0;
    if (this.petalBetween(from, to) !== undefined) return this.petal;
    if (from.region !== to.region) return this.crossRegion;
    if (from.zone === to.zone || to.zone === MANAGED_ZONE || from.zone === MANAGED_ZONE) return this.zone;
    return this.crossZone;
  }
}
