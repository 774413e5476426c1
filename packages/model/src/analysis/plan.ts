// "Fix timeout budgets": new timeouts for the calls of a model so that every budget holds
// (each call's timeout covers its target's need, each deadline covers its edge's need)
// and timeouts shrink from the edge, changing a call only where a budget forces it.
//
// need leaves out the network, but the simulator charges it inside the caller's timeout: an
// attempt's timer starts when it is sent, so the answer must cross to the target and back
// within it (and, into Cassandra at a level that waits for more than one replica, the
// coordinator's round trip to a replica). A timeout equal to the need holds its budget and
// yet times out on every call. So each timeout the plan writes also leaves room(c) for c's
// network: `callNetworkMs`, from the model's network settings, the longest round trip the
// load balancer can make between caller and target (2 × (0.5 + 0.02)ms = 1.04ms inside a
// region by default, 70.04ms across regions) plus Cassandra's. Where the plan fits an edge
// under its deadline, it leaves the client's round trip (`clientNetworkMs`) too. With
// constant work and no queueing, a call whose timeout covers its target's need plus
// room(c), over calls that do the same, is answered in time. The tail of random work and
// queueing are not counted: those the simulation shows.
//
// The planner works on the calls the budget rules check: calls with a timeout, outside
// cycles, into a target whose need is bounded. Every other call keeps its timeout.
//
// 1. Floors, callees first. floor(c) is the least readable timeout that covers the least
//    need of c's target plus room(c), D's least need being its need with each of its calls
//    at its floor. No timeout below the floor leaves c its network, and the floors always
//    hold.
// 2. Raised, callees first. raised(c) keeps c's timeout when it covers the target's need
//    (with the target's calls raised): its budget holds, and the plan does not touch it.
//    Else it rounds that need plus room(c) up to a readable value. This fixes every call
//    budget by raising only, changing just the calls that fall short.
// 3. Budgets, callers first. A service must fit in its deadline less the client's round
//    trip, and in each timeout the plan wrote for a call into it less that call's room,
//    whichever is least. (A call that keeps its timeout as written and covers the
//    service's raised need asks nothing of it; one kept because its floor equals it, short
//    of the need, asks as a written one does.) When its need with raised timeouts
//    fits, it keeps them; so it does when the need fits the deadline itself, whose budget
//    then holds: the room for the client's round trip is kept only where the deadline
//    forces a change anyway. Otherwise its most expensive calls are capped: every call
//    that costs more than X gets the readable timeout whose cost fits under X (never below
//    its floor, never above the timeout it had), with X the largest cap under which the
//    need fits, found by bisection. The cheaper calls keep their timeouts. Its callees
//    then get these timeouts as budgets.
//
// A budget that comes from a call the plan wrote is never below the callee's least need,
// since the call is at least at its floor, so step 3 always fits, except under a deadline
// shorter than the edge's least need plus the client's round trip: no timeouts can meet
// that deadline with room for the network, and the plan leaves the edge at its floors
// (deadline-budget still reports it when the deadline is short of the least need itself).
// A service with a call without a timeout has no bounded need and keeps its raised
// timeouts.
// Each step visits every call a bounded number of times: linear in the size of the model.
import type { Call, Component, Model } from '../model.js';
import { callNetworkMs, clientNetworkMs } from '../network.js';
import { AnalysisContext } from './context.js';
import { callCostWith, needOf } from './cost.js';
import { durationKey, lessThan } from './numbers.js';
import { readableTimeoutAtLeast, readableTimeoutAtMost } from './readable.js';

export interface TimeoutFix {
  callId: number;
  timeoutMs: number;
}

/** Bisection steps for the cap: halves the interval past any difference a timeout can show. */
const BISECTION_STEPS = 60;

export function planTimeoutBudgetFixes(model: Model, ctx: AnalysisContext = new AnalysisContext(model)): TimeoutFix[] {
  const plannable = (call: Call) => call.timeoutMs !== undefined && !ctx.inCycle(call) && Number.isFinite(ctx.need(call.target)!.ms);
  const order = ctx.topological;
  const component = (name: string) => ctx.component(name);

  // Steps 1 and 2, callees first: each call's room, and each component's least and raised need, once.
  const room = new Map<number, number>();
  const floor = new Map<number, number>();
  const raised = new Map<number, number>();
  const leastNeed = new Map<string, number>();
  const raisedNeed = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const c = order[i]!;
    for (const call of ctx.callsFrom(c.name)) {
      if (!plannable(call)) continue;
      const network = callNetworkMs(model.network, call, component);
      room.set(call.id, network);
      floor.set(call.id, readableTimeoutAtLeast(leastNeed.get(call.target)! + network));
      const need = raisedNeed.get(call.target)!;
      raised.set(call.id, lessThan(call.timeoutMs!, need) ? readableTimeoutAtLeast(need + network) : call.timeoutMs!);
    }
    leastNeed.set(c.name, needWith(c, (call) => floor.get(call.id) ?? call.timeoutMs));
    raisedNeed.set(c.name, needWith(c, (call) => raised.get(call.id) ?? call.timeoutMs));
  }

  // Step 3, callers first: fit each service into its budget.
  const planned = new Map<number, number>();
  for (const c of order) {
    const calls = ctx.callsFrom(c.name).filter(plannable);
    if (calls.length === 0) continue;
    // `budget` leaves room for the network; `forcing` is what forces a change: the deadline
    // itself, and the timeouts the plan wrote into the service less their room.
    const deadline = c.kind === 'service' ? c.deadlineMs : undefined;
    const need = raisedNeed.get(c.name)!;
    let forcing = deadline ?? Infinity;
    for (const into of ctx.callsInto(c.name)) {
      const t = planned.get(into.id);
      // A timeout kept as written may be a floor that happens to equal it, short of the need.
      if (t !== undefined && (durationKey(t) !== durationKey(into.timeoutMs!) || lessThan(t, need))) forcing = Math.min(forcing, t - room.get(into.id)!);
    }
    const budget = deadline === undefined ? forcing : Math.min(forcing, deadline - clientNetworkMs(model.network));
    let timeoutOf = (call: Call) => raised.get(call.id) ?? call.timeoutMs;
    if (Number.isFinite(need) && lessThan(forcing, need)) {
      const capped = (cap: number) => (call: Call) => {
        const t = raised.get(call.id);
        if (t === undefined || !lessThan(cap, callCostWith(call, t).ms)) return t ?? call.timeoutMs;
        return Math.min(t, Math.max(floor.get(call.id)!, readableTimeoutAtMost((cap - call.retries * call.backoffMs) / (1 + call.retries))));
      };
      let lo = 0;
      let hi = Math.max(...calls.map((call) => callCostWith(call, raised.get(call.id)!).ms));
      for (let step = 0; step < BISECTION_STEPS; step++) {
        const mid = (lo + hi) / 2;
        if (lessThan(budget, needWith(c, capped(mid)))) hi = mid;
        else lo = mid;
      }
      timeoutOf = capped(lo);
    }
    for (const call of calls) planned.set(call.id, timeoutOf(call)!);
  }

  const fixes: TimeoutFix[] = [];
  for (const s of ctx.services) {
    for (const call of ctx.callsFrom(s.name)) {
      const timeoutMs = planned.get(call.id);
      if (timeoutMs !== undefined && durationKey(timeoutMs) !== durationKey(call.timeoutMs!)) fixes.push({ callId: call.id, timeoutMs });
    }
  }
  return fixes;
}

/** need() of a component with the timeouts a plan gives its calls. */
function needWith(c: Component, timeoutOf: (call: Call) => number | undefined): number {
  return needOf(c, (call) => callCostWith(call, timeoutOf(call))).ms;
}
