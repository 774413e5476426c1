// uniform-timeouts: three or more consecutive calls with one timeout, the "every service
// defaults to 2 seconds" configuration. Budgets should shrink from the edge. Reported once
// per chain, on its first call: the one whose caller no call with that timeout comes into.
import type { Call } from '../../model.js';
import { formatDuration } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { durationKey } from '../numbers.js';

const MIN_CHAIN = 3;
/** Names shown in a message before the chain is cut short. */
const SHOWN = 6;

export function uniformTimeouts(ctx: AnalysisContext): AnalysisFinding[] {
  const incoming = new Map<string, Set<number>>();
  for (const s of ctx.services) {
    for (const call of ctx.callsFrom(s.name)) {
      if (call.timeoutMs === undefined || ctx.inCycle(call)) continue;
      let keys = incoming.get(call.target);
      if (!keys) incoming.set(call.target, (keys = new Set()));
      keys.add(durationKey(call.timeoutMs));
    }
  }
  const out: AnalysisFinding[] = [];
  for (const s of ctx.services) {
    for (const call of ctx.callsFrom(s.name)) {
      const chain = ctx.uniformChain(call);
      if (!chain || chain.length < MIN_CHAIN || incoming.get(s.name)?.has(durationKey(call.timeoutMs!))) continue;
      const message = `${describeChain(ctx, call)} all wait ${formatDuration(call.timeoutMs!)}: ${chain.length} calls in a row with one timeout; budgets should shrink from the edge`;
      out.push(finding('uniform-timeouts', 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
    }
  }
  return out;
}

function describeChain(ctx: AnalysisContext, first: Call): string {
  const names = [first.from];
  let call: Call | undefined = first;
  while (call && names.length < SHOWN) {
    names.push(call.target);
    call = ctx.uniformChain(call)!.next;
  }
  return names.join(' → ') + (call ? ' → …' : '');
}
