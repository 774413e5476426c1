// Chaos from the scenario: instances killed at a time, a zone down for a while, and the
// Chaos Monkey killing one instance of a service (not opted out) at every interval of the load.
import type { Chaos } from '@topo/model';
import { nanos, type Process } from '@topo/runtime';
import type { Engine } from './engine.js';
import type { Instance } from './topology.js';

function names(victims: Instance[]): string {
  const shown = victims.slice(0, 5).map((i) => i.name);
  return victims.length > 5 ? `${shown.join(', ')} and ${victims.length - 5} more` : shown.join(', ');
}

function run(e: Engine, c: Chaos, p: Process): void {
  switch (c.kind) {
    case 'kill':
      p.sleep(nanos(c.atMs), () => {
        const alive = (e.topo.byName.get(c.target)?.instances ?? []).filter((i) => i.alive && !i.target.managed);
        const victims: Instance[] = [];
        while (victims.length < c.count && alive.length > 0) victims.push(alive.splice(p.randomInt(alive.length), 1)[0]!);
        for (const v of victims) e.kill(v);
        e.logChaos(`kill ${c.count} of ${c.target}: ${victims.length === 0 ? 'none alive' : names(victims)}`);
      });
      return;
    case 'zone':
      p.sleep(nanos(c.atMs), () => {
        const victims = e.topo.instances.filter((i) => i.region === c.region && i.zone === c.zone && i.alive && !i.target.managed);
        for (const v of victims) e.kill(v);
        e.logChaos(`zone ${c.region}.${c.zone} down: ${victims.length} instances`);
        p.sleep(nanos(c.forMs), () => {
          for (const v of victims) e.revive(v);
          e.logChaos(`zone ${c.region}.${c.zone} back: ${victims.length} instances`);
        });
      });
      return;
    case 'monkey': {
      const every = nanos(c.everyMs);
      const strike = (): void => {
        if (every <= 0 || p.now + every >= e.loadEndNs) return;
        p.sleep(every, () => {
          const candidates = e.topo.instances.filter((i) => i.alive && i.target.component.kind === 'service' && !i.target.component.chaosOptout);
          if (candidates.length > 0) {
            const victim = candidates[p.randomInt(candidates.length)]!;
            e.kill(victim);
            e.logChaos(`chaos monkey: ${victim.name}`);
          }
          strike();
        });
      };
      strike();
    }
  }
}

export function scheduleChaos(e: Engine): void {
  for (const c of e.scenario.chaos) e.rt.spawn((p) => run(e, c, p));
}
