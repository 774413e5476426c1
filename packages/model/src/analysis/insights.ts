// What the editor shows beside the diagnostics (hovers, code lenses): coupling, reach and
// how much of a deadline an edge needs, computed from the shared context.
import type { Call } from '../model.js';
import { formatDuration } from '../units.js';
import type { AnalysisContext, Reach } from './context.js';
import type { CallCost, Need } from './cost.js';

/** Afferent coupling Ca (who calls it), efferent Ce (what it calls), instability Ce/(Ca+Ce). */
export interface Coupling {
  callers: string[];
  callees: string[];
  afferent: number;
  efferent: number;
  /** 0 (only called: stable) to 1 (only calls: unstable); undefined when it neither calls nor is called. */
  instability?: number;
}

export function coupling(ctx: AnalysisContext, name: string): Coupling {
  const callers = ctx.callers(name);
  const callees = ctx.callees(name);
  const afferent = callers.length;
  const efferent = callees.length;
  return { callers, callees, afferent, efferent, instability: afferent + efferent > 0 ? efferent / (afferent + efferent) : undefined };
}

/** `×4 from wwwproxy`. */
export function formatReach(reach: Reach): string {
  return `×${reach.times} from ${reach.entry}`;
}

/** How much of its deadline a service needs: `needs 801ms of 1s`. */
export interface DeadlineUsage {
  needMs: number;
  deadlineMs: number;
  label: string;
}

export function deadlineUsage(ctx: AnalysisContext, name: string): DeadlineUsage | undefined {
  const service = ctx.service(name);
  if (service?.deadlineMs === undefined) return undefined;
  const needMs = ctx.need(name)!.ms;
  const label = `needs ${formatDuration(needMs)} of ${formatDuration(service.deadlineMs)}` + (Number.isFinite(needMs) ? '' : ': a call has no timeout');
  return { needMs, deadlineMs: service.deadlineMs, label };
}

/** What a hover on a call shows: its cost, its target's need and the margin between them. */
export interface CallBudget {
  cost: CallCost;
  targetNeed: Need;
  /** timeout − need: negative when the budget fails; undefined without a timeout or a bounded need. */
  marginMs?: number;
  /** Calls inside a cycle have no budget that can hold; the budget rules leave them out. */
  inCycle: boolean;
}

export function callBudget(ctx: AnalysisContext, call: Call): CallBudget | undefined {
  const targetNeed = ctx.need(call.target);
  if (!targetNeed) return undefined;
  const marginMs = call.timeoutMs !== undefined && Number.isFinite(targetNeed.ms) ? call.timeoutMs - targetNeed.ms : undefined;
  return { cost: ctx.cost(call), targetNeed, marginMs, inCycle: ctx.inCycle(call) };
}
