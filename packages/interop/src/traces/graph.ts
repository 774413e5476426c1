// From spans to a call graph with statistics. A *visit* is a request a service serves: a span
// whose parent is in another service (or that has none). Its calls are the visits its own
// spans lead to, and a client span that no other service answered (a database without
// tracing, named by the trace) is a visit to the service it names.
import type { TraceSpan } from './read.js';

export interface Visit {
  service: string;
  startUs: number;
  durationUs: number;
  calls: Visit[];
}

export interface CallStats {
  target: string;
  /** Calls per visit of the caller. */
  perVisit: number;
  /** Visits of the caller with at least one call to the target. */
  visitsWith: number;
  /** Mean start of the call after the caller's visit began, µs: the order the calls are made. */
  meanOffsetUs: number;
  /** The durations of the calls, as the caller saw them (µs). */
  latenciesUs: number[];
}

export interface ServiceStats {
  name: string;
  visits: number;
  /** Self time per visit: its duration less the time its calls cover (µs). */
  selfUs: number[];
  calls: CallStats[];
  /** Targets whose calls never fall in the same visit and always one of them: routes. */
  routes: string[];
  /** Groups of targets whose calls overlap in time within a visit: parallel. */
  parallel: string[][];
  /** Entry visits (no parent) per second over the traces' time. */
  entryRps: number;
}

export function visitsOf(spans: TraceSpan[]): Visit[] {
  // A span id may be shared by a client span and the server span answering it (B3's shared spans).
  const byId = new Map<string, TraceSpan[]>();
  for (const s of spans) (byId.get(key(s.traceId, s.id)) ?? byId.set(key(s.traceId, s.id), []).get(key(s.traceId, s.id))!).push(s);
  const parentOf = (s: TraceSpan): TraceSpan | undefined => {
    const shared = byId.get(key(s.traceId, s.id))!;
    if (s.kind === 'server' && shared.length > 1) return shared.find((o) => o !== s && o.kind === 'client');
    return s.parentId === undefined ? undefined : byId.get(key(s.traceId, s.parentId))?.find((p) => p.kind !== 'server' || byId.get(key(p.traceId, p.id))!.length === 1) ?? byId.get(key(s.traceId, s.parentId))?.[0];
  };
  const visitOf = new Map<TraceSpan, Visit>();
  const roots: Visit[] = [];
  const answered = new Set<TraceSpan>();
  // Parents before children: sort by start.
  const ordered = [...spans].sort((a, b) => a.startUs - b.startUs || (a.kind === 'client' ? -1 : 1));
  for (const s of ordered) {
    const parent = parentOf(s);
    if (parent && parent.service === s.service) {
      visitOf.set(s, visitOf.get(parent) ?? newVisit(s));
      continue;
    }
    const visit = newVisit(s);
    visitOf.set(s, visit);
    if (!parent) roots.push(visit);
    else {
      answered.add(parent);
      // The caller's side of the call, when it has one, is what the caller waited for.
      const callerVisit = visitOf.get(parent);
      if (parent.kind === 'client') {
        visit.startUs = parent.startUs;
        visit.durationUs = parent.durationUs;
      }
      callerVisit?.calls.push(visit);
    }
  }
  for (const s of ordered) {
    if (s.kind !== 'client' || answered.has(s) || !s.remoteService || s.remoteService === s.service) continue;
    visitOf.get(s)?.calls.push({ service: s.remoteService, startUs: s.startUs, durationUs: s.durationUs, calls: [] });
  }
  return roots;
}

function newVisit(s: TraceSpan): Visit {
  return { service: s.service, startUs: s.startUs, durationUs: s.durationUs, calls: [] };
}

function key(traceId: string, id: string): string {
  return `${traceId}/${id}`;
}

export function statistics(roots: Visit[]): ServiceStats[] {
  const all: Visit[] = [];
  const walk = (v: Visit) => {
    all.push(v);
    v.calls.forEach(walk);
  };
  roots.forEach(walk);
  const byService = new Map<string, Visit[]>();
  for (const v of all) (byService.get(v.service) ?? byService.set(v.service, []).get(v.service)!).push(v);
  const start = Math.min(...roots.map((r) => r.startUs));
  const end = Math.max(...roots.map((r) => r.startUs + r.durationUs));
  const seconds = Math.max(1e-6, (end - start) / 1e6);
  return [...byService].map(([name, visits]) => {
    const targets = [...new Set(visits.flatMap((v) => v.calls.map((c) => c.service)))];
    const calls = targets.map((target): CallStats => {
      const made = visits.flatMap((v) => v.calls.filter((c) => c.service === target).map((c) => ({ c, v })));
      return {
        target,
        perVisit: made.length / visits.length,
        visitsWith: visits.filter((v) => v.calls.some((c) => c.service === target)).length,
        meanOffsetUs: mean(made.map(({ c, v }) => c.startUs - v.startUs)),
        latenciesUs: made.map(({ c }) => c.durationUs),
      };
    });
    calls.sort((a, b) => a.meanOffsetUs - b.meanOffsetUs);
    return {
      name,
      visits: visits.length,
      selfUs: visits.map((v) => Math.max(0, v.durationUs - covered(v.calls))),
      calls,
      routes: routesOf(visits, calls),
      parallel: parallelGroups(visits, calls),
      entryRps: roots.filter((r) => r.service === name).length / seconds,
    };
  });
}

/** The time a visit's calls cover: the length of the union of their intervals. */
function covered(calls: Visit[]): number {
  const intervals = calls.map((c) => [c.startUs, c.startUs + c.durationUs] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of intervals) {
    total += Math.max(0, e - Math.max(s, end));
    end = Math.max(end, e);
  }
  return total;
}

/**
 * The caller's routes: targets no visit calls two of, which together every visit calls
 * exactly once. Seeded by each target in turn, largest share first, the first group found.
 */
function routesOf(visits: Visit[], calls: CallStats[]): string[] {
  const candidates = calls.filter((c) => c.perVisit < 1 && c.visitsWith === Math.round(c.perVisit * visits.length)).sort((a, b) => b.perVisit - a.perVisit);
  const together = (a: string, b: string) => visits.some((v) => v.calls.some((c) => c.service === a) && v.calls.some((c) => c.service === b));
  for (const seed of candidates) {
    const group = [seed];
    for (const c of candidates) if (c !== seed && group.every((g) => !together(g.target, c.target))) group.push(c);
    if (group.length > 1 && visits.every((v) => v.calls.some((c) => group.some((g) => g.target === c.service)))) return group.map((g) => g.target);
  }
  return [];
}

/** Targets whose calls overlap in time in most visits that make both. */
function parallelGroups(visits: Visit[], calls: CallStats[]): string[][] {
  const targets = calls.filter((c) => c.perVisit <= 1.0001).map((c) => c.target);
  const group = new Map(targets.map((t) => [t, t]));
  const find = (t: string): string => (group.get(t) === t ? t : find(group.get(t)!));
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      let both = 0;
      let overlapping = 0;
      for (const v of visits) {
        const a = v.calls.find((c) => c.service === targets[i]);
        const b = v.calls.find((c) => c.service === targets[j]);
        if (!a || !b) continue;
        both++;
        if (a.startUs < b.startUs + b.durationUs && b.startUs < a.startUs + a.durationUs) overlapping++;
      }
      if (both > 0 && overlapping / both > 0.5) group.set(find(targets[j]!), find(targets[i]!));
    }
  }
  const groups = new Map<string, string[]>();
  for (const t of targets) (groups.get(find(t)) ?? groups.set(find(t), []).get(find(t))!).push(t);
  return [...groups.values()].filter((g) => g.length > 1);
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}
