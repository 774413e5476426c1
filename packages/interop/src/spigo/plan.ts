// What a spigo architecture becomes in Topo, before any text is written: regions, the
// components with their calls, layers and owners, and the scenarios. Timeouts come after
// (timeouts.ts), as they depend on the whole call graph.
import {
  CACHE_WORK_MS,
  DATASTORE_WORK_MS,
  DEFAULT_SERVICE_WORK_MS,
  type CacheEngine,
  type ComponentKind,
  type DatastoreEngine,
  type Layer,
} from '@topo/model';
import { EUREKA, SPIGO_PACKAGES, SPIGO_REGIONS, SPIGO_RUN, SPIGO_ZONES, STAASH_LOOKUP_ORDER } from './packages.js';
import { topoNames } from '../names.js';
import type { SpigoArchitecture, SpigoService } from './read.js';
import { splitInProportion } from '../shares.js';

export interface PlanCall {
  target: string;
  onMiss?: string;
  /** For a route: its share of the requests, in percent, as written. */
  routeShare?: string;
  /** Set by assignTimeouts. */
  timeoutMs?: number;
}

export type PlanStep = { kind: 'call'; call: PlanCall } | { kind: 'routes'; routes: PlanCall[] };

export interface PlanComponent {
  kind: ComponentKind;
  name: string;
  spigo: SpigoService;
  engine?: DatastoreEngine | CacheEngine;
  /** The regions it runs in; undefined for every region of the architecture. */
  regions?: string[];
  instances: number;
  /** What spigo runs per region: `count`, or 1 for a cross-zone or global node. */
  spigoNodes: number;
  /** Topo's default work for it, which the timeouts cover. */
  workMs: number;
  replication?: number;
  layer?: Layer;
  owns: string[];
  /** Set by assignTimeouts, on the edge. */
  deadlineMs?: number;
  steps: PlanStep[];
  /** Written above the declaration: what spigo said that Topo says differently or not at all. */
  comments: string[];
}

export interface PlanScenario {
  name: string;
  comments: string[];
  loads: { rps: string; target: string }[];
  durationMs: number;
  kill?: { target: string; atMs: number };
}

export interface Plan {
  name: string;
  description?: string;
  version?: string;
  regions: string[];
  components: PlanComponent[];
  scenarios: PlanScenario[];
  warnings: string[];
}

export function planArchitecture(arch: SpigoArchitecture): Plan {
  const warnings = arch.unknownFields.map((f) => `${f} is not a field spigo reads; ignored`);
  const role = (s: SpigoService) => SPIGO_PACKAGES[s.package]!;
  const byName = new Map(arch.services.map((s) => [s.name, s]));
  const deployed = arch.services.filter((s) => role(s) !== 'traffic' && role(s) !== 'registry');
  const names = topoNames(deployed.map((s) => ({ name: s.name, hint: s.package })));
  const topo = (s: SpigoService) => names.get(s.name)!;
  for (const s of deployed) if (topo(s) !== s.name) warnings.push(`service '${s.name}' is not a Topo name; it is called ${topo(s)}`);

  const regionCount = Math.max(1, ...arch.services.map((s) => s.regions));
  const regions = SPIGO_REGIONS.slice(0, regionCount);
  const components = deployed.map((s) => component(s, topo(s), regions));
  const byTopo = new Map(components.map((c) => [c.name, c]));
  const of = (s: SpigoService) => byTopo.get(topo(s))!;

  for (const c of components) {
    const targets = callTargets(c, byName, warnings).map(of);
    if (role(c.spigo) === 'forwarder') c.steps = forwarding(c, targets);
    else if (role(c.spigo) === 'read-through') c.steps = readThrough(c, targets, warnings);
    else if (targets.length > 0) {
      const deps = targets.map((t) => t.name);
      c.comments.push(`spigo lists ${list(deps, 'and')} as ${deps.length === 1 ? 'a dependency' : 'dependencies'} of this ${c.spigo.package}; a Topo ${c.kind} makes no calls`);
      warnings.push(`service '${c.spigo.name}' (${c.spigo.package}) depends on ${targets.map((t) => `'${t.spigo.name}'`).join(', ')}; a Topo ${c.kind} makes no calls, so that is left out`);
    }
  }
  assignLayers(components);
  assignOwners(components);
  return {
    name: topoNames([{ name: arch.arch, hint: 'spigo' }]).get(arch.arch)!,
    description: arch.description,
    version: arch.version,
    regions,
    components,
    scenarios: scenarios(arch, names, byTopo, warnings),
    warnings,
  };
}

/**
 * The dependencies a component sends requests to. The others: itself (replication), eureka
 * (discovery) and denominators (which answer nothing) become comments on the component.
 */
function callTargets(c: PlanComponent, byName: Map<string, SpigoService>, warnings: string[]): SpigoService[] {
  const s = c.spigo;
  const targets: SpigoService[] = [];
  if (c.engine === 'cassandra' && !s.dependencies.includes(s.name)) {
    c.comments.push('it does not list itself as a dependency, so its nodes know no peers to copy writes to: one copy of each key');
  }
  for (const d of new Set(s.dependencies)) {
    const dep = byName.get(d);
    const role = dep && SPIGO_PACKAGES[dep.package];
    if (d === s.name) selfDependency(c);
    else if (d === EUREKA || role === 'registry') c.comments.push(`depends on ${d}, spigo's service registry: discovery is built into Topo`);
    else if (role === 'traffic') {
      c.comments.push(`depends on ${d}, a spigo denominator (the traffic source), which answers no requests: left out`);
      warnings.push(`service '${s.name}' depends on the denominator '${d}', which is no service in Topo; that dependency is left out`);
    } else targets.push(dep!);
  }
  return targets;
}

function component(s: SpigoService, name: string, regions: string[]): PlanComponent {
  const global = s.regions === 0;
  const crossZone = !global && s.count === 0;
  const c: PlanComponent = {
    kind: 'service',
    name,
    spigo: s,
    regions: global || s.regions === regions.length ? undefined : regions.slice(0, s.regions),
    instances: global || crossZone ? SPIGO_ZONES.length : s.count,
    spigoNodes: global || crossZone ? 1 : s.count,
    workMs: DEFAULT_SERVICE_WORK_MS,
    owns: [],
    steps: [],
    comments: [],
  };
  const role = SPIGO_PACKAGES[s.package];
  if (role === 'cassandra') {
    c.kind = 'datastore';
    c.engine = 'cassandra';
    c.comments.push(
      s.package === 'riak'
        ? 'spigo riak, simulated by its priamCassandra: a ring that copies each write to one node in every other zone and region'
        : 'spigo priamCassandra: a ring that copies each write to one node in every other zone and region',
    );
    c.replication = 1;
  } else if (role === 'store') {
    const cache = cacheEngine(s);
    if (cache) {
      c.kind = 'cache';
      c.engine = cache;
      c.comments.push(
        s.package === 'cache'
          ? `spigo cache: memcached, simulated as a key-value store (Topo's ${cache}, with its default hit ratio)`
          : `spigo ${s.package}: a key-value store; its name says cache, so a Topo ${cache} cache (default hit ratio)`,
      );
    } else {
      c.kind = 'datastore';
      const named = /postgres/i.test(s.name) ? 'postgres' : /sql|rds/i.test(s.name) ? 'mysql' : undefined;
      c.engine = named ?? 'mysql';
      const what = s.package === 'volume' ? 'a disk volume' : 'a key-value store';
      c.comments.push(
        named
          ? `spigo ${s.package}: ${what}; its name says ${named}, so a Topo ${named} datastore`
          : `spigo ${s.package}: ${what}, modelled as mysql (Topo has no plain ${s.package === 'volume' ? 'volume' : 'key-value store'})`,
      );
    }
  } else {
    c.comments.push(`spigo ${s.package}`);
  }
  c.workMs = c.kind === 'datastore' ? DATASTORE_WORK_MS[c.engine as DatastoreEngine] : c.kind === 'cache' ? CACHE_WORK_MS[c.engine as CacheEngine] : c.workMs;
  if (crossZone) c.comments.push('spigo runs one cross-zone node per region (count 0); Topo has one in each zone');
  if (global) c.comments.push('spigo runs one global node, in no region or zone (regions 0); Topo has one in each zone of every region');
  const fields = Object.entries(s.container).map(([k, v]) => `${k} ${v}`);
  if (fields.length > 0) c.comments.push(`spigo's container fields: ${fields.join(', ')}; Topo models instances, not containers`);
  return c;
}

/** The Topo cache engine for a spigo store whose package or name says cache. */
function cacheEngine(s: SpigoService): CacheEngine | undefined {
  if (/evcache/i.test(s.name)) return 'evcache';
  if (/redis/i.test(s.name)) return 'redis';
  if (s.package === 'cache' || /cache/i.test(s.name)) return 'memcached';
  return undefined;
}

/** A service listing itself: spigo's way of letting its nodes replicate to each other. */
function selfDependency(c: PlanComponent): void {
  if (c.engine === 'cassandra') {
    // Each write goes to one node in each other zone: as many copies as zones with a node.
    c.replication = Math.min(3, c.spigoNodes);
    return;
  }
  if (c.kind === 'datastore') {
    // A store copies each write to every connected peer: every node holds everything.
    c.replication = c.spigoNodes;
    return;
  }
  c.comments.push(`lists itself as a dependency: its nodes copy writes to each other, which a Topo ${c.kind} does not model`);
}

/** elb, zuul, karyon, monolith: one instance of all the dependencies, picked at random, so a route per target weighted by instances. */
function forwarding(c: PlanComponent, targets: PlanComponent[]): PlanStep[] {
  if (targets.length === 0) return [];
  if (targets.length === 1) {
    c.comments[0] += `: forwards each request to ${targets[0]!.name}`;
    return [{ kind: 'call', call: { target: targets[0]!.name } }];
  }
  c.comments[0] += `: forwards each request to one instance of ${list(targets.map((t) => t.name), 'or')}, picked at random, so the routes follow their instance counts`;
  const shares = splitInProportion(100, targets.map((t) => t.spigoNodes));
  return [{ kind: 'routes', routes: targets.map((t, i) => ({ target: t.name, routeShare: shares[i]! })) }];
}

/**
 * staash: looks the key up in its caches, volumes, cassandra rings, stores and other staash
 * layers, in that order, until one answers. In Topo the lookups after a cache happen `on miss`
 * of it; after a datastore, which always answers in Topo, the chain ends.
 */
function readThrough(c: PlanComponent, targets: PlanComponent[], warnings: string[]): PlanStep[] {
  const asked = (t: PlanComponent) => t.kind === 'cache' || STAASH_LOOKUP_ORDER.includes(t.spigo.package);
  const rank = (t: PlanComponent) => (t.kind === 'cache' ? -1 : STAASH_LOOKUP_ORDER.indexOf(t.spigo.package));
  const skipped = targets.filter((t) => !asked(t));
  const chain = targets.filter(asked).sort((a, b) => rank(a) - rank(b));
  const steps: PlanStep[] = [];
  let previous: PlanComponent | undefined;
  for (const t of chain) {
    if (previous && previous.kind !== 'cache') break;
    steps.push({ kind: 'call', call: { target: t.name, ...(previous ? { onMiss: previous.name } : {}) } });
    previous = t;
  }
  const unreached = chain.slice(steps.length);
  const names = steps.map((s) => (s.kind === 'call' ? s.call.target : ''));
  c.comments[0] += steps.length > 1 ? `: a read-through chain, ${names.join(', then ')}, each asked when the one before missed` : names.length === 1 ? `: reads through to ${names[0]}` : '';
  if (unreached.length > 0) {
    const after = names[names.length - 1]!;
    c.comments.push(`spigo then asks ${list(unreached.map((t) => t.name), 'and')} when ${after} has no value; a Topo ${previous!.kind} always answers, so it stops there`);
    warnings.push(`staash '${c.spigo.name}' asks ${unreached.map((t) => `'${t.spigo.name}'`).join(', ')} only when '${previous!.spigo.name}' has no value, which Topo cannot say; left out`);
  }
  if (skipped.length > 0) {
    c.comments.push(`spigo's staash sends no requests to ${list(skipped.map((t) => t.name), 'or')} (only to caches, volumes, cassandra, stores and staash): left out`);
    warnings.push(`staash '${c.spigo.name}' never sends requests to ${skipped.map((t) => `'${t.spigo.name}' (${t.spigo.package})`).join(', ')}; left out`);
  }
  if (steps.length > 0) c.comments.push("spigo's staash also copies each write to one store of each kind; these calls are the reads");
  return steps;
}

/** Calls go down: edge (nobody calls it) → esl → sal (calls only data) → data. No call can go up. */
function assignLayers(components: PlanComponent[]): void {
  const services = new Map(components.filter((c) => c.kind === 'service').map((c) => [c.name, c]));
  const called = new Set(components.flatMap((c) => callsOf(c).map((call) => call.target)));
  for (const s of services.values()) {
    const callsServices = callsOf(s).some((call) => services.has(call.target));
    s.layer = !called.has(s.name) ? 'edge' : callsServices ? 'esl' : 'sal';
  }
}

/** A datastore or cache is owned by its one caller; with several, it stays shared, as in spigo. */
function assignOwners(components: PlanComponent[]): void {
  for (const store of components) {
    if (store.kind === 'service') continue;
    const callers = components.filter((c) => callsOf(c).some((call) => call.target === store.name));
    if (callers.length === 1) callers[0]!.owns.push(store.name);
    else if (callers.length > 1) store.comments.push(`shared by ${list(callers.map((c) => c.name), 'and')}`);
  }
}

export function callsOf(c: PlanComponent): PlanCall[] {
  return c.steps.flatMap((s) => (s.kind === 'call' ? [s.call] : s.routes));
}

/** Each denominator is a scenario loading what it sends to; the one spigo starts (the last service) comes first. */
function scenarios(arch: SpigoArchitecture, names: Map<string, string>, byTopo: Map<string, PlanComponent>, warnings: string[]): PlanScenario[] {
  const sources = arch.services.filter((s) => s.package === 'denominator');
  const last = arch.services[arch.services.length - 1];
  if (sources.length === 0) {
    warnings.push('no denominator: the file has no scenario, and a simulation loads every entry');
    return [];
  }
  const victim = arch.victim === '' ? undefined : arch.services.find((s) => s.name === arch.victim)!;
  const killable = victim && names.has(victim.name) ? names.get(victim.name) : undefined;
  if (victim && !killable) warnings.push(`the victim '${victim.name}' is a ${victim.package}, which Topo does not deploy; no chaos`);
  const scenarioNames = topoNames(sources.map((s) => ({ name: s.name, hint: 'load' })));
  const ordered = last && sources.includes(last) ? [last, ...sources.filter((s) => s !== last)] : sources;
  return ordered.flatMap((s): PlanScenario[] => {
    const targets: PlanComponent[] = [];
    for (const d of new Set(s.dependencies)) {
      const c = names.has(d) ? byTopo.get(names.get(d)!) : undefined;
      if (c?.kind === 'service') targets.push(c);
      else if (d !== EUREKA && d !== s.name) warnings.push(`denominator '${s.name}' sends to '${d}', which is no Topo service to load; left out`);
    }
    if (targets.length === 0) {
      warnings.push(`denominator '${s.name}' sends to no service; it makes no scenario`);
      return [];
    }
    const rps = splitInProportion(SPIGO_RUN.rps, targets.map((t) => t.spigoNodes));
    const comments = [
      `${s.name}: spigo's denominator, the DNS that generates the load: a request every 10ms for spigo's default 10s run,` +
        ` one in three of them a write${targets.length > 1 ? ', spread over the instances it sends to' : ''}`,
    ];
    if (s !== last) comments.push(`spigo itself starts only the last service listed (${last?.name}); this scenario sends ${s.name}'s traffic instead`);
    if (killable) comments.push(`spigo's Chaos Monkey deletes one ${victim!.name} halfway through the run`);
    return [
      {
        name: scenarioNames.get(s.name)!,
        comments,
        loads: targets.map((t, i) => ({ rps: rps[i]!, target: t.name })),
        durationMs: SPIGO_RUN.durationMs,
        ...(killable ? { kill: { target: killable, atMs: SPIGO_RUN.chaosAtMs } } : {}),
      },
    ];
  });
}

/** `a`, `a or b`, `a, b or c`. */
function list(items: string[], word: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
