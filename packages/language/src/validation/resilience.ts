// `resilience-value`: a resilience option the simulator cannot honour as written — a breaker
// share or a retry budget over 100%, a breaker volume or bulkhead that is not a whole number
// of at least 1, a breaker window of no time, a queue that is not a whole number.
import type { ValidationAcceptor } from 'langium';
import type { Call, Cache, Datastore, Route, Service } from '../generated/ast.js';
import { parseDuration, parsePercent } from '../literals.js';
import { coded, RESILIENCE_VALUE } from './codes.js';


export function checkCallResilience(node: Call | Route, accept: ValidationAcceptor): void {
  if ((parsePercent(node.breakerThreshold) ?? 0) > 1) accept('error', `a breaker opens at most at 100% failed, not ${node.breakerThreshold}`, { node, property: 'breakerThreshold', ...coded(RESILIENCE_VALUE) });
  if (node.breakerVolume !== undefined && !wholeAtLeast(node.breakerVolume, 1)) {
    accept('error', `a breaker's volume is a whole number of attempts, at least 1, not ${node.breakerVolume}`, { node, property: 'breakerVolume', ...coded(RESILIENCE_VALUE) });
  }
  if (parseDuration(node.breakerWindow) === 0) accept('error', "a breaker's window must last longer than 0: it counts the attempts that ended in it", { node, property: 'breakerWindow', ...coded(RESILIENCE_VALUE) });
  if ((parsePercent(node.retryBudget) ?? 0) > 1) accept('error', `a retry budget is at most 100% of the attempts in flight, not ${node.retryBudget}`, { node, property: 'retryBudget', ...coded(RESILIENCE_VALUE) });
  if (node.bulkhead !== undefined && !wholeAtLeast(node.bulkhead, 1)) {
    accept('error', `a bulkhead lets a whole number of attempts, at least 1, be in flight, not ${node.bulkhead}`, { node, property: 'bulkhead', ...coded(RESILIENCE_VALUE) });
  }
}

export function checkQueue(node: Service | Datastore | Cache, accept: ValidationAcceptor): void {
  if (node.queue !== undefined && !wholeAtLeast(node.queue, 0)) accept('error', `a queue holds a whole number of requests, not ${node.queue}`, { node, property: 'queue', ...coded(RESILIENCE_VALUE) });
}

function wholeAtLeast(n: number, least: number): boolean {
  return Number.isInteger(n) && n >= least;
}
