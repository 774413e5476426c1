// queue-timeout: a bounded queue that still holds requests longer than any caller waits.
// A request at the back of a full queue of N waits about N × work / threads before a thread
// takes it; when that is longer than the longest timeout of the calls into the component,
// the work it finally gets is for a caller that has already given up.
import type { Component } from '../../model.js';
import { formatDuration } from '../../units.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';
import { greaterThan } from '../numbers.js';

/** How long a full queue holds its last request, against the longest a caller waits. */
export interface QueueWait {
  queue: number;
  /** queue × work / threads. */
  holdMs: number;
  /** The largest timeout of the calls into the component. */
  longestWaitMs: number;
  /** The round trip of the caller that leaves the queue the most time (its timeout less its round trip). */
  networkMs: number;
  /** The largest queue whose hold, with the request's own work and that round trip, fits in that caller's timeout. */
  fits: number;
}

/** Undefined without `queue`, without calls into the component, or when one of them has no timeout (it waits forever). */
export function queueWait(ctx: AnalysisContext, c: Component): QueueWait | undefined {
  const calls = ctx.callsInto(c.name);
  if (c.queue === undefined || calls.length === 0 || calls.some((call) => call.timeoutMs === undefined)) return undefined;
  const longestWaitMs = Math.max(...calls.map((call) => call.timeoutMs!));
  // The request at the back also waits for its own work and the round trip before its caller has the answer.
  const waits = calls.map((call) => ({ timeoutMs: call.timeoutMs!, networkMs: ctx.callNetworkMs(call) }));
  const patient = waits.reduce((a, b) => (b.timeoutMs - b.networkMs > a.timeoutMs - a.networkMs ? b : a));
  const perRequestMs = c.work.meanMs / c.threads;
  const leftMs = patient.timeoutMs - patient.networkMs - c.work.meanMs;
  // The hold is a product of parsed decimals: allow for the last bits of noise before flooring.
  const fits = perRequestMs > 0 ? Math.max(0, Math.floor(leftMs / perRequestMs + 1e-9)) : Infinity;
  return { queue: c.queue, holdMs: c.queue * perRequestMs, longestWaitMs, networkMs: patient.networkMs, fits };
}

/** "a queue of N fits, with room for …", or why none does. */
export function queueFitText(wait: QueueWait, c: Component): string {
  const room = `its own ${formatDuration(c.work.meanMs)} work and the ${formatDuration(wait.networkMs)} round trip`;
  return wait.fits > 0 ? `a queue of ${wait.fits} fits, with room for ${room}` : `no queue fits: ${room} already take the callers' wait`;
}

export function queueTimeout(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const c of ctx.components) {
    const wait = queueWait(ctx, c);
    if (!wait || !greaterThan(wait.holdMs, wait.longestWaitMs)) continue;
    const message = `queue ${wait.queue} may hold a request ${formatDuration(wait.holdMs)} (${wait.queue} × ${formatDuration(c.work.meanMs)} work / ${c.threads} threads), longer than any caller waits (${formatDuration(wait.longestWaitMs)}): that work is for callers that gave up; ${queueFitText(wait, c)}`;
    out.push(finding('queue-timeout', 'warning', message, reportAt(ctx.model, c.locs.queue, c.locs.name, c.loc), { subject: c.name }));
  }
  return out;
}
