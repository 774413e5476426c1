// Lowering: the parsed files of one architecture (an entry file and its imports) become the
// plain model, with every default applied and every unit resolved. Whatever does not
// resolve is left out: the language reports it, and the engines never see half a thing.
// Each file is lowered on its own (LoweredDocument), then the files of a model are put
// together (assembleModel), so that a file edited is the only one lowered again; and in the
// edited file, each declaration whose node, place and references are as they were is reused.
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

/** The model's lists a document adds to. */
type Lists = Pick<m.Model, 'teams' | 'entities' | 'facets' | 'services' | 'datastores' | 'caches' | 'petals' | 'scenarios'>;
/** A document's declarations lowered in a context, call ids from 0, each list with the declarations its elements were lowered from. */
type Lowered = { [K in keyof Lists]: { nodes: Decl[]; values: Lists[K] } };

/**
 * A declaration lowered, with all it depends on beyond its own text: where it starts, the
 * regions in force, and what each reference it read resolved to. An incremental parse keeps
 * the node of a declaration the edit did not touch, so the node stands for its text. Moved by
 * whole lines (an edit above it added or removed some), its locations are moved in place: a
 * location in a model is where that declaration is in the current text.
 */
interface Memo {
  value: Lists[keyof Lists][number] | undefined;
  line: number;
  character: number;
  regions: readonly m.Region[];
  reads: Read[];
  /** The positions in its locations, its own: they move with it. */
  positions: m.Position[];
}

/**
 * A reference as the lowering saw it: the type of its target, or none, and whether that is in
 * the model. (The target's name is the reference's own text, part of the declaration's.)
 */
interface Read {
  ref: Reference<Named>;
  type: string | undefined;
  target: boolean;
}

type Named = AstNode & { name: string };

const KINDS: readonly (keyof Lists)[] = ['teams', 'entities', 'facets', 'services', 'datastores', 'caches', 'petals', 'scenarios'];
/** The list each kind of declaration lowers into (regions and the network are lowered apart). */
const KIND_OF_DECL: Partial<Record<Decl['$type'], keyof Lists>> = {
  Team: 'teams',
  Entity: 'entities',
  Facet: 'facets',
  Service: 'services',
  Datastore: 'datastores',
  Cache: 'caches',
  Petal: 'petals',
  Scenario: 'scenarios',
};
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
  /** Its declarations lowered, each as of the last time it was. */
  readonly memos = new Map<Decl, Memo>();
  /** Its declarations as last lowered, and the regions in force then. */
  private lowered?: { parts: Lowered; regions: readonly m.Region[] };

  /** `previous`: the document as lowered before its last parse, whose declarations the parse kept are reused where they still fit. */
  constructor(document: LangiumDocument, previous?: LoweredDocument) {
    this.uri = document.uri.toString();
    this.root = document.parseResult.value as ast.TopoFile;
    const before = previous?.uri === this.uri ? previous : undefined;
    for (const el of this.root.elements) {
      if ((namespaceOf(el) && !(el as { name?: string }).name) || ((el.$type === 'Datastore' || el.$type === 'Cache') && !el.engine)) continue;
      this.decls.push({ node: el, key: namespaceKey(el) });
      const memo = before?.memos.get(el);
      if (memo) this.memos.set(el, memo);
      if (el.$type === 'Region') {
        const kept = before?.regions.get(el);
        this.regions.set(el, kept && sameLoc(kept.loc, el) ? kept : m.makeRegion(el.name, { provider: el.provider as m.Provider | undefined, zones: [...el.zones], grid: el.grid, pue: el.pue, loc: loc(this.uri, el) }));
      }
    }
  }

  loweredIn(context: Context): Lowered {
    // Until the document is linked again (then lowered anew) its declarations neither change
    // nor move: what it lowered holds while the context gives the same answers.
    const last = this.lowered;
    if (last && sameRegions(last.regions, context.regions) && [...this.memos.values()].every((memo) => resolvesAlike(memo, context))) return last.parts;
    const { lowered, changed } = new Lowering(this, context).lower(last?.parts);
    this.lowered = { parts: changed ? lowered : last!.parts, regions: context.regions };
    return this.lowered.parts;
  }
}

function sameRegions(a: readonly m.Region[], b: readonly m.Region[]): boolean {
  return a === b || (a.length === b.length && a.every((r, i) => r === b[i]));
}

/** Whether each reference a declaration read resolves as it did: to the same type, in the model or not alike. */
function resolvesAlike(memo: Memo, context: Context): boolean {
  for (const read of memo.reads) {
    const target = read.ref.ref;
    if (target?.$type !== read.type || (target !== undefined && context.isTarget(target)) !== read.target) return false;
  }
  return true;
}

/** Whether a region lowered before still starts where its node does (its other fields come from the node's text). */
function sameLoc(l: m.Loc | undefined, node: AstNode): boolean {
  const start = node.$cstNode?.range.start;
  return l !== undefined && start !== undefined && l.start.line === start.line && l.start.character === start.character;
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

/** One document's declarations lowered in a context, each reused where its memo still fits. */
class Lowering {
  private readonly uri: string;
  private readonly regions: readonly m.Region[];
  /** The references read while lowering the current declaration, and the positions of its locations. */
  private reads: Read[] = [];
  private positions: m.Position[] = [];
  private nextCallId = 0;

  constructor(
    private readonly document: LoweredDocument,
    private readonly context: Context,
  ) {
    this.uri = document.uri;
    this.regions = context.regions;
  }

  /** The document lowered, and whether that differs from `before` (a declaration lowered again, or calls numbered anew). */
  lower(before: Lowered | undefined): { lowered: Lowered; changed: boolean } {
    const parts: Lowered = {
      teams: { nodes: [], values: [] },
      entities: { nodes: [], values: [] },
      facets: { nodes: [], values: [] },
      services: { nodes: [], values: [] },
      datastores: { nodes: [], values: [] },
      caches: { nodes: [], values: [] },
      petals: { nodes: [], values: [] },
      scenarios: { nodes: [], values: [] },
    };
    let changed = before === undefined;
    const { memos } = this.document;
    for (const { node } of this.document.decls) {
      const kind = KIND_OF_DECL[node.$type];
      if (!kind) continue;
      const start = node.$cstNode?.range.start;
      let memo = memos.get(node);
      if (!memo || !start || start.character !== memo.character || !this.fits(memo)) {
        memos.set(node, (memo = this.lowerDecl(node)));
        changed = true;
      } else {
        if (start.line !== memo.line) {
          // Moved down or up by whole lines (an edit above added or removed some): so does each of its locations.
          for (const position of memo.positions) position.line += start.line - memo.line;
          memo.line = start.line;
        }
        if (kind === 'services' && memo.value) {
          // Calls are numbered in the document's order: those before may have gained or lost some.
          const service = renumbered(memo.value as m.Service, this.nextCallId);
          if (service !== memo.value) {
            memo.value = service;
            changed = true;
          }
          this.nextCallId += service.calls.length;
        }
      }
      if (memo.value === undefined) continue;
      const list = parts[kind];
      if (!changed && before![kind].values[list.values.length] !== memo.value) changed = true;
      list.nodes.push(node);
      (list.values as unknown[]).push(memo.value);
    }
    if (!changed) changed = KINDS.some((kind) => before![kind].values.length !== parts[kind].values.length);
    return { lowered: parts, changed };
  }

  /** Whether a declaration lowered before (and not moved but by whole lines) lowers alike now: in the same regions, with its references resolving alike. */
  private fits(memo: Memo): boolean {
    return sameRegions(memo.regions, this.regions) && resolvesAlike(memo, this.context);
  }

  private lowerDecl(node: Decl): Memo {
    this.reads = [];
    this.positions = [];
    const start = node.$cstNode?.range.start;
    return { value: this.value(node), line: start?.line ?? -1, character: start?.character ?? -1, regions: this.regions, reads: this.reads, positions: this.positions };
  }

  private value(node: Decl): Lists[keyof Lists][number] | undefined {
    switch (node.$type) {
      case 'Team':
        return { name: node.name, loc: this.loc(node) };
      case 'Entity':
        return { name: node.name, loc: this.loc(node) };
      case 'Facet': {
        const entity = this.deref(node.entity);
        return entity && { name: node.name, entity: entity.name, loc: this.loc(node) };
      }
      case 'Service':
        return this.service(node);
      case 'Datastore':
        return this.datastore(node);
      case 'Cache':
        return this.cache(node);
      case 'Petal':
        return this.petal(node);
      case 'Scenario':
        return this.scenario(node);
      default:
        return undefined;
    }
  }

  /**
   * What a reference resolves to, remembered with its type and whether it is in the model (a
   * component left out of it takes its calls and references with it): every target the
   * lowering asks the context about comes through here.
   */
  private deref<T extends Named>(ref: Reference<T> | undefined): T | undefined {
    if (!ref) return undefined;
    const target = ref.ref;
    this.reads.push({ ref, type: target?.$type, target: target !== undefined && this.context.isTarget(target) });
    return target;
  }

  private derefs<T extends Named>(list: Reference<T>[]): T[] {
    return list.flatMap((r) => this.deref(r) ?? []);
  }

  /** What services, datastores and caches are written with: placement, work, threads, team. */
  private draft(node: ast.Service | ast.Datastore | ast.Cache): m.ComponentDraft & { locs: m.ComponentLocs } {
    return {
      name: node.name,
      team: this.deref(node.team)?.name,
      regions: node.regions.length > 0 ? this.derefs(node.regions).map((r) => r.name) : undefined,
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
        owns: this.derefs(s.owns).filter((o) => this.context.isTarget(o)).map((o) => o.name),
        provides: this.derefs(s.provides).map((p) => p.name),
        uses: s.uses.flatMap((u) => {
          const used = this.deref(u);
          return used ? [{ name: used.name, entity: used.$type === 'Entity', loc: this.refLoc(u) }] : [];
        }),
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
    const target = this.deref(c.target);
    if (!target || !this.context.isTarget(target)) return undefined;
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
      onMiss: this.deref(c.onMiss)?.name,
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
    const members = p.members.filter((r) => {
      const member = this.deref(r);
      return member !== undefined && this.context.isTarget(member);
    });
    return m.makePetal(
      {
        name: p.name,
        region: this.deref(p.region)?.name,
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
    const loads = s.loads.flatMap((l): m.Load[] => {
      const target = this.deref(l.target);
      return target && l.rate !== undefined ? [{ rps: l.rate, toRps: l.toRate ?? l.rate, target: target.name, ...span(l) }] : [];
    });
    const users = s.users.flatMap((u): m.Users[] => {
      const thinkMs = parseDuration(u.think);
      const target = this.deref(u.target);
      return target && u.count !== undefined && thinkMs !== undefined ? [{ count: Math.floor(u.count), thinkMs, target: target.name, ...span(u) }] : [];
    });
    const chaos = s.chaos.flatMap((c) => this.chaos(c));
    return { name: s.name, loads, users, warmupMs: parseDuration(s.warmup) ?? m.DEFAULT_WARMUP_MS, seed: s.seed ?? m.DEFAULT_SCENARIO_SEED, chaos, loc: this.loc(s) };
  }

  /** A fault, or nothing while it is half-written or names what is not there. */
  private chaos(c: ast.Chaos): m.Chaos[] {
    const loc = this.loc(c);
    if (c.$type === 'ZoneChaos') {
      const [atMs, forMs] = [parseDuration(c.at), parseDuration(c.for)];
      const region = this.deref(c.region);
      return region && c.zone && atMs !== undefined && forMs !== undefined ? [{ kind: 'zone', region: region.name, zone: c.zone, atMs, forMs, loc }] : [];
    }
    if (c.$type === 'MonkeyChaos') {
      const everyMs = parseDuration(c.every);
      return everyMs !== undefined && everyMs > 0 ? [{ kind: 'monkey', everyMs, loc }] : [];
    }
    const target = this.deref(c.target);
    const atMs = parseDuration(c.at);
    // A count below one is reported by validation (`chaos-value`) and stages nothing here.
    const count = c.count === undefined ? undefined : Math.floor(c.count);
    if (!target || !this.context.isTarget(target) || atMs === undefined || (count !== undefined && count < 1)) return [];
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
    const cst = node.$cstNode;
    return cst && this.at(cst.range);
  }

  private propLoc(node: AstNode, property: string): m.Loc | undefined {
    const span = propertySpan(node, property);
    return span && this.at(span.value.range);
  }

  private refLoc(ref: Reference): m.Loc | undefined {
    const node = ref.$refNode;
    return node && this.at(node.range);
  }

  /** From the first property's value to the end of the last's: `breaker 50% of 20 over 10s open 5s`. */
  private spanLoc(node: AstNode, first: string, last: string): m.Loc | undefined {
    const [a, b] = [propertySpan(node, first), propertySpan(node, last)];
    return a && b && this.at({ start: a.value.range.start, end: b.value.range.end });
  }

  /** From a property's keyword to the end of its value: `deadline 1s`. */
  private keywordLoc(node: AstNode, property: string): m.Loc | undefined {
    const span = propertySpan(node, property);
    return span && this.at(spanRange(span));
  }

  /** A location in this document with positions of its own, kept to move with the declaration. */
  private at(range: { start: m.Position; end: m.Position }): m.Loc {
    const start = { line: range.start.line, character: range.start.character };
    const end = { line: range.end.line, character: range.end.character };
    this.positions.push(start, end);
    return { uri: this.uri, start, end };
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

function baseName(uri: string): string {
  const last = uri.split('/').pop() ?? 'architecture';
  return decodeURIComponent(last).replace(/\.topo$/, '');
}
