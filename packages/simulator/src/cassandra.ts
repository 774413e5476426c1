// A Cassandra request: the node the caller reached coordinates it. The key's replicas in the
// region are the coordinator and one node per other zone (more per zone when the replication
// factor exceeds the zones); reads go to as many live replicas as the consistency level needs,
// writes to all of them, and the coordinator answers once that many replied. Writes also go,
// asynchronously and unawaited, to the replicas in the datastore's other regions.
import { replicasNeeded, type Datastore } from '@topo/model';
import type { Runtime } from '@topo/runtime';
import { JobKind, type Instance, type Job, type ReplyTo, type Target } from './deployment.js';
import { callerWaits, FAILED, OK, waiting, type AttemptState, type Reply } from './request.js';

/** What a coordinator needs of the run: the runtime, and the network to send replica jobs and answer on. */
export interface Coordination {
  readonly rt: Runtime;
  send(job: Job): void;
  answer(job: Job, r: Reply, at: Instance): void;
}

/** The key's replicas in `first`'s region, `first` included, nearest (its zone) first. */
export function replicaSet(t: Target, first: Instance, key: number, rf: number): Instance[] {
  const zones = t.zonesOf.get(first.region)!;
  const start = zones.findIndex((z) => z[0]!.zone === first.zone);
  const out = [first];
  // Round by round, one node per zone, starting at the coordinator's zone, for which the
  // coordinator itself is the first round's replica.
  for (let round = 0; out.length < rf; round++) {
    let added = false;
    for (let j = round === 0 ? 1 : 0; j < zones.length && out.length < rf; j++) {
      const nodes = zones[(start + j) % zones.length]!;
      if (round >= nodes.length) continue;
      const node = nodes[(key + round) % nodes.length]!;
      added = true;
      if (!out.includes(node)) out.push(node);
    }
    if (!added) break;
  }
  return out;
}

/** A stable per-request key, spread over the ring. */
function keyOf(job: Job): number {
  return Math.imul(job.req.id + 1, 2654435761) >>> 0;
}

function replicaJob(job: Job, node: Instance, from: Instance, reply: Job['reply'], attempt: AttemptState): Job {
  return { kind: JobKind.Replica, req: job.req, dest: node, write: job.write, reply, from: from.place, attempt, spanId: job.spanId, depth: job.depth, arrivedNs: 0, answer: OK };
}

export function coordinate(e: Coordination, node: Instance, job: Job): void {
  const t = node.target;
  const ds = t.component as Datastore;
  const key = keyOf(job);
  const regionNodes = t.inRegion.get(node.region)!.length;
  const rf = Math.min(ds.replication, regionNodes);
  const need = replicasNeeded(job.write ? ds.write : ds.read, rf);
  // Replicas the coordinator's failure detector believes alive (it learns like everyone else).
  const live = replicaSet(t, node, key, rf).filter((r) => r === node || r.known);
  if (live.length < need) {
    // Unavailable: the coordinator refuses at once.
    e.answer(job, FAILED, node);
    return;
  }
  const targets = job.write ? live : live.slice(0, need);
  const acks = e.rt.chan<Reply>(targets.length);
  const toAcks: ReplyTo = { answered: (replica) => void acks.offer(replica.answer) };
  for (const r of targets) e.send(replicaJob(job, r, node, toAcks, job.attempt));
  if (job.write) {
    for (const region of ds.regions) {
      const nodes = t.inRegion.get(region);
      if (region === node.region || !nodes || nodes.length === 0) continue;
      const remote = nodes[key % nodes.length]!;
      for (const r of replicaSet(t, remote, key, Math.min(ds.replication, nodes.length))) e.send(replicaJob(job, r, node, undefined, waiting()));
    }
  }
  e.rt.spawn((p) => {
    let got = 0;
    let refused = 0;
    // A replica with a full queue refuses: once too few are left to reach the level, the coordinator fails.
    const ack = (r: Reply): void => {
      if (!r.ok && ++refused > targets.length - need) {
        if (callerWaits(job.attempt)) e.answer(job, FAILED, node);
        return;
      }
      if (r.ok && ++got >= need) {
        if (job.req.measured) t.stats.latency.record(e.rt.now - job.arrivedNs);
        if (callerWaits(job.attempt)) e.answer(job, OK, node);
        return;
      }
      p.recv(acks, ack);
    };
    p.recv(acks, ack);
  }, node.life);
}
