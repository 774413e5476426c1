// The deployed architecture built from the model: every instance placed in its regions and
// zones, each service's calls compiled, and the network between them.
import type { Call, Component, Model, Step } from '@topo/model';
import { nanos, type Runtime } from '@topo/runtime';
import { Instance, MANAGED_ZONE, Target, type CallSpec, type CompiledStep } from './deployment.js';
import { NetworkModel } from './network.js';

function compileCall(call: Call, targets: Map<string, Target>): CallSpec {
  const timeoutNs = call.timeoutMs === undefined ? Infinity : nanos(call.timeoutMs);
  return {
    target: targets.get(call.target)!,
    timeoutNs,
    connectNs: call.connectMs === undefined ? timeoutNs : nanos(call.connectMs),
    retries: call.retries,
    backoffNs: nanos(call.backoffMs),
    retrySame: call.retry === 'same',
    write: call.mode === 'write',
    share: call.share,
    onMiss: call.onMiss,
    counted: true,
    breaker: call.breaker && { threshold: call.breaker.threshold, volume: call.breaker.volume, windowNs: nanos(call.breaker.windowMs), openNs: nanos(call.breaker.openMs) },
    retryBudget: call.retryBudget,
    bulkhead: call.bulkhead,
    fallback: call.fallback,
  };
}

function compileStep(step: Step, targets: Map<string, Target>): CompiledStep {
  switch (step.kind) {
    case 'call':
      return { kind: 'call', call: compileCall(step.call, targets) };
    case 'parallel':
      return { kind: 'parallel', calls: step.calls.map((c) => compileCall(c, targets)) };
    case 'routes': {
      let sum = 0;
      return { kind: 'routes', routes: step.routes.map((c) => compileCall(c, targets)), upTo: step.routes.map((c) => (sum += c.routeShare ?? 0)) };
    }
  }
}

export interface Topology {
  targets: Target[];
  byName: Map<string, Target>;
  instances: Instance[];
  network: NetworkModel;
}

/** Places every instance; managed datastores get one unbounded endpoint per region. */
export function buildTopology(model: Model, rt: Runtime): Topology {
  const components: Component[] = [...model.services, ...model.datastores, ...model.caches];
  const targets = components.map((c, i) => new Target(i, c));
  const byName = new Map(targets.map((t) => [t.name, t]));
  const instances: Instance[] = [];
  for (const t of targets) {
    if (t.managed) {
      for (const region of t.component.regions) {
        const inst = new Instance(instances.length, t, region, MANAGED_ZONE, `${t.name}.${region}`, rt);
        instances.push(inst);
        t.add(inst);
      }
      continue;
    }
    for (const p of t.component.placement) {
      for (let k = 0; k < p.count; k++) {
        const inst = new Instance(instances.length, t, p.region, p.zone, `${t.name}.${p.region}.${p.zone}.${k + 1}`, rt);
        instances.push(inst);
        t.add(inst);
      }
    }
  }
  for (const s of model.services) byName.get(s.name)!.steps = s.steps.filter((st) => !isEmptyStep(st)).map((st) => compileStep(st, byName));
  const network = new NetworkModel(
    model.network,
    targets.length,
    model.petals.map((p) => ({ name: p.name, region: p.region, members: p.members.flatMap((m) => (byName.has(m) ? [byName.get(m)!.index] : [])) })),
  );
  return { targets, byName, instances, network };
}

function isEmptyStep(step: Step): boolean {
  return (step.kind === 'parallel' && step.calls.length === 0) || (step.kind === 'routes' && step.routes.length === 0);
}
