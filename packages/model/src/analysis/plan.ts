// "Fix timeout budgets": new timeouts for the calls of a model so that every budget holds
// (each call's timeout covers its target's need, each deadline covers its edge's need)
// and timeouts shrink from the edge, changing a call only where a budget forces it.
//
// The planner works on the calls the budget rules check: calls with a timeout, outside
// cycles, into a target whose need is bounded. Every other call keeps its timeout.
//
// 1. Floors, callees first. floor(c) is the least readable timeout that covers the least
//    need of c's target, D's least need being its need with each of its calls at its
//    floor. No timeout below the floor can hold, and the floors always hold.
// 2. Raised, callees first. raised(c) keeps c's timeout when it covers the target's need
//    (with the target's calls raised), else rounds that need up to a readable value. This
//    fixes every call budget by raising only, changing just the calls that fall short.
// 3. Budgets, callers first. A service's budget is its deadline and the planned timeouts
//    of the calls into it, whichever is least. When its need with raised timeouts fits,
//    it keeps them. Otherwise its most expensive calls are capped: every call that costs
//    more than X gets the readable timeout whose cost fits under X (never below its
//    floor), with X the largest cap under which the need fits, found by bisection. The
//    cheaper calls keep their timeouts. Its callees then get these timeouts as budgets.
//
// A budget that comes from a call is never below the callee's least need, so step 3
// always fits, except under a deadline shorter than the edge's least need: no timeouts
// can meet that deadline, and the plan leaves the edge at its floors (deadline-budget
// still reports it). A service with a call without a timeout has no bounded need and
// keeps its raised timeouts.
// Each step visits every call a bounded number of times: linear in the size of the model.
import type { Call, Component, Model } from '../model.js';
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

  // Steps 1 and 2, callees first: each component's least and raised need, once.
  const floor = new Map<number, number>();
  const raised = new Map<number, number>();
  const leastNeed = new Map<string, number>();
  const raisedNeed = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const c = order[i]!;
    for (const call of ctx.callsFrom(c.name)) {
      if (!plannable(call)) continue;
      floor.set(call.id, readableTimeoutAtLeast(leastNeed.get(call.target)!));
      const need = raisedNeed.get(call.target)!;
      raised.set(call.id, lessThan(call.timeoutMs!, need) ? readableTimeoutAtLeast(need) : call.timeoutMs!);
    }
    leastNeed.set(c.name, needWith(c, (call) => floor.get(call.id) ?? call.timeoutMs));
    raisedNeed.set(c.name, needWith(c, (call) => raised.get(call.id) ?? call.timeoutMs));
  }

  // Step 3, callers first: fit each service into its budget.
  const planned = new Map<number, number>();
  for (const c of order) {
    const calls = ctx.callsFrom(c.name).filter(plannable);
    if (calls.length === 0) continue;
    let budget = c.kind === 'service' && c.deadlineMs !== undefined ? c.deadlineMs : Infinity;
    for (const into of ctx.callsInto(c.name)) if (plannable(into)) budget = Math.min(budget, planned.get(into.id)!);
    let timeoutOf = (call: Call) => raised.get(call.id) ?? call.timeoutMs;
    const need = raisedNeed.get(c.name)!;
    if (Number.isFinite(need) && lessThan(budget, need)) {
      const capped = (cap: number) => (call: Call) => {
        const t = raised.get(call.id);
        if (t === undefined || !lessThan(cap, callCostWith(call, t).ms)) return t ?? call.timeoutMs;
        return Math.max(floor.get(call.id)!, readableTimeoutAtMost((cap - call.retries * call.backoffMs) / (1 + call.retries)));
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
