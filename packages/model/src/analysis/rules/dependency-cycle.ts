// dependency-cycle: services that call each other in a loop cannot be deployed, scaled or
// reasoned about one at a time, and no timeout budget can hold around the loop.
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

/** How many services a search for the way back may visit before the message just counts them. */
const SEARCH_LIMIT = 64;

export function dependencyCycle(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    for (const call of ctx.callsFrom(s.name)) {
      if (!ctx.inCycle(call)) continue;
      out.push(finding('dependency-cycle', 'error', describe(ctx, call.from, call.target), reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}

function describe(ctx: AnalysisContext, from: string, target: string): string {
  if (from === target) return `${from} calls itself`;
  const back = wayBack(ctx, target, from);
  if (back) return `${from} calls ${target}, which leads back to it: ${[from, ...back].join(' → ')}`;
  return `${from} calls ${target}, which leads back to it through a cycle of ${ctx.cycleOf(from).length} services`;
}

/** A shortest path of calls from `start` to `goal` inside their cycle, if a small search finds one. */
function wayBack(ctx: AnalysisContext, start: string, goal: string): string[] | undefined {
  const members = new Set(ctx.cycleOf(start).map((c) => c.name));
  const previous = new Map<string, string | undefined>([[start, undefined]]);
  const queue = [start];
  for (let i = 0; i < queue.length && queue.length <= SEARCH_LIMIT; i++) {
    const node = queue[i]!;
    if (node === goal) {
      const path: string[] = [];
      for (let n: string | undefined = node; n !== undefined; n = previous.get(n)) path.push(n);
      return path.reverse();
    }
    for (const call of ctx.callsFrom(node)) {
      if (members.has(call.target) && !previous.has(call.target)) {
        previous.set(call.target, node);
        queue.push(call.target);
      }
    }
  }
  return undefined;
}
