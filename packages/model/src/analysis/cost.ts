// cost(c) and need(D) of the language reference, kept as breakdowns so that messages,
// hovers and code lenses can show the arithmetic, not just the total.
import type { Call, Component, Service } from '../model.js';
import { formatDuration } from '../units.js';

/** cost(c) = attempts × timeout + retries × backoff: the longest a caller may spend on c. */
export interface CallCost {
  call: Call;
  attempts: number;
  /** The timeout of one attempt; undefined when the call has none. */
  timeoutMs?: number;
  /** Infinity when the call has no timeout. */
  ms: number;
}

/** One term of a need: the work, a sequential call, a parallel group or the route choice. */
export type NeedTerm =
  | { kind: 'work'; ms: number }
  | { kind: 'call'; cost: CallCost; ms: number }
  | { kind: 'parallel' | 'routes'; costs: CallCost[]; ms: number };

/** need(D) = work + Σ sequential costs + Σ max per parallel group + max over routes. */
export interface Need {
  component: string;
  terms: NeedTerm[];
  /** Infinity when one of the component's calls has no timeout. */
  ms: number;
}

export function callCost(call: Call): CallCost {
  return callCostWith(call, call.timeoutMs);
}

/** The cost the call would have with another timeout (for planning new timeouts). */
export function callCostWith(call: Call, timeoutMs: number | undefined): CallCost {
  const attempts = 1 + call.retries;
  const ms = timeoutMs === undefined ? Infinity : attempts * timeoutMs + call.retries * call.backoffMs;
  return { call, attempts, timeoutMs, ms };
}

/**
 * Attempts as reach() counts them: 1 + min(retries, P) under `retry budget P`, since the
 * budget lets at most P of the attempts in flight be retries; else 1 + retries.
 */
export function reachAttempts(call: Call): number {
  return 1 + (call.retryBudget === undefined ? call.retries : Math.min(call.retries, call.retryBudget));
}

/** The need of a service from its calls' costs; of a datastore or cache, its work. */
export function needOf(component: Component, costOf: (call: Call) => CallCost = callCost): Need {
  const terms: NeedTerm[] = [{ kind: 'work', ms: component.work.meanMs }];
  if (component.kind === 'service') terms.push(...stepTerms(component, costOf));
  return { component: component.name, terms, ms: terms.reduce((sum, t) => sum + t.ms, 0) };
}

function stepTerms(service: Service, costOf: (call: Call) => CallCost): NeedTerm[] {
  const terms: NeedTerm[] = [];
  for (const step of service.steps) {
    if (step.kind === 'call') {
      const cost = costOf(step.call);
      terms.push({ kind: 'call', cost, ms: cost.ms });
      continue;
    }
    const calls = step.kind === 'parallel' ? step.calls : step.routes;
    if (calls.length === 0) continue;
    const costs = calls.map(costOf);
    terms.push({ kind: step.kind, costs, ms: Math.max(...costs.map((c) => c.ms)) });
  }
  return terms;
}

/** `3 attempts × 2s`, `10ms`, `2 attempts × 150ms + 1 × 10ms backoff`, `no timeout`. */
export function formatCallCostTerms(cost: CallCost): string {
  const { call, attempts } = cost;
  if (cost.timeoutMs === undefined) return 'no timeout';
  const timeout = formatDuration(cost.timeoutMs);
  const tries = attempts === 1 ? timeout : `${attempts} attempts × ${timeout}`;
  return call.retries > 0 && call.backoffMs > 0 ? `${tries} + ${call.retries} × ${formatDuration(call.backoffMs)} backoff` : tries;
}

/** For a hover: `2 attempts × 150ms = 300ms`, or `10ms` when there is nothing to add up. */
export function formatCallCost(cost: CallCost): string {
  return withTotal(formatCallCostTerms(cost), cost.ms);
}

function formatTerm(term: NeedTerm): string {
  switch (term.kind) {
    case 'work':
      return `${formatDuration(term.ms)} work`;
    case 'call':
      return formatCallCostTerms(term.cost);
    default:
      return term.costs.length === 1 ? formatCallCostTerms(term.costs[0]!) : `max(${term.costs.map(formatCallCostTerms).join(', ')})`;
  }
}

/** `1ms work + 3 attempts × 2s = 6.001s`; `500us work` for a datastore. */
export function formatNeed(need: Need): string {
  return withTotal(need.terms.map(formatTerm).join(' + '), need.ms);
}

function withTotal(expression: string, ms: number): string {
  const total = formatDuration(ms);
  return expression === total || expression === `${total} work` ? expression : `${expression} = ${total}`;
}
