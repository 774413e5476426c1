// Diagnostics on the picture: each finding goes to the most specific thing whose source
// holds it — a call, else a service, datastore or cache, else a petal.
import type { Finding, Loc, Model, Position, Severity } from '@topo/model';
import { allCalls, components } from '@topo/model';
import type { Mark, Marked } from './layout-types.js';

export interface Marks {
  calls: Map<number, Marked>;
  components: Map<string, Marked>;
  petals: Map<string, Marked>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function locContains(outer: Loc, inner: Loc): boolean {
  return outer.uri === inner.uri && before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Line span, then character span: how tight a loc is, to pick the innermost of several. */
function extent(loc: Loc): number {
  return (loc.end.line - loc.start.line) * 1e6 + (loc.end.character - loc.start.character);
}

function innermost<T>(items: T[], locOf: (t: T) => Loc | undefined, inner: Loc): T | undefined {
  let best: T | undefined;
  let bestExtent = Infinity;
  for (const item of items) {
    const loc = locOf(item);
    if (loc && locContains(loc, inner) && extent(loc) < bestExtent) {
      best = item;
      bestExtent = extent(loc);
    }
  }
  return best;
}

export function markFindings(model: Model, findings: readonly Finding[]): Marks {
  const found = { calls: new Map<number, Finding[]>(), components: new Map<string, Finding[]>(), petals: new Map<string, Finding[]>() };
  const add = <K>(map: Map<K, Finding[]>, key: K, f: Finding) => map.set(key, [...(map.get(key) ?? []), f]);
  const calls = allCalls(model);
  const comps = components(model);
  for (const f of findings) {
    if (f.severity === 'hint') continue;
    const call = innermost(calls, (c) => c.loc, f.loc);
    if (call) {
      add(found.calls, call.id, f);
      continue;
    }
    const comp = innermost(comps, (c) => c.loc, f.loc);
    if (comp) {
      add(found.components, comp.name, f);
      continue;
    }
    const petal = innermost(model.petals, (p) => p.loc, f.loc);
    if (petal) add(found.petals, petal.name, f);
  }
  const toMarked = <K>(map: Map<K, Finding[]>) =>
    new Map([...map].map(([k, fs]) => [k, marked(fs)] as const));
  return { calls: toMarked(found.calls), components: toMarked(found.components), petals: toMarked(found.petals) };
}

function marked(findings: Finding[]): Marked {
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return { mark: sorted[0]!.severity as Mark, messages: sorted.map((f) => f.message) };
}

export const UNMARKED: Marked = { messages: [] };
