// Which call of one model is which call of another. A call is known by its caller, its
// target and where it sits (a sequential call, in a parallel group, or a route); when the
// caller has several calls of one kind to one target, by their order in the source among
// those. So `a → b`, `a → b #2` (a's second sequential call to b), `a → b (parallel)`,
// `a → b (route)`. Reordering unrelated calls, or moving a call into another parallel group,
// keeps its identity; moving it between sequential, parallel and route makes it another call.
import type { Call, CallGroup, Model } from '../model.js';

export interface CallIdentity {
  from: string;
  target: string;
  group: CallGroup;
  /** 1 for the caller's first call of this group to this target, 2 for the second… */
  ordinal: number;
  /** The identity as one string, as reports print it. */
  key: string;
}

function callKey(from: string, target: string, group: CallGroup, ordinal: number): string {
  return `${from} → ${target}${group === 'sequential' ? '' : ` (${group})`}${ordinal > 1 ? ` #${ordinal}` : ''}`;
}

/** The identity of every call of the model, by call id. */
export function callIdentities(model: Model): Map<number, CallIdentity> {
  const out = new Map<number, CallIdentity>();
  for (const service of model.services) {
    const seen = new Map<string, number>();
    for (const call of service.calls) out.set(call.id, identify(call, seen));
  }
  return out;
}

function identify(call: Call, seen: Map<string, number>): CallIdentity {
  const kind = `${call.target}\u0000${call.group}`;
  const ordinal = (seen.get(kind) ?? 0) + 1;
  seen.set(kind, ordinal);
  return { from: call.from, target: call.target, group: call.group, ordinal, key: callKey(call.from, call.target, call.group, ordinal) };
}
