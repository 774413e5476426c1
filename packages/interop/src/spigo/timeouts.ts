// spigo has no timeouts; Topo wants one on every call. They are computed bottom-up, callees
// first: a call's timeout covers its target's need (the target's work plus the timeouts of
// its own calls, as the budget rules count it) and a margin for what need leaves out, the
// tail of the target's work and the network, rounded up to a readable value. A caller's
// need is more than any of its calls' timeouts, so timeouts grow towards the edge, and the
// edge's deadline covers the edge's need the same way.
import { DEFAULT_NETWORK, longestRoundTripMs, mayLeaveRegion, readableTimeoutAtLeast } from '@topo/model';
import { callsOf, type PlanCall, type PlanComponent } from './plan.js';

/** The margin counts the target's work this many times over its mean: exponential work runs past 10× its mean once in 22,000 requests. */
export const WORK_TAIL = 9;
/** And this many round trips: the call's own, and one behind the target (a datastore's replicas). */
export const ROUND_TRIPS = 2;
/** The rule in words, for the file's header. */
export const TIMEOUT_RULE = `each timeout covers its target's need plus ${WORK_TAIL}× its mean work and two cross-zone round trips, rounded up to a readable value`;

export function assignTimeouts(components: PlanComponent[]): void {
  const byName = new Map(components.map((c) => [c.name, c]));
  for (const group of stronglyConnected(components, byName)) {
    const members = new Set(group);
    // Calls out of the group first: their targets' needs are final. Calls around a cycle
    // (a dependency-cycle error in Topo, and outside every budget) come last.
    const calls = group.flatMap((c) => callsOf(c).map((call) => ({ from: c, call })));
    const outward = calls.filter(({ call }) => !members.has(byName.get(call.target)!));
    const around = calls.filter(({ call }) => members.has(byName.get(call.target)!));
    for (const { from, call } of [...outward, ...around]) {
      const target = byName.get(call.target)!;
      call.timeoutMs = readableTimeoutAtLeast(needOf(target) + margin(target, from));
    }
  }
  for (const c of components) if (c.layer === 'edge') c.deadlineMs = readableTimeoutAtLeast(needOf(c) + margin(c, undefined));
}

/** need() of the language reference; calls without a timeout yet count nothing. */
export function needOf(c: PlanComponent): number {
  const cost = (call: PlanCall) => call.timeoutMs ?? 0;
  return c.steps.reduce((sum, step) => sum + (step.kind === 'call' ? cost(step.call) : Math.max(...step.routes.map(cost))), c.workMs);
}

/** What a caller (or, for undefined, the client) waits beyond need: the work's tail and the round trips. */
function margin(target: PlanComponent, caller: PlanComponent | undefined): number {
  // A target that runs in each of the caller's regions answers from the caller's own region; the client calls in the target's.
  const crossRegion = caller !== undefined && mayLeaveRegion(caller.regions, target.regions);
  return WORK_TAIL * target.workMs + ROUND_TRIPS * longestRoundTripMs(DEFAULT_NETWORK, crossRegion);
}

/** Tarjan's strongly connected components of the call graph, callees before callers. */
function stronglyConnected(components: PlanComponent[], byName: Map<string, PlanComponent>): PlanComponent[][] {
  const index = new Map<PlanComponent, number>();
  const low = new Map<PlanComponent, number>();
  const stack: PlanComponent[] = [];
  const onStack = new Set<PlanComponent>();
  const groups: PlanComponent[][] = [];
  const visit = (c: PlanComponent) => {
    index.set(c, index.size);
    low.set(c, index.get(c)!);
    stack.push(c);
    onStack.add(c);
    for (const call of callsOf(c)) {
      const t = byName.get(call.target)!;
      if (!index.has(t)) {
        visit(t);
        low.set(c, Math.min(low.get(c)!, low.get(t)!));
      } else if (onStack.has(t)) low.set(c, Math.min(low.get(c)!, index.get(t)!));
    }
    if (low.get(c) === index.get(c)) {
      const group: PlanComponent[] = [];
      let m: PlanComponent;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        group.push(m);
      } while (m !== c);
      groups.push(group);
    }
  };
  for (const c of components) if (!index.has(c)) visit(c);
  return groups;
}
