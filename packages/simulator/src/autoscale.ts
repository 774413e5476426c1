// Autoscaling, `autoscale MIN..MAX at U every P warmup W`: per component and region, a
// controller looks every P at the busy share of its instances' threads over the period and
// sets the count to ceil(count × utilisation / U), within MIN..MAX (target tracking, as AWS's
// and Kubernetes' autoscalers do it). A started instance is listed (serves) W later and
// counts as busy until then: it is starting up (booting, compiling, filling caches). So each
// start reads as W/P of a period's busy instance, which the next look answers with 1/U more:
// a loop gain of W/(P·U). Above 1 (a warmup longer than the period) one start calls for
// more until the first ones warm up, and the count then falls back to the need — the looping
// autoscaler. Once back, the count is ceil(need / U) and it runs need / count busy, at or
// under U; when that is just under U, a period whose arrivals run a little over the mean
// (Poisson) starts one instance again, and the loop repeats. Under 1 that start is taken back
// at the next look or two. Scale-in unlists the least busy instances (starting ones first)
// of the zone with the most; each finishes what it holds and is stopped at the controller's
// next look.
import type { Autoscale, Model } from '@topo/model';
import { nanos, type Process, type Runtime } from '@topo/runtime';
import type { Instance, Target } from './deployment.js';
import type { Fleet } from './lifecycle.js';
import type { Timeline } from './stats.js';
import type { Topology } from './topology.js';

/** What the autoscaler needs of the run: its targets and their instances' life, the end of the load, and the timeline. */
export interface AutoscaleRun {
  readonly rt: Runtime;
  readonly model: Model;
  readonly topo: Topology;
  readonly loadEndNs: number;
  readonly timeline: Timeline;
  readonly fleet: Fleet;
}

export function scheduleAutoscaling(e: AutoscaleRun): void {
  for (const t of e.topo.targets) {
    const a = t.component.autoscale;
    if (!a || t.managed) continue;
    for (const region of t.component.regions) e.rt.spawn((p) => control(e, t, region, a, p));
  }
}

/** The instances a controller counts: alive, not draining (starting ones included). */
function counted(t: Target): Instance[] {
  return t.instances.filter((i) => i.alive && !i.draining);
}

function control(e: AutoscaleRun, t: Target, region: string, a: Autoscale, p: Process): void {
  const everyNs = nanos(a.everyMs);
  const warmupNs = nanos(a.warmupMs);
  const zones = e.model.regions.find((r) => r.name === region)?.zones ?? [];
  // Instances started per zone, for their names.
  const started = new Map<string, number>();
  for (const i of t.inRegion.get(region) ?? []) started.set(i.zone, (started.get(i.zone) ?? 0) + 1);
  const busyAt = new Map<Instance, number>();
  // When each instance this controller started is warm (the first ones are warm from the start).
  const warmAt = new Map<Instance, number>();
  let lastNs = 0;
  const look = (): void => {
    const now = p.now;
    const fleet = [...(t.inRegion.get(region) ?? [])];
    // A draining instance stops once idle (or once a fault killed it).
    for (const i of fleet) if (i.draining && (!i.alive || (i.active === 0 && i.inbox.length === 0))) e.fleet.stop(i);
    const live = fleet.filter((i) => i.alive && !i.draining);
    let busy = 0;
    let capacity = 0;
    for (const i of live) {
      const running = i.runningNs(lastNs, now);
      const starting = Math.max(0, Math.min(now, warmAt.get(i) ?? 0) - Math.max(lastNs, i.startedNs));
      capacity += running * t.threads;
      busy += (i.busyNs - (busyAt.get(i) ?? 0)) + starting * t.threads;
    }
    for (const i of fleet) busyAt.set(i, i.busyNs);
    lastNs = now;
    const utilisation = capacity === 0 ? 0 : busy / capacity;
    // The tolerance keeps a count exactly at its target from rounding up.
    const want = Math.min(a.max, Math.max(a.min, Math.ceil((live.length * utilisation) / a.target - 1e-9)));
    for (let n = live.length; n < want; n++) {
      const zone = leastPopulated(zones, live);
      const k = (started.get(zone) ?? 0) + 1;
      started.set(zone, k);
      const inst = e.fleet.startInstance(t, region, zone, `${t.name}.${region}.${zone}.${k}`, warmupNs);
      warmAt.set(inst, now + warmupNs);
      live.push(inst);
    }
    const load = (i: Instance): number => (i.inService ? i.active + i.inbox.length + 1 : 0);
    while (live.length > want) {
      // Zone-aware callers give each zone its share of the load, so scale-in keeps the zones
      // even (as a cloud's autoscaling group does): it takes from the most populated zone.
      const zone = mostPopulated(zones, live);
      const inZone = live.filter((i) => i.zone === zone).sort((x, y) => load(x) - load(y) || y.startedNs - x.startedNs);
      e.fleet.drain(inZone[0]!);
      live.splice(live.indexOf(inZone[0]!), 1);
    }
    e.timeline.instances(t.name, now, counted(t).length);
    if (now + everyNs < e.loadEndNs) p.sleep(everyNs, look);
  };
  e.timeline.instances(t.name, 0, counted(t).length);
  if (everyNs < e.loadEndNs) p.sleep(everyNs, look);
}

/** The zone with the fewest of these instances (the first such in the region's order). */
function leastPopulated(zones: string[], instances: Instance[]): string {
  return byPopulation(zones, instances, (n, best) => n < best);
}

/** The zone with the most of these instances (the first such in the region's order). */
function mostPopulated(zones: string[], instances: Instance[]): string {
  return byPopulation(zones, instances, (n, best) => n > best);
}

function byPopulation(zones: string[], instances: Instance[], better: (n: number, best: number) => boolean): string {
  let best = zones[0]!;
  let bestCount: number | undefined;
  for (const z of zones) {
    const n = instances.filter((i) => i.zone === z).length;
    if (bestCount === undefined || better(n, bestCount)) [best, bestCount] = [z, n];
  }
  return best;
}
