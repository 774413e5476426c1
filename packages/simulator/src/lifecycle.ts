// The instances' life: killed and revived by chaos, started, drained and stopped by the
// autoscaler. The registry (what callers pick from) learns of a death or a recovery
// `network.discovery` later, and lists a started instance once it is warm.
import type { Model } from '@topo/model';
import { nanos, type Runtime } from '@topo/runtime';
import type { Calls } from './call.js';
import { freeLock, Instance, type Job, type Target } from './deployment.js';
import type { Topology } from './topology.js';

/** What the fleet needs of the run: its instances, the measured window, and the calls the instances make. */
export interface FleetRun {
  readonly rt: Runtime;
  readonly topo: Topology;
  readonly warmupNs: number;
  readonly loadEndNs: number;
  readonly calls: Calls;
  readonly model: Model;
}

export class Fleet {
  private readonly rt: Runtime;
  private readonly discoveryNs: number;

  constructor(private readonly run: FleetRun) {
    this.rt = run.rt;
    this.discoveryNs = nanos(run.model.network.discoveryMs);
  }

  /** The instance dies with its queue and every process on it; callers learn after discovery. */
  kill(inst: Instance): void {
    inst.life.dead = true;
    this.run.calls.forget(inst);
    this.rt.at(this.discoveryNs, undefined, learn, inst);
  }

  /** The instance, if dead, comes back empty; callers learn after discovery. */
  revive(inst: Instance): void {
    // A scaled-in instance stays stopped.
    if (inst.alive || inst.stoppedNs !== undefined) return;
    inst.life = { dead: false };
    inst.active = 0;
    inst.inbox = this.rt.chan<Job>(Infinity);
    inst.lock = freeLock(inst.target, this.rt);
    inst.workers = 0;
    this.rt.at(this.discoveryNs, undefined, learn, inst);
  }

  /** Starts an instance of `t` in a zone; it is listed (serves) `warmupNs` later. */
  startInstance(t: Target, region: string, zone: string, name: string, warmupNs: number): Instance {
    const inst = new Instance(this.run.topo.instances.length, t, region, zone, name, this.rt);
    inst.startedNs = this.rt.now;
    inst.inService = false;
    inst.known = false;
    this.run.topo.instances.push(inst);
    t.add(inst);
    this.rt.at(warmupNs, undefined, listWarm, inst);
    return inst;
  }

  /** Scale-in: unlisted at once (callers stop picking it); it finishes what it holds. */
  drain(inst: Instance): void {
    inst.draining = true;
    inst.inService = false;
    inst.known = false;
  }

  /** Stops a drained instance: its running time ends, and it leaves the lists. */
  stop(inst: Instance): void {
    inst.stoppedNs = this.rt.now;
    inst.life.dead = true;
    inst.target.stoppedRunningNs += inst.runningNs(this.run.warmupNs, this.run.loadEndNs);
    inst.target.remove(inst);
  }
}

/** The registry catches up with an instance's state, `network.discovery` after it changed. */
function learn(inst: Instance): void {
  inst.known = inst.alive && inst.inService;
}

/** A started instance is listed once warm, unless it was scaled in meanwhile. */
function listWarm(inst: Instance): void {
  if (inst.draining) return;
  inst.inService = true;
  inst.known = inst.alive;
}
