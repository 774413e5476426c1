// timeout-headroom: a wait that holds the budget the reference counts and still gives up. A
// timeout equal to its target's need, a deadline equal to the edge's, or a queue whose hold
// equals the callers' timeout: the budget holds (t = need is not t < need), but the answer
// also crosses the network — the round trip the simulator charges, which need leaves out —
// and a request at the back of a queue still does its own work. The caller then gives up on
// every call that takes the full need, and the simulation shows those timeouts.
import { clientNetworkMs } from '../../network.js';
import { formatDuration } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { formatNeed } from '../cost.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { greaterThan, lessThan } from '../numbers.js';
import { queueFitText, queueWait } from './queue-timeout.js';

export function timeoutHeadroom(ctx: AnalysisContext): AnalysisFinding[] {
  return [...callsWithoutRoom(ctx), ...deadlinesWithoutRoom(ctx), ...queuesWithoutRoom(ctx)];
}

/** Calls whose timeout covers the target's need (else timeout-budget speaks) but not the round trip. */
function callsWithoutRoom(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const { caller: s, call, timeoutMs, need } of ctx.budgetedCalls()) {
    if (lessThan(timeoutMs, need.ms)) continue;
    const network = ctx.callNetworkMs(call);
    if (!lessThan(timeoutMs, need.ms + network)) continue;
    const message = `timeout ${formatDuration(timeoutMs)} on the call to ${call.target} covers what ${call.target} may take (${formatNeed(need)}) but not the ${formatDuration(network)} round trip: a call that takes that long still times out; ${formatDuration(need.ms + network)} covers both`;
    out.push(finding('timeout-headroom', ctx.bounded(s.name) ? 'info' : 'warning', message, reportAt(ctx.model, call.loc, s.loc), { callId: call.id, subject: s.name }));
  }
  return out;
}

/** Edge deadlines that cover the edge's need (else deadline-budget speaks) but not the client's round trip. */
function deadlinesWithoutRoom(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  const network = clientNetworkMs(ctx.model.network);
  for (const s of ctx.services) {
    if (s.deadlineMs === undefined) continue;
    const need = ctx.need(s.name)!;
    if (!Number.isFinite(need.ms) || lessThan(s.deadlineMs, need.ms) || !lessThan(s.deadlineMs, need.ms + network)) continue;
    const message = `deadline ${formatDuration(s.deadlineMs)} covers what ${s.name} may take (${formatNeed(need)}) but not the client's ${formatDuration(network)} round trip: a request that takes that long still times out at the client; ${formatDuration(need.ms + network)} covers both`;
    out.push(finding('timeout-headroom', s.budgetPropagate ? 'info' : 'warning', message, reportAt(ctx.model, s.locs.deadline, s.locs.name, s.loc), { subject: s.name }));
  }
  return out;
}

/** Queues whose hold fits the callers' timeout (else queue-timeout speaks) but not with the request's own work and round trip. */
function queuesWithoutRoom(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const c of ctx.components) {
    const wait = queueWait(ctx, c);
    if (!wait || greaterThan(wait.holdMs, wait.longestWaitMs) || wait.queue <= wait.fits) continue;
    const message = `queue ${wait.queue} may hold a request ${formatDuration(wait.holdMs)} (${wait.queue} × ${formatDuration(c.work.meanMs)} work / ${c.threads} threads), within what callers wait (${formatDuration(wait.longestWaitMs)}), but the last in line still times out: ${queueFitText(wait, c)}`;
    out.push(finding('timeout-headroom', 'warning', message, reportAt(ctx.model, c.locs.queue, c.locs.name, c.loc), { subject: c.name }));
  }
  return out;
}
