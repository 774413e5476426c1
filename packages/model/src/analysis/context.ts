// Everything the rules share, computed once per model and in time linear in its size:
// the call graph and its cycles, need() of every component, the entries, the worst reach
// of every component, which callers are bounded by a propagated deadline, and the
// longest uniform-timeout chain from every call.
import type { Call, Component, Model, Service } from '../model.js';
import { callNetworkMs } from '../network.js';
import { callCost, needOf, reachAttempts, type CallCost, type Need } from './cost.js';
import { stronglyConnectedComponents } from './graph.js';
import { durationKey } from './numbers.js';

export interface AnalysisOptions {
  /** retry-amplification: the most times one request may reach a component. */
  maxRetryAmplification?: number;
  /** fan-out: the most distinct targets a service may call. */
  maxFanOut?: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: Readonly<Required<AnalysisOptions>> = { maxRetryAmplification: 8, maxFanOut: 7 };

/** The most times one request from an entry reaches a component, and from which entry. */
export interface Reach {
  times: number;
  entry: string;
  /** The calls with a retry budget on the way from the entry (counted at 1 + min(retries, P)). */
  budgeted: readonly Call[];
}

/** A call a timeout budget applies to, with its timeout and its target's need. */
export interface BudgetedCall {
  caller: Service;
  call: Call;
  timeoutMs: number;
  need: Need;
}

/** The longest chain of calls that all have one timeout, starting at a call. */
export interface UniformChain {
  /** Calls in the chain, this one included. */
  length: number;
  /** The next call of the longest chain, if any. */
  next?: Call;
}

export class AnalysisContext {
  readonly limits: Readonly<Required<AnalysisOptions>>;
  /** Components, sources first: every caller comes before its callees once calls inside a cycle are left out. */
  readonly topological: readonly Component[];
  /** Services nobody calls and services a scenario loads, in model order. */
  readonly entries: readonly Service[];
  /** Every service, datastore and cache, in model order (on a repeated name, the first). */
  readonly components: readonly Component[];
  /** The services among them. */
  readonly services: readonly Service[];

  private readonly byName = new Map<string, Component>();
  private readonly nodeOf = new Map<string, number>();
  private readonly nodes: Component[] = [];
  private readonly outgoing: Call[][] = [];
  private readonly incoming: Call[][] = [];
  /** For each node, the node index of each of its outgoing calls' targets. */
  private readonly targets: number[][];
  private readonly sccOf: Int32Array;
  private readonly sccMembers: number[][];
  /** Ids of the calls between two services of one cycle. */
  private readonly cycleCalls = new Set<number>();
  private readonly costs = new Map<number, CallCost>();
  private readonly needs = new Map<string, Need>();
  private readonly entryNames: Set<string>;
  private readonly reaches = new Map<string, Reach>();
  private readonly boundedScc: Uint8Array;
  private readonly chains = new Map<number, UniformChain>();
  private budgeted: BudgetedCall[] | undefined;

  constructor(
    readonly model: Model,
    options: AnalysisOptions = {},
  ) {
    this.limits = {
      maxRetryAmplification: options.maxRetryAmplification ?? DEFAULT_ANALYSIS_OPTIONS.maxRetryAmplification,
      maxFanOut: options.maxFanOut ?? DEFAULT_ANALYSIS_OPTIONS.maxFanOut,
    };
    for (const c of [...model.services, ...model.datastores, ...model.caches]) {
      if (this.byName.has(c.name)) continue;
      this.byName.set(c.name, c);
      this.nodeOf.set(c.name, this.nodes.length);
      this.nodes.push(c);
      this.outgoing.push([]);
      this.incoming.push([]);
    }
    this.targets = this.nodes.map(() => []);
    for (const s of model.services) {
      const from = this.nodeOf.get(s.name)!;
      if (this.nodes[from] !== s) continue;
      for (const call of s.calls) {
        const to = this.nodeOf.get(call.target);
        if (to === undefined) continue;
        this.outgoing[from]!.push(call);
        this.targets[from]!.push(to);
        this.incoming[to]!.push(call);
      }
    }
    this.components = this.nodes;
    this.services = this.nodes.filter((c): c is Service => c.kind === 'service');
    const sccs = stronglyConnectedComponents(this.targets);
    this.sccOf = sccs.of;
    this.sccMembers = sccs.list;
    this.outgoing.forEach((calls, from) =>
      calls.forEach((call, j) => {
        if (sccs.of[from] === sccs.of[this.targets[from]![j]!]) this.cycleCalls.add(call.id);
      }),
    );
    const topological: Component[] = [];
    for (let k = sccs.list.length - 1; k >= 0; k--) {
      const members = sccs.list[k]!;
      for (let j = members.length - 1; j >= 0; j--) topological.push(this.nodes[members[j]!]!);
    }
    this.topological = topological;

    this.entryNames = new Set(model.scenarios.flatMap((s) => s.loads.map((l) => l.target)));
    for (const s of this.services) if (this.incoming[this.nodeOf.get(s.name)!]!.length === 0) this.entryNames.add(s.name);
    this.entries = this.services.filter((s) => this.entryNames.has(s.name));

    this.computeReach();
    this.boundedScc = this.computeBounded();
    this.computeUniformChains();
  }

  component(name: string): Component | undefined {
    return this.byName.get(name);
  }

  /** What a call waits for beyond its target's need, as the simulator charges it: the round trip (and Cassandra's coordinator). */
  callNetworkMs(call: Call): number {
    return callNetworkMs(this.model.network, call, (name) => this.component(name));
  }

  service(name: string): Service | undefined {
    const c = this.byName.get(name);
    return c?.kind === 'service' ? c : undefined;
  }

  /** A service's calls to declared targets, in source order. */
  callsFrom(name: string): readonly Call[] {
    const i = this.nodeOf.get(name);
    return i === undefined ? [] : this.outgoing[i]!;
  }

  /** Every call into a component, in model order. */
  callsInto(name: string): readonly Call[] {
    const i = this.nodeOf.get(name);
    return i === undefined ? [] : this.incoming[i]!;
  }

  /** The services that call a component, each once. */
  callers(name: string): string[] {
    return [...new Set(this.callsInto(name).map((c) => c.from))];
  }

  /** The distinct targets a service calls. */
  callees(name: string): string[] {
    return [...new Set(this.callsFrom(name).map((c) => c.target))];
  }

  /** True for a call between two services of one cycle (a service calling itself included). */
  inCycle(call: Call): boolean {
    return this.cycleCalls.has(call.id);
  }

  /** The services of the cycle a service is part of (empty when it is in none). */
  cycleOf(name: string): Component[] {
    const i = this.nodeOf.get(name);
    if (i === undefined) return [];
    const members = this.sccMembers[this.sccOf[i]!]!;
    const cyclic = members.length > 1 || this.outgoing[i]!.some((c) => c.target === name);
    return cyclic ? members.map((m) => this.nodes[m]!) : [];
  }

  cost(call: Call): CallCost {
    let cost = this.costs.get(call.id);
    if (!cost) this.costs.set(call.id, (cost = callCost(call)));
    return cost;
  }

  /** need() of a component; undefined for a name that is not declared. */
  need(name: string): Need | undefined {
    let need = this.needs.get(name);
    if (!need) {
      const c = this.byName.get(name);
      if (!c) return undefined;
      this.needs.set(name, (need = needOf(c, (call) => this.cost(call))));
    }
    return need;
  }

  /**
   * The calls a timeout budget applies to, in model order: those with a timeout, outside a
   * cycle (no budget can hold around one), into a target whose need is bounded (a call on the
   * way without a timeout leaves it to missing-timeout).
   */
  budgetedCalls(): readonly BudgetedCall[] {
    this.budgeted ??= this.services.flatMap((caller) =>
      this.callsFrom(caller.name).flatMap((call) => {
        if (call.timeoutMs === undefined || this.inCycle(call)) return [];
        const need = this.need(call.target)!;
        return Number.isFinite(need.ms) ? [{ caller, call, timeoutMs: call.timeoutMs, need }] : [];
      }),
    );
    return this.budgeted;
  }

  /** The worst reach of a component from the entries; undefined when no entry reaches it. */
  reach(name: string): Reach | undefined {
    return this.reaches.get(name);
  }

  /** True when some entry reaches the service and every entry that does has `budget propagate`. */
  bounded(name: string): boolean {
    const i = this.nodeOf.get(name);
    return i !== undefined && this.boundedScc[this.sccOf[i]!] === BOUNDED;
  }

  /** The longest uniform-timeout chain starting at a call; undefined for calls left out of it. */
  uniformChain(call: Call): UniformChain | undefined {
    return this.chains.get(call.id);
  }

  /** reach(entry) = 1, reach(T) = max over calls c into T of reach(caller) × attempts(c), cycles left out. */
  private computeReach(): void {
    for (const c of this.topological) {
      let best: Reach | undefined = this.entryNames.has(c.name) ? { times: 1, entry: c.name, budgeted: [] } : undefined;
      for (const call of this.callsInto(c.name)) {
        if (this.inCycle(call)) continue;
        const from = this.reaches.get(call.from);
        if (!from) continue;
        const times = multiply(from.times, reachAttempts(call));
        if (!best || times > best.times) best = { times, entry: from.entry, budgeted: call.retryBudget === undefined ? from.budgeted : [...from.budgeted, call] };
      }
      if (best) this.reaches.set(c.name, best);
    }
  }

  /**
   * Which entries reach each cycle-or-service: two flags per strongly connected component,
   * "some entry" and "some entry without `budget propagate`", passed along every call from
   * the sources down. Bounded = the first without the second.
   */
  private computeBounded(): Uint8Array {
    const flags = new Uint8Array(this.sccMembers.length);
    for (const s of this.entries) flags[this.sccOf[this.nodeOf.get(s.name)!]!]! |= s.budgetPropagate ? REACHED : REACHED | UNPROPAGATED;
    for (let k = this.sccMembers.length - 1; k >= 0; k--) {
      for (const member of this.sccMembers[k]!) {
        for (const to of this.targets[member]!) {
          const target = this.sccOf[to]!;
          if (target !== k) flags[target]! |= flags[k]!;
        }
      }
    }
    return flags;
  }

  /**
   * chain(c) = 1 + the longest chain from c's target whose calls have c's timeout, over the
   * calls left when cycles are left out; computed callees first, so each call is seen once.
   */
  private computeUniformChains(): void {
    const longestFrom = new Map<string, Map<number, Call>>();
    for (let i = this.topological.length - 1; i >= 0; i--) {
      const s = this.topological[i]!;
      const best = new Map<number, Call>();
      for (const call of this.callsFrom(s.name)) {
        if (call.timeoutMs === undefined || this.inCycle(call)) continue;
        const key = durationKey(call.timeoutMs);
        const next = longestFrom.get(call.target)?.get(key);
        const length = 1 + (next ? this.chains.get(next.id)!.length : 0);
        this.chains.set(call.id, { length, next });
        const current = best.get(key);
        if (!current || length > this.chains.get(current.id)!.length) best.set(key, call);
      }
      if (best.size > 0) longestFrom.set(s.name, best);
    }
  }
}

/** A product of budgeted attempts (1.2 × 1.2 × 1.2) to a billionth, so 1.728 is 1.728; whole products as they are. */
export function multiply(a: number, b: number): number {
  const product = a * b;
  return Number.isInteger(product) ? product : Math.round(product * 1e9) / 1e9;
}

const REACHED = 1;
const UNPROPAGATED = 2;
const BOUNDED = REACHED;
