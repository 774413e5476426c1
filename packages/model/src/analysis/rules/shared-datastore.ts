// shared-datastore: a datastore or cache reached by services outside the team that owns it
// is the kitchen-sink database again: a schema nobody can change alone, data under the
// strictest policy of any of its users. Without owner and team, two callers are enough.
import type { Component, Service } from '../../model.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

export function sharedDatastore(ctx: AnalysisContext): AnalysisFinding[] {
  const owners = new Map<string, Service[]>();
  for (const s of ctx.services) {
    for (const name of s.owns) {
      const list = owners.get(name);
      if (list) list.push(s);
      else owners.set(name, [s]);
    }
  }
  const out: AnalysisFinding[] = [];
  for (const store of ctx.components) {
    if (store.kind === 'service') continue;
    const storeOwners = owners.get(store.name) ?? [];
    const unowned = storeOwners.length === 0 && store.team === undefined;
    const callers = unowned ? ctx.callers(store.name) : [];
    if (unowned && callers.length < 2) continue;
    for (const call of ctx.callsInto(store.name)) {
      const caller = ctx.service(call.from)!;
      if (!unowned && belongs(caller, store, storeOwners)) continue;
      const message = unowned
        ? `${store.name} has no owner and no team, and ${callers.length} services call it (${callers.join(', ')}): give it one owner, and give the others their own store or an API`
        : `${caller.name} reaches into ${store.name}, which ${ownership(store, storeOwners)}: call ${storeOwners.length > 0 ? "the owner's service" : `a service of team ${store.team}`} instead, or give ${caller.name} its own ${store.kind}`;
      out.push(finding('shared-datastore', 'warning', message, reportAt(ctx.model, call.loc, caller.loc), { callId: call.id, subject: store.name }));
    }
  }
  return out;
}

function belongs(caller: Service, store: Component, owners: Service[]): boolean {
  if (owners.includes(caller)) return true;
  return caller.team !== undefined && (caller.team === store.team || owners.some((o) => o.team === caller.team));
}

function ownership(store: Component, owners: Service[]): string {
  const parts = [];
  if (owners.length > 0) parts.push(`${owners.map((o) => o.name).join(' and ')} own${owners.length === 1 ? 's' : ''}`);
  if (store.team !== undefined) parts.push(`team ${store.team} runs`);
  return parts.join(' and ');
}
