// What Kubernetes manifests (and the Istio configuration beside them) become in Topo, before
// any text is written: a component per Deployment or StatefulSet, the calls its environment
// says it makes, shaped by the mesh's routes, timeouts, retries and traffic policies, and a
// scenario for the mesh's injected faults.
import { formatDuration, type CacheEngine, type ComponentKind, type DatastoreEngine } from '@topo/model';
import { topoNames } from '../names.js';
import { splitInProportion } from '../shares.js';
import { storeNamed } from '../stores.js';
import { addressesIn, type Address } from './addresses.js';
import { smallestFit } from './fit.js';
import { parseMeshDuration } from './quantities.js';
import { isObject } from '../json.js';
import type { DestinationRule, HttpRule, KubeService, Manifests, VirtualService, Workload } from './read.js';

export interface KubeCall {
  target: string;
  /** For a route: its share of the requests, in percent, as written. */
  routeShare?: string;
  /** For a call that happens on part of the requests. */
  share?: string;
  timeoutMs?: number;
  retries?: number;
  breaker?: string;
  bulkhead?: number;
}

export type KubeStep = { kind: 'call'; call: KubeCall } | { kind: 'routes'; routes: KubeCall[] };

export interface KubeComponent {
  kind: ComponentKind;
  name: string;
  engine?: DatastoreEngine | CacheEngine;
  workload: Workload;
  instances: number;
  instanceType?: string;
  replication?: number;
  queue?: number;
  owns: string[];
  steps: KubeStep[];
  /** Written above the declaration. */
  comments: string[];
}

export interface KubeScenario {
  name: string;
  comments: string[];
  loads: string[];
  chaos: { line: string; comment: string }[];
}

export interface KubePlan {
  name: string;
  files: string[];
  components: KubeComponent[];
  scenario?: KubeScenario;
  warnings: string[];
}

/** A destination after the mesh: a component and its part of the requests to the host. */
interface Target {
  component: KubeComponent;
  weight: number;
}

export function planKubernetes(manifests: Manifests, files: string[], name: string): KubePlan {
  const warnings = [...manifests.skipped];
  const names = topoNames(manifests.workloads.map((w) => ({ name: w.name, hint: w.kind.toLowerCase() })));
  const components = manifests.workloads.map((w) => component(w, names.get(w.name)!));
  const byWorkload = new Map(components.map((c) => [c.workload, c]));
  const mesh = new Mesh(manifests, byWorkload, warnings);

  for (const c of components) {
    const seen = new Set<string>();
    for (const container of c.workload.containers) {
      for (const env of container.env) {
        for (const address of addressesIn(env.name, env.value)) {
          const service = mesh.service(address, c.workload.namespace);
          const key = service ? `${service.namespace}/${service.name}` : address.host;
          if (seen.has(key)) continue;
          seen.add(key);
          if (!service) {
            c.comments.push(`reaches ${address.host} (${env.name}), which no Service in the input has: left out`);
            warnings.push(`${c.workload.kind} ${c.workload.name} reaches '${address.host}' (${env.name}), which no Service in the input has; left out`);
            continue;
          }
          if (c.kind !== 'service') {
            c.comments.push(`is configured to reach ${service.name} (${env.name}); a Topo ${c.kind} makes no calls`);
            continue;
          }
          addCalls(c, mesh.targets(service, c), mesh.callOptions(service), warnings);
        }
      }
    }
  }
  assignOwners(components);
  mesh.applyPolicies();
  mesh.reportUnusedRoutes();
  return { name, files, components, scenario: mesh.faultScenario(components), warnings };
}

function component(w: Workload, name: string): KubeComponent {
  const store = w.containers.map((c) => storeNamed(c.image)).find(Boolean);
  const c: KubeComponent = { kind: store?.kind ?? 'service', name, engine: store?.engine, workload: w, instances: Math.max(1, w.replicas), owns: [], steps: [], comments: [] };
  // The image's own name and tag, without the registry's path.
  const images = w.containers.map((k) => k.image.split('/').pop()!).join(', ');
  c.comments.push(`${w.kind} ${w.name}, ${w.containers.length === 1 ? 'image' : 'images'} ${images}${store ? `: ${store.what}` : ''}`);
  if (store?.engine === 'cassandra') c.replication = Math.min(3, Math.max(1, w.replicas));
  const cpu = sum(w.containers.map((k) => k.cpu));
  const memory = sum(w.containers.map((k) => k.memoryGiB));
  if (cpu === undefined && memory === undefined) {
    c.comments.push(`its pods request no CPU or memory: Topo's default instance type`);
  } else {
    const fit = smallestFit(cpu ?? 0, memory ?? 0);
    const asks = [cpu !== undefined && `${round(cpu)} CPU`, memory !== undefined && `${round(memory * 1024)} MiB`].filter(Boolean).join(' and ');
    if (fit) {
      c.instanceType = fit.name;
      c.comments.push(`each pod requests ${asks}: ${fit.name}, the smallest type in Topo's catalog that holds it (${fit.vcpus} vCPUs, ${fit.memoryGiB} GiB)`);
    } else c.comments.push(`each pod requests ${asks}, more than any type in Topo's catalog: Topo's default instance type`);
  }
  if (w.replicas === 0) c.comments.push('scaled to 0 replicas: Topo runs at least one');
  return c;
}

/** A caller's calls to one Service: one call, or routes when the requests spread over several components. */
function addCalls(c: KubeComponent, all: Target[], options: Omit<KubeCall, 'target'>, warnings: string[]): void {
  // Its own Service (peers finding each other) is no call: Topo would report a cycle.
  const targets = all.filter((t) => t.component !== c);
  if (targets.length < all.length) c.comments.push('is configured to reach its own Service, its peers: not a call');
  if (targets.length === 0) return;
  if (targets.length === 1) {
    c.steps.push({ kind: 'call', call: { target: targets[0]!.component.name, ...options } });
    return;
  }
  const shares = splitInProportion(100, targets.map((t) => t.weight));
  if (c.steps.some((s) => s.kind === 'routes')) {
    // A service takes one route per request; a second spread becomes calls on part of the requests.
    c.comments.push(`its requests to ${list(targets.map((t) => t.component.name))} spread over them; written as calls with a share, since its routes are taken`);
    warnings.push(`${c.workload.name} spreads requests over two sets of targets; the second is written as calls with a share`);
    targets.forEach((t, i) => c.steps.push({ kind: 'call', call: { target: t.component.name, share: shares[i], ...options } }));
    return;
  }
  c.steps.push({ kind: 'routes', routes: targets.map((t, i) => ({ target: t.component.name, routeShare: shares[i], ...options })) });
}

/** The Services, the mesh's routing and traffic policy for each, and the faults it injects. */
class Mesh {
  private readonly faults: { targets: KubeComponent[]; rule: HttpRule; vs: VirtualService }[] = [];
  private readonly policies: { rule: DestinationRule; targets: KubeComponent[] }[] = [];
  private readonly routesOf = new Map<KubeService, { vs: VirtualService; rule: HttpRule } | undefined>();
  /** The Services some workload reaches. */
  private readonly used = new Set<KubeService>();

  constructor(
    private readonly m: Manifests,
    private readonly byWorkload: Map<Workload, KubeComponent>,
    private readonly warnings: string[],
  ) {
    for (const vs of m.virtualServices) {
      const mesh = vs.gateways.length === 0 || vs.gateways.includes('mesh');
      if (!mesh) warnings.push(`VirtualService ${vs.name} routes ingress traffic (gateways ${vs.gateways.join(', ')}), which no workload in the input sends; left out`);
      const hosts = vs.hosts.map((h) => this.serviceOfHost(h, vs.namespace));
      vs.hosts.forEach((h, i) => {
        if (mesh && !hosts[i] && h !== '*') warnings.push(`VirtualService ${vs.name} is for '${h}', which no Service in the input has; left out`);
      });
      if (!mesh) continue;
      const rule = vs.http.find((r) => r.match === undefined) ?? vs.http[vs.http.length - 1];
      for (const s of hosts) if (s && !this.routesOf.has(s)) this.routesOf.set(s, rule && { vs, rule });
      for (const r of vs.http) {
        if (r.fault) this.faults.push({ targets: r.route.flatMap((d) => this.destination(d.host, d.subset, vs.namespace)).map((t) => t.component), rule: r, vs });
      }
    }
    for (const dr of m.destinationRules) {
      if (!dr.outlierDetection && !dr.connectionPool) continue;
      const s = this.serviceOfHost(dr.host, dr.namespace);
      if (s) this.policies.push({ rule: dr, targets: this.selected(s).map((w) => this.byWorkload.get(w)!) });
    }
  }

  service(address: Address, namespace: string): KubeService | undefined {
    return this.m.services.find((s) => s.name === address.service && s.namespace === (address.namespace ?? namespace));
  }

  /** Where a caller's requests to a Service go: the mesh's route when a VirtualService has one, else its pods, in proportion to their replicas. */
  targets(service: KubeService, caller: KubeComponent): Target[] {
    const routed = this.routesOf.get(service);
    this.used.add(service);
    const targets = routed
      ? routed.rule.route.flatMap((d) => this.destination(d.host, d.subset, routed.vs.namespace).map((t) => ({ ...t, weight: t.weight * (d.weight ?? 100 / routed.rule.route.length) })))
      : this.selected(service).map((w) => ({ component: this.byWorkload.get(w)!, weight: w.replicas || 1 }));
    if (targets.length === 0) {
      caller.comments.push(`reaches the Service ${service.name}, which selects no Deployment or StatefulSet in the input: left out`);
      this.warnings.push(`Service ${service.name} selects no Deployment or StatefulSet in the input; the calls to it from ${caller.workload.name} are left out`);
      return [];
    }
    if (routed?.rule.match !== undefined || (routed && routed.vs.http.indexOf(routed.rule) > 0)) {
      caller.comments.push(`the mesh routes some requests to ${service.name} by their headers or paths (VirtualService ${routed.vs.name}); these calls follow its default route`);
    }
    // Merge a component reached by two destinations.
    const merged = new Map<KubeComponent, number>();
    for (const t of targets) if (t.weight > 0) merged.set(t.component, (merged.get(t.component) ?? 0) + t.weight);
    return [...merged].map(([component, weight]) => ({ component, weight }));
  }

  /** Routes for Services no workload in the input reaches: said on their targets and as warnings. */
  reportUnusedRoutes(): void {
    for (const [service, routed] of this.routesOf) {
      if (!routed || this.used.has(service)) continue;
      const { vs, rule } = routed;
      const targets = rule.route.flatMap((d) => this.destination(d.host, d.subset, vs.namespace).map((t) => ({ ...t, weight: t.weight * (d.weight ?? 100 / rule.route.length) })));
      const options = this.callOptions(service);
      const how = [options.timeoutMs !== undefined && `timeout ${formatDuration(options.timeoutMs)}`, options.retries !== undefined && `${options.retries} retries`].filter(Boolean).join(', ');
      const where = targets.map((t) => `${round(t.weight)}% to ${t.component.name}`).join(', ');
      this.warnings.push(`VirtualService ${vs.name} routes requests to ${service.name}, which no workload in the input is configured to reach; no call carries its routes`);
      for (const t of new Set(targets.map((x) => x.component))) {
        t.comments.push(`VirtualService ${vs.name} sends the requests for ${service.name} ${where}${how ? `, ${how}` : ''}; no workload in the input is configured to reach ${service.name}, so no call carries it`);
      }
    }
  }

  /** The timeout and retries of the mesh's route to a Service. */
  callOptions(service: KubeService): Omit<KubeCall, 'target'> {
    const rule = this.routesOf.get(service)?.rule;
    if (!rule) return {};
    const timeoutMs = rule.retries?.perTryTimeoutMs ?? rule.timeoutMs;
    return { ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(rule.retries && rule.retries.attempts > 0 ? { retries: rule.retries.attempts } : {}) };
  }

  /** DestinationRules' outlier detection and connection pools on the calls into their hosts. */
  applyPolicies(): void {
    const callers = [...this.byWorkload.values()];
    for (const { rule, targets } of this.policies) {
      const names = new Set(targets.map((t) => t.name));
      const calls = callers.flatMap((c) => c.steps.flatMap((s) => (s.kind === 'call' ? [s.call] : s.routes))).filter((call) => names.has(call.target));
      const od = rule.outlierDetection;
      if (od) {
        const errors = num(od.consecutive5xxErrors) ?? num(od.consecutiveGatewayErrors) ?? num(od.consecutiveErrors) ?? 5;
        const interval = durationOf(od.interval) ?? 10_000;
        const ejection = durationOf(od.baseEjectionTime) ?? 30_000;
        const breaker = `breaker 100% of ${errors} over ${formatDuration(interval)} open ${formatDuration(ejection)}`;
        for (const call of calls) call.breaker = breaker;
        for (const t of targets) {
          t.comments.push(
            `DestinationRule ${rule.name}: the mesh ejects an instance after ${errors} errors in a row (checked every ${formatDuration(interval)}) for ${formatDuration(ejection)}; the calls into it have a breaker with those numbers, which Topo keeps per caller instance`,
          );
        }
      }
      const pool = rule.connectionPool ?? {};
      const tcp = isObject(pool.tcp) ? pool.tcp : {};
      const http = isObject(pool.http) ? pool.http : {};
      const inFlight = num(http.http2MaxRequests) ?? num(tcp.maxConnections);
      if (inFlight !== undefined) {
        for (const call of calls) call.bulkhead = inFlight;
        for (const t of targets) t.comments.push(`DestinationRule ${rule.name}: each caller's proxy sends at most ${inFlight} requests at a time to it: a bulkhead on the calls into it`);
      }
      const pending = num(http.http1MaxPendingRequests);
      if (pending !== undefined) {
        for (const t of targets) {
          t.queue = pending;
          t.comments.push(`DestinationRule ${rule.name}: the mesh lets ${pending} requests wait for a connection and refuses more; Topo's queue holds them at each instance`);
        }
      }
    }
  }

  /** The mesh's injected faults, as chaos from the start, under the load of Topo's default scenario. */
  faultScenario(components: KubeComponent[]): KubeScenario | undefined {
    if (this.faults.length === 0) return undefined;
    const called = new Set(components.flatMap((c) => c.steps.flatMap((s) => (s.kind === 'call' ? [s.call.target] : s.routes.map((r) => r.target)))));
    const entries = components.filter((c) => c.kind === 'service' && !called.has(c.name));
    const chaos: KubeScenario['chaos'] = [];
    for (const { targets, rule, vs } of this.faults) {
      const only = rule.match === undefined ? '' : ` on requests matching ${rule.match}`;
      for (const t of new Set(targets)) {
        const { delay, abort } = rule.fault!;
        if (delay) {
          chaos.push({
            line: `chaos slow ${t.name} by ${formatDuration(delay.ms)} at 0s`,
            comment: `VirtualService ${vs.name} delays ${delay.percent}% of the requests to ${t.name} by ${formatDuration(delay.ms)}${only}; Topo slows every request`,
          });
        }
        if (abort) {
          chaos.push({
            line: `chaos fail ${t.name} ${round(abort.percent)}% at 0s`,
            comment: `VirtualService ${vs.name} answers ${abort.percent}% of the requests to ${t.name}${abort.status ? ` with HTTP ${abort.status}` : ''}${only}`,
          });
        }
      }
    }
    return {
      name: 'mesh-faults',
      comments: ["The faults the mesh injects, from the start, under Topo's default load: Kubernetes says nothing of the traffic."],
      loads: entries.map((e) => `load 100 rps into ${e.name} for 60s`),
      chaos,
    };
  }

  private serviceOfHost(host: string, namespace: string): KubeService | undefined {
    const [name, ns] = host.toLowerCase().split('.');
    return this.m.services.find((s) => s.name === name && s.namespace === (ns ?? namespace));
  }

  private destination(host: string, subset: string | undefined, namespace: string): Target[] {
    const service = this.serviceOfHost(host, namespace);
    if (!service) return [];
    let workloads = this.selected(service);
    if (subset !== undefined) {
      const labels = this.m.destinationRules.find((d) => this.serviceOfHost(d.host, d.namespace) === service)?.subsets.find((s) => s.name === subset)?.labels;
      if (!labels) {
        this.warnings.push(`the subset '${subset}' of ${host} is in no DestinationRule of the input; its route is left out`);
        return [];
      }
      workloads = workloads.filter((w) => matches(w.labels, labels));
    }
    const total = workloads.reduce((a, w) => a + (w.replicas || 1), 0);
    return workloads.map((w) => ({ component: this.byWorkload.get(w)!, weight: (w.replicas || 1) / total }));
  }

  private selected(service: KubeService): Workload[] {
    const selector = service.selector;
    if (!selector || Object.keys(selector).length === 0) return [];
    return this.m.workloads.filter((w) => w.namespace === service.namespace && matches(w.labels, selector));
  }
}

function matches(labels: Record<string, string>, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** A datastore or cache with one caller is owned by it; with several, it stays shared. */
function assignOwners(components: KubeComponent[]): void {
  for (const store of components) {
    if (store.kind === 'service') continue;
    const callers = components.filter((c) => c.steps.some((s) => (s.kind === 'call' ? [s.call] : s.routes).some((call) => call.target === store.name)));
    if (callers.length === 1) callers[0]!.owns.push(store.name);
  }
}

function sum(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function durationOf(v: unknown): number | undefined {
  return typeof v === 'string' ? parseMeshDuration(v) : undefined;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
