// Faults from the scenario: instances killed (and revived after `for`), a zone down for a
// while, instances slowed or failing requests for a while, and the Chaos Monkey killing one
// instance of a service (not opted out) at every interval of the load. Each fault is one
// chaos event, from when it strikes to when it is lifted.
import { formatDuration, type Chaos, type Scenario } from '@topo/model';
import { nanos, type Process, type Runtime } from '@topo/runtime';
import type { Instance } from './deployment.js';
import type { Fleet } from './lifecycle.js';
import type { ChaosEvent } from './result.js';
import type { Topology } from './topology.js';

/** What chaos needs of the run: its instances and their life, the end of the load, and the log. */
export interface ChaosRun {
  readonly rt: Runtime;
  readonly topo: Topology;
  readonly scenario: Scenario;
  readonly loadEndNs: number;
  readonly fleet: Fleet;
  logChaos(kind: ChaosEvent['kind'], what: string, endNs: number, hasFor: boolean): void;
}

function names(victims: Instance[]): string {
  const shown = victims.slice(0, 5).map((i) => i.name);
  return victims.length > 5 ? `${shown.join(', ')} and ${victims.length - 5} more` : shown.join(', ');
}

/** Up to `count` of `pool` at random, or all of it without a count. */
function pick(pool: Instance[], count: number | undefined, p: Process): Instance[] {
  if (count === undefined) return pool;
  const left = [...pool];
  const out: Instance[] = [];
  while (out.length < count && left.length > 0) out.push(left.splice(p.randomInt(left.length), 1)[0]!);
  return out;
}

/** What a fault did when it struck, and how to lift it. */
interface Struck {
  what: string;
  lift: () => void;
}

type Timed = Exclude<Chaos, { kind: 'monkey' }>;

function strike(e: ChaosRun, c: Timed, p: Process): Struck {
  if (c.kind === 'zone') {
    const victims = e.topo.instances.filter((i) => i.region === c.region && i.zone === c.zone && i.alive && !i.target.managed);
    for (const v of victims) e.fleet.kill(v);
    return { what: `zone ${c.region}.${c.zone} down: ${victims.length} instances`, lift: () => victims.forEach((v) => e.fleet.revive(v)) };
  }
  const target = e.topo.byName.get(c.target);
  const instances = target?.instances ?? [];
  const of = c.count === undefined ? c.target : `${c.count} of ${c.target}`;
  if (c.kind === 'kill') {
    // A managed datastore is a service of the provider: it has no instances to kill.
    if (target?.managed) return { what: `kill ${of}: managed, nothing to kill`, lift: () => {} };
    const victims = pick(instances.filter((i) => i.alive), c.count, p);
    for (const v of victims) e.fleet.kill(v);
    return { what: `kill ${of}: ${victims.length === 0 ? 'none alive' : names(victims)}`, lift: () => victims.forEach((v) => e.fleet.revive(v)) };
  }
  const victims = pick(c.count === undefined ? instances : instances.filter((i) => i.alive), c.count, p);
  if (c.kind === 'slow') {
    const byNs = nanos(c.byMs);
    for (const v of victims) v.slowNs += byNs;
    return { what: `slow ${of} by ${formatDuration(c.byMs)}: ${names(victims)}`, lift: () => victims.forEach((v) => (v.slowNs -= byNs)) };
  }
  // The fault draws from this process's random stream, so a run stays deterministic.
  const fault = { share: c.share, u: p };
  for (const v of victims) v.fails.push(fault);
  return {
    what: `fail ${of} ${Math.round(c.share * 1e4) / 100}%: ${names(victims)}`,
    lift: () => victims.forEach((v) => v.fails.splice(v.fails.indexOf(fault), 1)),
  };
}

function monkey(e: ChaosRun, everyMs: number, p: Process): void {
  const every = nanos(everyMs);
  const next = (): void => {
    if (every <= 0 || p.now + every >= e.loadEndNs) return;
    p.sleep(every, () => {
      const candidates = e.topo.instances.filter((i) => i.alive && i.target.component.kind === 'service' && !i.target.component.chaosOptout);
      if (candidates.length > 0) {
        const victim = candidates[p.randomInt(candidates.length)]!;
        e.fleet.kill(victim);
        e.logChaos('monkey', `chaos monkey: ${victim.name}`, p.now, false);
      }
      next();
    });
  };
  next();
}

function run(e: ChaosRun, c: Chaos, p: Process): void {
  if (c.kind === 'monkey') return monkey(e, c.everyMs, p);
  p.sleep(nanos(c.atMs), () => {
    const struck = strike(e, c, p);
    // Without `for` a fault lasts to the end of the load (and through the drain).
    const forNs = c.forMs === undefined ? undefined : nanos(c.forMs);
    e.logChaos(c.kind, struck.what, forNs === undefined ? Math.max(p.now, e.loadEndNs) : p.now + forNs, forNs !== undefined);
    if (forNs !== undefined) p.sleep(forNs, struck.lift);
  });
}

export function scheduleChaos(e: ChaosRun): void {
  for (const c of e.scenario.chaos) e.rt.spawn((p) => run(e, c, p));
}
