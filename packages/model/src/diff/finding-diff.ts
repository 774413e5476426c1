// Findings introduced and resolved between two versions of an architecture. Lines move
// whenever something above them changes, so a finding is known by its rule, its severity,
// the element it is reported on (`call a → b`, `service a`, `petal p`) and its message,
// never by where it is. A finding whose message or severity changed is one resolved and
// one introduced. Hints, which editors only grey out, are left out.
import type { Finding, Loc, Model, Position } from '../model.js';
import { allCalls, components } from '../lookup.js';
import { callIdentities } from './call-identity.js';

export interface FindingChange extends Finding {
  /** What it is reported on: `call a → b`, `service a`, or `file lib.topo` for the rest. */
  element: string;
}

export interface FindingDiff {
  introduced: FindingChange[];
  resolved: FindingChange[];
}

/** A version of an architecture with the findings of its files. */
export interface CheckedModel {
  model: Model;
  findings: readonly Finding[];
}

export function diffFindings(before: CheckedModel, after: CheckedModel): FindingDiff {
  const was = located(before);
  const is = located(after);
  return { introduced: without(is, was), resolved: without(was, is) };
}

function located({ model, findings }: CheckedModel): FindingChange[] {
  const byLine = elementsByLine(model);
  return findings
    .filter((f) => f.severity !== 'hint')
    .map((f) => ({ ...f, element: byLine.get(lineKey(f.loc.uri, f.loc.start.line))?.find((e) => contains(e.loc, f.loc))?.name ?? `file ${relativeUri(model.uri, f.loc.uri)}` }));
}

/** The elements on each line of each file, innermost first: each finding looks at its own line's few. */
function elementsByLine(model: Model): Map<string, { name: string; loc: Loc }[]> {
  const byLine = new Map<string, { name: string; loc: Loc }[]>();
  for (const { name, loc } of elementsOf(model)) {
    if (!loc) continue;
    for (let line = loc.start.line; line <= loc.end.line; line++) {
      const key = lineKey(loc.uri, line);
      byLine.set(key, [...(byLine.get(key) ?? []), { name, loc }]);
    }
  }
  return byLine;
}

function lineKey(uri: string, line: number): string {
  return `${uri}\u0000${line}`;
}

/** The findings of `these` that `those` lacks, counting repeats (two equal findings need two). */
function without(these: FindingChange[], those: FindingChange[]): FindingChange[] {
  const left = new Map<string, number>();
  for (const f of those) left.set(identity(f), (left.get(identity(f)) ?? 0) + 1);
  return these.filter((f) => {
    const n = left.get(identity(f)) ?? 0;
    left.set(identity(f), n - 1);
    return n <= 0;
  });
}

function identity(f: FindingChange): string {
  return [f.code, f.severity, f.element, f.message].join('\u0000');
}

/** The model's named elements, innermost first: a call before the service it is in. */
function elementsOf(model: Model): { name: string; loc?: Loc }[] {
  const calls = callIdentities(model);
  return [
    ...allCalls(model).map((c) => ({ name: `call ${calls.get(c.id)!.key}`, loc: c.loc })),
    ...components(model).map((c) => ({ name: `${c.kind} ${c.name}`, loc: c.loc })),
    ...model.petals.map((p) => ({ name: `petal ${p.name}`, loc: p.loc })),
    ...model.scenarios.map((s) => ({ name: `scenario ${s.name}`, loc: s.loc })),
    ...model.regions.map((r) => ({ name: `region ${r.name}`, loc: r.loc })),
    ...model.teams.map((t) => ({ name: `team ${t.name}`, loc: t.loc })),
    ...model.entities.map((e) => ({ name: `entity ${e.name}`, loc: e.loc })),
    ...model.facets.map((f) => ({ name: `facet ${f.name}`, loc: f.loc })),
  ];
}

function contains(outer: Loc, inner: Loc): boolean {
  return outer.uri === inner.uri && !before(inner.start, outer.start) && !before(outer.end, inner.start);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** `to` relative to the folder of `from`: `lib.topo`, `shared/lib.topo`, `../lib.topo`. */
function relativeUri(from: string, to: string): string {
  const folder = from.split('/').slice(0, -1);
  const target = to.split('/');
  let i = 0;
  while (i < folder.length && i < target.length - 1 && folder[i] === target[i]) i++;
  return decodeURIComponent([...folder.slice(i).map(() => '..'), ...target.slice(i)].join('/'));
}
