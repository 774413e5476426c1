// Lowering: the parsed files of one architecture (an entry file and its imports) become the
// plain model, with every default applied and every unit resolved. Whatever does not
// resolve is left out: the language reports it, and the engines never see half a thing.
import type { AstNode, LangiumDocument, Reference } from 'langium';
import { propertySpan, spanRange } from './cst-spans.js';
import * as m from '@topo/model';
import type * as ast from './generated/ast.js';
import { parseDuration, parsePercent, parseSize } from './literals.js';
import { namespaceKey, namespaceOf } from './names.js';

type Decl = ast.Element;

export function lowerDocuments(documents: LangiumDocument[]): m.Model {
  return new Lowering(documents).model();
}

class Lowering {
  private readonly uriOf = new Map<AstNode, string>();
  private readonly decls: Decl[] = [];
  /** The components the model will hold: calls and references to anything else are left out. */
  private readonly targets = new Set<AstNode>();
  private nextCallId = 0;
  private regions: m.Region[] = [];

  constructor(private readonly documents: LangiumDocument[]) {
    const seen = new Set<string>();
    for (const doc of documents) {
      const root = doc.parseResult.value as ast.TopoFile;
      this.uriOf.set(root, doc.uri.toString());
      for (const el of root.elements) {
        // A declaration still being typed may have no name (or engine) yet: leave it out.
        if ((namespaceOf(el) && !(el as { name?: string }).name) || ((el.$type === 'Datastore' || el.$type === 'Cache') && !el.engine)) continue;
        // On a repeated name the first declaration wins, as in scoping.
        const key = namespaceKey(el);
        if (key !== undefined) {
          if (seen.has(key)) continue;
          seen.add(key);
        }
        this.decls.push(el);
        if (el.$type === 'Service' || el.$type === 'Datastore' || el.$type === 'Cache') this.targets.add(el);
      }
    }
  }

  model(): m.Model {
    const entry = this.documents[0]?.parseResult.value as ast.TopoFile | undefined;
    const arch = entry?.elements.find((e): e is ast.Architecture => e.$type === 'Architecture');
    const uri = this.documents[0]?.uri.toString() ?? '';
    this.regions = this.of<ast.Region>('Region').map((r) => this.region(r));
    if (this.regions.length === 0) this.regions = [m.implicitRegion()];
    return {
      name: arch?.name ?? baseName(uri),
      description: arch?.description,
      uri,
      regions: this.regions,
      network: this.network(),
      teams: this.of<ast.Team>('Team').map((t) => ({ name: t.name, loc: this.loc(t) })),
      entities: this.of<ast.Entity>('Entity').map((e) => ({ name: e.name, loc: this.loc(e) })),
      facets: this.of<ast.Facet>('Facet').flatMap((f) =>
        f.entity?.ref ? [{ name: f.name, entity: f.entity.ref.name, loc: this.loc(f) }] : [],
      ),
      services: this.of<ast.Service>('Service').map((s) => this.service(s)),
      datastores: this.of<ast.Datastore>('Datastore').map((d) => this.datastore(d)),
      caches: this.of<ast.Cache>('Cache').map((c) => this.cache(c)),
      petals: this.of<ast.Petal>('Petal').map((p) => this.petal(p)),
      scenarios: this.of<ast.Scenario>('Scenario').map((s) => this.scenario(s)),
    };
  }

  private of<T extends Decl>(type: T['$type']): T[] {
    return this.decls.filter((d): d is T => d.$type === type);
  }

  private region(r: ast.Region): m.Region {
    return m.makeRegion(r.name, { provider: r.provider as m.Provider | undefined, zones: [...r.zones], grid: r.grid, pue: r.pue, loc: this.loc(r) });
  }

  private network(): m.Network {
    const net = { ...m.DEFAULT_NETWORK };
    for (const n of this.of<ast.Network>('Network')) {
      net.zoneMs = parseDuration(n.zone) ?? net.zoneMs;
      net.crossZoneMs = parseDuration(n.crosszone) ?? net.crossZoneMs;
      net.crossRegionMs = parseDuration(n.crossregion) ?? net.crossRegionMs;
      net.petalMs = parseDuration(n.petal) ?? net.petalMs;
      net.encodeMs = parseDuration(n.encode) ?? net.encodeMs;
      net.discoveryMs = parseDuration(n.discovery) ?? net.discoveryMs;
    }
    return net;
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
        owns: refs(s.owns).filter((o) => this.targets.has(o)).map((o) => o.name),
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
    if (!target || !this.targets.has(target)) return undefined;
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
    const members = p.members.filter((r) => r.ref && this.targets.has(r.ref));
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
    if (!target || !this.targets.has(target) || atMs === undefined || (count !== undefined && count < 1)) return [];
    const common = { target: target.name, atMs, forMs: parseDuration(c.for), loc };
    if (c.$type === 'KillChaos') return count === undefined ? [] : [{ kind: 'kill', count, ...common }];
    if (c.$type === 'SlowChaos') {
      const byMs = parseDuration(c.by);
      return byMs === undefined ? [] : [{ kind: 'slow', count, byMs, ...common }];
    }
    const share = parsePercent(c.share);
    return share === undefined ? [] : [{ kind: 'fail', count, share: Math.min(1, share), ...common }];
  }

  // --- locations ---

  private uri(node: AstNode): string {
    let n: AstNode | undefined = node;
    while (n.$container) n = n.$container;
    return this.uriOf.get(n) ?? '';
  }

  private loc(node: AstNode): m.Loc | undefined {
    const cst = node.$cstNode;
    return cst ? { uri: this.uri(node), start: cst.range.start, end: cst.range.end } : undefined;
  }

  private propLoc(node: AstNode, property: string): m.Loc | undefined {
    const span = propertySpan(node, property);
    return span && { uri: this.uri(node), start: span.value.range.start, end: span.value.range.end };
  }

  private refLoc(ref: Reference): m.Loc | undefined {
    const node = ref.$refNode;
    return node ? { uri: this.uri(node.astNode), start: node.range.start, end: node.range.end } : undefined;
  }

  /** From the first property's value to the end of the last's: `breaker 50% of 20 over 10s open 5s`. */
  private spanLoc(node: AstNode, first: string, last: string): m.Loc | undefined {
    const [a, b] = [propertySpan(node, first), propertySpan(node, last)];
    return a && b && { uri: this.uri(node), start: a.value.range.start, end: b.value.range.end };
  }

  /** From a property's keyword to the end of its value: `deadline 1s`. */
  private keywordLoc(node: AstNode, property: string): m.Loc | undefined {
    const span = propertySpan(node, property);
    return span && { uri: this.uri(node), ...spanRange(span) };
  }
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
