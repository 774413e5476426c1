// Lowering: the parsed files of one architecture (an entry file and its imports) become the
// plain model, with every default applied and every unit resolved. Whatever does not
// resolve is left out: the language reports it, and the engines never see half a thing.
// Each file is lowered on its own (LoweredDocument), then the files of a model are put
// together (assembleModel), so that a file edited is the only one lowered again.
import type { AstNode, LangiumDocument, Reference } from 'langium';
import { propertySpan, spanRange } from './cst-spans.js';
import * as m from '@topo/model';
import type * as ast from './generated/ast.js';
import { parseDuration, parsePercent, parseSize } from './literals.js';
import { namespaceKey, namespaceOf } from './names.js';

type Decl = ast.Element;

/** What a document's declarations need of the other documents: the regions in force, and whether a component is in the model. */
interface Context {
  regions: readonly m.Region[];
  isTarget(node: AstNode): boolean;
}

/** The model's lists a document adds to, with the declaration each element was lowered from. */
type Lists = Pick<m.Model, 'teams' | 'entities' | 'facets' | 'services' | 'datastores' | 'caches' | 'petals' | 'scenarios'>;
type Parts = { [K in keyof Lists]: { nodes: Decl[]; values: Lists[K] } };

/** A document's declarations lowered in a context, call ids from 0; with what it asked of the context. */
interface Lowered extends Parts {
  regions: readonly m.Region[];
  /** The nodes isTarget answered true for, and false for. */
  targets: AstNode[];
  others: AstNode[];
}

const KINDS: readonly (keyof Lists)[] = ['teams', 'entities', 'facets', 'services', 'datastores', 'caches', 'petals', 'scenarios'];
const COMPONENTS = new Set<string>(['Service', 'Datastore', 'Cache']);
/** The region of a model that declares none (one object, so that lowered documents stay valid from one model to the next). */
const IMPLICIT_REGIONS: readonly m.Region[] = [m.implicitRegion()];

/**
 * One document's declarations lowered, kept for every model the document is part of while it
 * is neither parsed nor linked again (TopoModels keeps one per document). What it lowered
 * depends on the other documents only through the context: it lowers again when that differs.
 */
export class LoweredDocument {
  readonly uri: string;
  readonly root: ast.TopoFile;
  /** Its declarations in order, each with its namespace key, but those still being typed: no name (or engine) yet. */
  readonly decls: { node: Decl; key: string | undefined }[] = [];
  /** Its regions, which depend on nothing else. */
  readonly regions = new Map<ast.Region, m.Region>();
  private lowered?: Lowered;

  constructor(document: LangiumDocument) {
    this.uri = document.uri.toString();
    this.root = document.parseResult.value as ast.TopoFile;
    for (const el of this.root.elements) {
      if ((namespaceOf(el) && !(el as { name?: string }).name) || ((el.$type === 'Datastore' || el.$type === 'Cache') && !el.engine)) continue;
      this.decls.push({ node: el, key: namespaceKey(el) });
      if (el.$type === 'Region') {
        this.regions.set(el, m.makeRegion(el.name, { provider: el.provider as m.Provider | undefined, zones: [...el.zones], grid: el.grid, pue: el.pue, loc: loc(this.uri, el) }));
      }
    }
  }

  loweredIn(context: Context): Lowered {
    if (!this.lowered || !fits(this.lowered, context)) this.lowered = new Lowering(this, context).lower();
    return this.lowered;
  }
}

function fits(lowered: Lowered, context: Context): boolean {
  return (
    lowered.regions.length === context.regions.length &&
    lowered.regions.every((r, i) => r === context.regions[i]) &&
    lowered.targets.every((n) => context.isTarget(n)) &&
    !lowered.others.some((n) => context.isTarget(n))
  );
}

/**
 * The model of documents in the order of importClosure: on a repeated name the first
 * declaration wins, as in scoping; calls are numbered in model order.
 */
export function assembleModel(documents: readonly LoweredDocument[]): m.Model {
  const kept = new Set<AstNode>();
  const seen = new Set<string>();
  for (const d of documents) {
    for (const { node, key } of d.decls) {
      if (key !== undefined) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      kept.add(node);
    }
  }
  const declared = documents.flatMap((d) => [...d.regions].flatMap(([node, region]) => (kept.has(node) ? [region] : [])));
  const regions = declared.length > 0 ? declared : IMPLICIT_REGIONS;
  const context: Context = { regions, isTarget: (node) => kept.has(node) && COMPONENTS.has(node.$type) };
  const lists: Lists = { teams: [], entities: [], facets: [], services: [], datastores: [], caches: [], petals: [], scenarios: [] };
  let nextCallId = 0;
  for (const d of documents) {
    const lowered = d.loweredIn(context);
    for (const kind of KINDS) {
      const { nodes, values } = lowered[kind];
      const out = lists[kind] as unknown[];
      for (let i = 0; i < nodes.length; i++) {
        if (!kept.has(nodes[i]!)) continue;
        if (kind !== 'services') out.push(values[i]);
        else {
          const service = renumbered(values[i] as m.Service, nextCallId);
          nextCallId += service.calls.length;
          out.push(service);
        }
      }
    }
  }
  const entry = documents[0]?.root;
  const arch = entry?.elements.find((e): e is ast.Architecture => e.$type === 'Architecture');
  const uri = documents[0]?.uri ?? '';
  return {
    name: arch?.name ?? baseName(uri),
    description: arch?.description,
    uri,
    regions: [...regions],
    network: network(documents.flatMap((d) => d.decls.flatMap(({ node }) => (node.$type === 'Network' && kept.has(node) ? [node] : [])))),
    ...lists,
  };
}

/** The service with its calls numbered from `first` (a document's are numbered from 0), itself when they are. */
function renumbered(service: m.Service, first: number): m.Service {
  const shift = first - (service.calls[0]?.id ?? first);
  if (shift === 0) return service;
  const calls = new Map(service.calls.map((c) => [c, { ...c, id: c.id + shift }]));
  const steps = service.steps.map((step): m.Step => {
    if (step.kind === 'call') return { ...step, call: calls.get(step.call)! };
    if (step.kind === 'parallel') return { ...step, calls: step.calls.map((c) => calls.get(c)!) };
    return { ...step, routes: step.routes.map((c) => calls.get(c)!) };
  });
  return { ...service, steps, calls: [...calls.values()] };
}

function network(decls: ast.Network[]): m.Network {
  const net = { ...m.DEFAULT_NETWORK };
  for (const n of decls) {
    net.zoneMs = parseDuration(n.zone) ?? net.zoneMs;
    net.crossZoneMs = parseDuration(n.crosszone) ?? net.crossZoneMs;
    net.crossRegionMs = parseDuration(n.crossregion) ?? net.crossRegionMs;
    net.petalMs = parseDuration(n.petal) ?? net.petalMs;
    net.encodeMs = parseDuration(n.encode) ?? net.encodeMs;
    net.discoveryMs = parseDuration(n.discovery) ?? net.discoveryMs;
  }
  return net;
}

/** One document's declarations lowered in a context. */
class Lowering {
  private readonly uri: string;
  private readonly regions: readonly m.Region[];
  private readonly targets: AstNode[] = [];
  private readonly others: AstNode[] = [];
  private nextCallId = 0;

  constructor(
    private readonly document: LoweredDocument,
    private readonly context: Context,
  ) {
    this.uri = document.uri;
    this.regions = context.regions;
  }

  lower(): Lowered {
    const parts: Parts = {
      teams: { nodes: [], values: [] },
      entities: { nodes: [], values: [] },
      facets: { nodes: [], values: [] },
      services: { nodes: [], values: [] },
      datastores: { nodes: [], values: [] },
      caches: { nodes: [], values: [] },
      petals: { nodes: [], values: [] },
      scenarios: { nodes: [], values: [] },
    };
    const add = <K extends keyof Lists>(kind: K, node: Decl, value: Lists[K][number]) => {
      parts[kind].nodes.push(node);
      (parts[kind].values as Lists[K][number][]).push(value);
    };
    for (const { node } of this.document.decls) {
      switch (node.$type) {
        case 'Team':
          add('teams', node, { name: node.name, loc: this.loc(node) });
          break;
        case 'Entity':
          add('entities', node, { name: node.name, loc: this.loc(node) });
          break;
        case 'Facet':
          if (node.entity?.ref) add('facets', node, { name: node.name, entity: node.entity.ref.name, loc: this.loc(node) });
          break;
        case 'Service':
          add('services', node, this.service(node));
          break;
        case 'Datastore':
          add('datastores', node, this.datastore(node));
          break;
        case 'Cache':
          add('caches', node, this.cache(node));
          break;
        case 'Petal':
          add('petals', node, this.petal(node));
          break;
        case 'Scenario':
          add('scenarios', node, this.scenario(node));
          break;
      }
    }
    return { ...parts, regions: this.regions, targets: this.targets, others: this.others };
  }

  /** Whether a component is in the model (calls and references to anything else are left out), remembered for `fits`. */
  private isTarget(node: AstNode): boolean {
    const target = this.context.isTarget(node);
    (target ? this.targets : this.others).push(node);
    return target;
  }

  /** What services, datastores and caches are written with: placement, work, threads, team. */
  private draft(node: ast.Service | ast.Datastore | ast.Cache): m.ComponentDraft & { locs: m.ComponentLocs } {
    return {
      name: node.name,
      team: node.team?.ref?.name,
      regions: node.regions.length > 0 ? refs(node.regions).map((r) => r.name) : undefined,
      zones: node.zones,
      instances: node.instances?.count,
      instanceType: node.instances?.type,
      work: { meanMs: parseDuration(node.work?.mean), distribution: node.work?.distribution, cv: node.work?.cv },
      threads: node.threads,
      queue: node.queue === undefined ? undefined : Math.max(0, Math.floor(node.queue)),
      lock: node.lock === undefined ? undefined : Math.min(1, parsePercent(node.lock) ?? 0),
      autoscale: autoscale(node.autoscale),
      loc: this.loc(node),
      locs: {
        name: this.propLoc(node, 'name'),
        instances: node.instances ? this.loc(node.instances) : undefined,
        instanceType: node.instances?.type ? this.propLoc(node.instances, 'type') : undefined,
        team: node.team ? this.refLoc(node.team) : undefined,
        queue: node.queue !== undefined ? this.keywordLoc(node, 'queue') : undefined,
        lock: node.lock !== undefined ? this.keywordLoc(node, 'lock') : undefined,
        autoscale: node.autoscale ? this.loc(node.autoscale) : undefined,
      },
    };
  }

  private service(s: ast.Service): m.Service {
    const steps: m.Step[] = [];
    const calls: m.Call[] = [];
    let routes: m.Call[] | undefined;
    let parallelIndex = 0;
    for (const step of s.steps) {
      if (step.$type === 'Call') {
        const call = this.call(s, step, 'sequential');
        if (call) steps.push({ kind: 'call', call });
      } else if (step.$type === 'Parallel') {
        const group = step.calls.flatMap((c) => this.call(s, c, 'parallel', parallelIndex) ?? []);
        parallelIndex++;
        steps.push({ kind: 'parallel', calls: group, loc: this.loc(step) });
      } else {
        const route = this.call(s, step, 'route');
        if (!route) continue;
        if (!routes) {
          routes = [];
          steps.push({ kind: 'routes', routes });
        }
        routes.push(route);
      }
    }
    for (const step of steps) {
      if (step.kind === 'call') calls.push(step.call);
      else if (step.kind === 'parallel') calls.push(...step.calls);
      else calls.push(...step.routes);
    }
    calls.sort((a, b) => a.id - b.id);
    const draft = this.draft(s);
    return m.makeService(
      Object.assign(draft, {
        layer: s.layer as m.Layer | undefined,
        memoryBytes: parseSize(s.memory),
        owns: refs(s.owns).filter((o) => this.isTarget(o)).map((o) => o.name),
        provides: refs(s.provides).map((p) => p.name),
        uses: s.uses.flatMap((u) => (u.ref ? [{ name: u.ref.name, entity: u.ref.$type === 'Entity', loc: this.refLoc(u) }] : [])),
        chaosOptout: s.chaosOptout,
        deadlineMs: parseDuration(s.deadline),
        budgetPropagate: s.budgetPropagate,
        steps,
        calls,
        locs: Object.assign(draft.locs, { deadline: s.deadline ? this.keywordLoc(s, 'deadline') : undefined }),
      }),
      this.regions,
    );
  }

  private call(from: ast.Service, c: ast.Call | ast.Route, group: m.CallGroup, groupIndex?: number): m.Call | undefined {
    const target = c.target?.ref;
    if (!target || !this.isTarget(target)) return undefined;
    return m.makeCall({
      id: this.nextCallId++,
      from: from.name,
      target: target.name,
      targetKind: KIND_OF[target.$type],
      group,
      groupIndex,
      mode: c.mode,
      share: parsePercent(c.share),
      routeShare: c.$type === 'Route' ? (parsePercent(c.routeShare) ?? 0) : undefined,
      onMiss: c.onMiss?.ref?.name,
      timeoutMs: parseDuration(c.timeout),
      connectMs: parseDuration(c.connect),
      retries: c.retries === undefined ? undefined : Math.max(0, Math.floor(c.retries)),
      backoffMs: parseDuration(c.backoff),
      retry: c.retry,
      retryBudget: parsePercent(c.retryBudget),
      breaker: c.breaker ? breaker(c) : undefined,
      bulkhead: c.bulkhead === undefined ? undefined : Math.max(0, Math.floor(c.bulkhead)),
      fallback: c.fallback,
      loc: this.loc(c),
      locs: {
        target: this.refLoc(c.target),
        timeout: c.timeout ? this.keywordLoc(c, 'timeout') : undefined,
        connect: c.connect ? this.keywordLoc(c, 'connect') : undefined,
        retries: c.retries !== undefined ? this.keywordLoc(c, 'retries') : undefined,
        share: c.share ? this.keywordLoc(c, 'share') : undefined,
        retryBudget: c.retryBudget ? this.keywordLoc(c, 'retryBudget') : undefined,
        breaker: c.breaker ? this.spanLoc(c, 'breaker', c.breakerOpen ? 'breakerOpen' : 'breaker') : undefined,
        bulkhead: c.bulkhead !== undefined ? this.keywordLoc(c, 'bulkhead') : undefined,
        fallback: c.fallback ? this.propLoc(c, 'fallback') : undefined,
      },
    });
  }

  private datastore(d: ast.Datastore): m.Datastore {
    const draft = this.draft(d);
    return m.makeDatastore(
      Object.assign(draft, {
        engine: d.engine as m.DatastoreEngine,
        replication: d.replication,
        read: d.read as m.Consistency | undefined,
        write: d.write as m.Consistency | undefined,
        storageBytes: parseSize(d.storage),
        locs: Object.assign(draft.locs, {
          replication: d.replication !== undefined ? this.keywordLoc(d, 'replication') : undefined,
          read: d.read ? this.keywordLoc(d, 'read') : undefined,
          write: d.write ? this.keywordLoc(d, 'write') : undefined,
        }),
      }),
      this.regions,
    );
  }

  private cache(c: ast.Cache): m.Cache {
    return m.makeCache(Object.assign(this.draft(c), { engine: c.engine as m.CacheEngine, hit: parsePercent(c.hit) }), this.regions);
  }

  private petal(p: ast.Petal): m.Petal {
    const members = p.members.filter((r) => r.ref && this.isTarget(r.ref));
    return m.makePetal(
      {
        name: p.name,
        region: p.region?.ref?.name,
        memoryBytes: parseSize(p.memory),
        replicas: p.replicas,
        members: members.map((r) => r.ref!.name),
        loc: this.loc(p),
        locs: {
          memory: p.memory ? this.keywordLoc(p, 'memory') : undefined,
          replicas: p.replicas !== undefined ? this.keywordLoc(p, 'replicas') : undefined,
          members: members.map((r) => this.refLoc(r)),
        },
      },
      this.regions,
    );
  }

  private scenario(s: ast.Scenario): m.Scenario {
    const span = (l: ast.Load | ast.Users) => ({
      fromMs: parseDuration(l.from) ?? m.DEFAULT_LOAD_FROM_MS,
      durationMs: parseDuration(l.duration) ?? m.DEFAULT_SCENARIO_DURATION_MS,
      loc: this.loc(l),
    });
    const loads = s.loads.flatMap((l): m.Load[] =>
      l.target?.ref && l.rate !== undefined ? [{ rps: l.rate, toRps: l.toRate ?? l.rate, target: l.target.ref.name, ...span(l) }] : [],
    );
    const users = s.users.flatMap((u): m.Users[] => {
      const thinkMs = parseDuration(u.think);
      return u.target?.ref && u.count !== undefined && thinkMs !== undefined ? [{ count: Math.floor(u.count), thinkMs, target: u.target.ref.name, ...span(u) }] : [];
    });
    const chaos = s.chaos.flatMap((c) => this.chaos(c));
    return { name: s.name, loads, users, warmupMs: parseDuration(s.warmup) ?? m.DEFAULT_WARMUP_MS, seed: s.seed ?? m.DEFAULT_SCENARIO_SEED, chaos, loc: this.loc(s) };
  }

  /** A fault, or nothing while it is half-written or names what is not there. */
  private chaos(c: ast.Chaos): m.Chaos[] {
    const loc = this.loc(c);
    if (c.$type === 'ZoneChaos') {
      const [atMs, forMs] = [parseDuration(c.at), parseDuration(c.for)];
      return c.region?.ref && c.zone && atMs !== undefined && forMs !== undefined ? [{ kind: 'zone', region: c.region.ref.name, zone: c.zone, atMs, forMs, loc }] : [];
    }
    if (c.$type === 'MonkeyChaos') {
      const everyMs = parseDuration(c.every);
      return everyMs !== undefined && everyMs > 0 ? [{ kind: 'monkey', everyMs, loc }] : [];
    }
    const target = c.target?.ref;
    const atMs = parseDuration(c.at);
    // A count below one is reported by validation (`chaos-value`) and stages nothing here.
    const count = c.count === undefined ? undefined : Math.floor(c.count);
    if (!target || !this.isTarget(target) || atMs === undefined || (count !== undefined && count < 1)) return [];
    const common = { target: target.name, atMs, forMs: parseDuration(c.for), loc };
    if (c.$type === 'KillChaos') return count === undefined ? [] : [{ kind: 'kill', count, ...common }];
    if (c.$type === 'SlowChaos') {
      const byMs = parseDuration(c.by);
      return byMs === undefined ? [] : [{ kind: 'slow', count, byMs, ...common }];
    }
    const share = parsePercent(c.share);
    return share === undefined ? [] : [{ kind: 'fail', count, share: Math.min(1, share), ...common }];
  }

  // --- locations (every node is in this document) ---

  private loc(node: AstNode): m.Loc | undefined {
    return loc(this.uri, node);
  }

  private propLoc(node: AstNode, property: string): m.Loc | undefined {
    const span = propertySpan(node, property);
    return span && { uri: this.uri, start: span.value.range.start, end: span.value.range.end };
  }

  private refLoc(ref: Reference): m.Loc | undefined {
    const node = ref.$refNode;
    return node ? { uri: this.uri, start: node.range.start, end: node.range.end } : undefined;
  }

  /** From the first property's value to the end of the last's: `breaker 50% of 20 over 10s open 5s`. */
  private spanLoc(node: AstNode, first: string, last: string): m.Loc | undefined {
    const [a, b] = [propertySpan(node, first), propertySpan(node, last)];
    return a && b && { uri: this.uri, start: a.value.range.start, end: b.value.range.end };
  }

  /** From a property's keyword to the end of its value: `deadline 1s`. */
  private keywordLoc(node: AstNode, property: string): m.Loc | undefined {
    const span = propertySpan(node, property);
    return span && { uri: this.uri, ...spanRange(span) };
  }
}

function loc(uri: string, node: AstNode): m.Loc | undefined {
  const cst = node.$cstNode;
  return cst ? { uri, start: cst.range.start, end: cst.range.end } : undefined;
}

const KIND_OF: Record<ast.CallTarget['$type'], m.ComponentKind> = {
  Service: 'service',
  Datastore: 'datastore',
  Cache: 'cache',
};

/** The breaker's numbers: the long form's where written, Hystrix's defaults for the rest. */
function breaker(c: ast.Call | ast.Route): m.Breaker {
  const d = m.DEFAULT_BREAKER;
  return {
    threshold: parsePercent(c.breakerThreshold) ?? d.threshold,
    volume: c.breakerVolume === undefined ? d.volume : Math.max(1, Math.floor(c.breakerVolume)),
    windowMs: parseDuration(c.breakerWindow) ?? d.windowMs,
    openMs: parseDuration(c.breakerOpen) ?? d.openMs,
  };
}

/** The autoscaler in force: whole counts, MIN at least 1 and MAX at least MIN; none without a utilisation to aim at. */
function autoscale(a: ast.Autoscale | undefined): m.Autoscale | undefined {
  const target = parsePercent(a?.target);
  if (!a || a.min === undefined || a.max === undefined || target === undefined || target <= 0) return undefined;
  const min = Math.max(1, Math.floor(a.min));
  const every = parseDuration(a.every);
  return {
    min,
    max: Math.max(min, Math.floor(a.max)),
    target: Math.min(1, target),
    everyMs: every === undefined || every <= 0 ? m.DEFAULT_AUTOSCALE_EVERY_MS : every,
    warmupMs: parseDuration(a.warmup) ?? m.DEFAULT_AUTOSCALE_WARMUP_MS,
  };
}

function refs<T extends AstNode>(list: Reference<T>[]): T[] {
  return list.flatMap((r) => (r.ref ? [r.ref] : []));
}

function baseName(uri: string): string {
  const last = uri.split('/').pop() ?? 'architecture';
  return decodeURIComponent(last).replace(/\.topo$/, '');
}
