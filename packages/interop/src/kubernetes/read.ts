// Kubernetes and Istio manifests, read: multi-document YAML into the few objects the importer
// maps (workloads, Services, VirtualServices, DestinationRules), each with the file and line
// it came from. Kinds that say nothing about calls (ServiceAccount, ConfigMap, …) are passed
// over; a kind the importer does not know is refused, at its place.
import { LineCounter, parseAllDocuments, stringify, type Document } from 'yaml';
import { ImportError, type InputFile } from '../import-error.js';
import { isObject } from '../json.js';
import { parseCpu, parseMemoryGiB, parseMeshDuration } from './quantities.js';

export interface Place {
  file: string;
  line: number;
}

export interface Container {
  name: string;
  image: string;
  /** Literal environment values, in order (`valueFrom` says no address). */
  env: { name: string; value: string }[];
  /** Requests, or limits where a request is missing (Kubernetes' own default). */
  cpu?: number;
  memoryGiB?: number;
}

export interface Workload {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  namespace: string;
  replicas: number;
  /** The pod template's labels, which Services and subsets select. */
  labels: Record<string, string>;
  containers: Container[];
  at: Place;
}

export interface KubeService {
  name: string;
  namespace: string;
  /** Absent for a Service without a selector (its endpoints are managed elsewhere). */
  selector?: Record<string, string>;
  at: Place;
}

export interface Destination {
  host: string;
  subset?: string;
  weight?: number;
}

export interface Fault {
  delay?: { percent: number; ms: number };
  abort?: { percent: number; status?: number };
}

export interface HttpRule {
  /** The rule's `match` as YAML flow text, or undefined for a rule that takes every request. */
  match?: string;
  route: Destination[];
  timeoutMs?: number;
  retries?: { attempts: number; perTryTimeoutMs?: number };
  fault?: Fault;
}

export interface VirtualService {
  name: string;
  namespace: string;
  hosts: string[];
  /** Gateways it is bound to; without any, it applies to the mesh's own calls. */
  gateways: string[];
  http: HttpRule[];
  at: Place;
}

export interface DestinationRule {
  name: string;
  namespace: string;
  host: string;
  subsets: { name: string; labels: Record<string, string> }[];
  outlierDetection?: Record<string, unknown>;
  connectionPool?: Record<string, unknown>;
  at: Place;
}

export interface Manifests {
  workloads: Workload[];
  services: KubeService[];
  virtualServices: VirtualService[];
  destinationRules: DestinationRule[];
  /** Objects read and left out, one sentence each. */
  skipped: string[];
}

/** Kinds that configure nothing the importer maps: read past without a word. */
const QUIET_KINDS = new Set([
  'Namespace', 'ServiceAccount', 'ConfigMap', 'Secret', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding',
  'PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'NetworkPolicy', 'PodDisruptionBudget', 'LimitRange',
  'ResourceQuota', 'PriorityClass', 'CustomResourceDefinition', 'Ingress', 'IngressClass', 'HorizontalPodAutoscaler',
  'Endpoints', 'EndpointSlice', 'Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute', 'ServiceEntry', 'Sidecar',
  'PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'EnvoyFilter', 'Telemetry', 'WorkloadEntry',
  'WorkloadGroup', 'ProxyConfig', 'WasmPlugin', 'Certificate', 'Issuer', 'ClusterIssuer', 'ServiceMonitor', 'PodMonitor',
]);

/** Workload kinds Topo has no service for: left out with a warning. */
const OTHER_WORKLOADS: Record<string, string> = {
  Pod: 'a bare pod, not a service',
  ReplicaSet: 'a ReplicaSet (a Deployment keeps its own)',
  DaemonSet: 'one pod per node, an agent rather than a service',
  Job: 'a batch job, not a service',
  CronJob: 'a scheduled job, not a service',
};

export function readManifests(files: InputFile[]): Manifests {
  const m: Manifests = { workloads: [], services: [], virtualServices: [], destinationRules: [], skipped: [] };
  for (const file of files) {
    const lines = new LineCounter();
    const docs = parseAllDocuments(file.text, { lineCounter: lines, prettyErrors: false });
    if (!Array.isArray(docs)) continue; // an empty stream
    for (const doc of docs) {
      const error = doc.errors[0];
      if (error) {
        const { line, col } = lines.linePos(error.pos[0]);
        throw new ImportError(file.name, `not valid YAML: ${error.message.split('\n')[0]}`, line, col);
      }
      const at = (path: (string | number)[]) => position(doc, lines, path);
      const value: unknown = doc.toJS();
      if (value === null || value === undefined) continue;
      readObject(value, [], at, m, file.name);
    }
  }
  return m;
}

type At = (path: (string | number)[]) => { line: number; column: number };

function readObject(obj: unknown, path: (string | number)[], at: At, m: Manifests, file: string): void {
  const fail = (detail: string, where: (string | number)[] = path): never => {
    const { line, column } = at(where);
    throw new ImportError(file, detail, line, column);
  };
  if (!isObject(obj)) fail(`a manifest is a mapping with "kind", not ${describe(obj)}`);
  const o = obj as Record<string, unknown>;
  const kind = o.kind;
  if (typeof kind !== 'string') return void fail('a manifest without "kind"');
  if (kind === 'List') {
    if (!Array.isArray(o.items)) fail('a List without "items"', [...path, 'kind']);
    (o.items as unknown[]).forEach((item, i) => readObject(item, [...path, 'items', i], at, m, file));
    return;
  }
  const meta = isObject(o.metadata) ? o.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : fail(`a ${kind} without "metadata.name"`, [...path, 'kind']);
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : 'default';
  const here = (...p: (string | number)[]) => [...path, ...p];
  const where: Place = { file, line: at(here('kind')).line };
  const spec = isObject(o.spec) ? o.spec : {};
  const field = { fail: (detail: string, ...p: (string | number)[]) => fail(`${kind} ${name}: ${detail}`, here(...p)) };

  if (kind === 'Deployment' || kind === 'StatefulSet') {
    const replicas = spec.replicas ?? 1;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) field.fail(`"replicas" is ${describe(replicas)}, not a whole number`, 'spec', 'replicas');
    const template = isObject(spec.template) ? spec.template : field.fail('has no pod "template"', 'spec');
    const podMeta = isObject(template.metadata) ? template.metadata : {};
    const podSpec = isObject(template.spec) ? template.spec : field.fail('has no pod "spec"', 'spec', 'template');
    if (!Array.isArray(podSpec.containers) || podSpec.containers.length === 0) field.fail('has no "containers"', 'spec', 'template', 'spec');
    const containers = (podSpec.containers as unknown[]).map((c, i) => readContainer(c, (detail, ...p) => field.fail(detail, 'spec', 'template', 'spec', 'containers', i, ...p)));
    m.workloads.push({ kind, name, namespace, replicas: replicas as number, labels: stringMap(podMeta.labels), containers, at: where });
  } else if (kind === 'Service') {
    m.services.push({ name, namespace, selector: isObject(spec.selector) ? stringMap(spec.selector) : undefined, at: where });
  } else if (kind === 'VirtualService') {
    const hosts = stringList(spec.hosts);
    const http = Array.isArray(spec.http) ? spec.http : [];
    const rules = http.map((r, i) => readHttpRule(r, (detail, ...p) => field.fail(detail, 'spec', 'http', i, ...p)));
    m.virtualServices.push({ name, namespace, hosts, gateways: stringList(spec.gateways), http: rules, at: where });
  } else if (kind === 'DestinationRule') {
    const host = typeof spec.host === 'string' ? spec.host : field.fail('has no "host"', 'spec');
    const subsets = (Array.isArray(spec.subsets) ? spec.subsets : []).filter(isObject).map((s) => ({ name: String(s.name), labels: stringMap(s.labels) }));
    const policy = isObject(spec.trafficPolicy) ? spec.trafficPolicy : {};
    m.destinationRules.push({
      name,
      namespace,
      host,
      subsets,
      outlierDetection: isObject(policy.outlierDetection) ? policy.outlierDetection : undefined,
      connectionPool: isObject(policy.connectionPool) ? policy.connectionPool : undefined,
      at: where,
    });
  } else if (kind in OTHER_WORKLOADS) {
    m.skipped.push(`${kind} ${name} (${file}:${where.line}) is ${OTHER_WORKLOADS[kind]}; left out`);
  } else if (!QUIET_KINDS.has(kind)) {
    fail(`unknown kind '${kind}'${typeof o.apiVersion === 'string' ? ` (${o.apiVersion})` : ''}: the importer reads Deployments, StatefulSets, Services, VirtualServices and DestinationRules`, here('kind'));
  }
}

function readContainer(raw: unknown, fail: (detail: string, ...path: (string | number)[]) => never): Container {
  if (!isObject(raw)) return fail(`a container is ${describe(raw)}`);
  const name = typeof raw.name === 'string' ? raw.name : '';
  const image = typeof raw.image === 'string' ? raw.image : fail(`container ${name || '?'} has no "image"`);
  const env = (Array.isArray(raw.env) ? raw.env : []).flatMap((e) =>
    isObject(e) && typeof e.name === 'string' && (typeof e.value === 'string' || typeof e.value === 'number') ? [{ name: e.name, value: String(e.value) }] : [],
  );
  const resources = isObject(raw.resources) ? raw.resources : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const quantity = <T>(key: 'cpu' | 'memory', parse: (v: string) => T | undefined): T | undefined => {
    const value = requests[key] ?? limits[key];
    if (value === undefined) return undefined;
    const parsed = parse(String(value));
    if (parsed === undefined) fail(`container ${name}: "${key}" is ${describe(value)}, not a Kubernetes quantity`, 'resources', key in requests ? 'requests' : 'limits', key);
    return parsed;
  };
  return { name, image, env, cpu: quantity('cpu', parseCpu), memoryGiB: quantity('memory', parseMemoryGiB) };
}

function readHttpRule(raw: unknown, fail: (detail: string, ...path: (string | number)[]) => never): HttpRule {
  if (!isObject(raw)) return fail(`an http route is ${describe(raw)}`);
  const duration = (value: unknown, ...path: string[]) => {
    if (value === undefined) return undefined;
    return parseMeshDuration(String(value)) ?? fail(`"${path[path.length - 1]}" is ${describe(value)}, not a duration like 1.5s`, ...path);
  };
  const route = (Array.isArray(raw.route) ? raw.route : []).filter(isObject).map((r): Destination => {
    const d = isObject(r.destination) ? r.destination : {};
    return { host: String(d.host ?? ''), subset: typeof d.subset === 'string' ? d.subset : undefined, weight: typeof r.weight === 'number' ? r.weight : undefined };
  });
  const retries = isObject(raw.retries)
    ? { attempts: typeof raw.retries.attempts === 'number' ? raw.retries.attempts : 0, perTryTimeoutMs: duration(raw.retries.perTryTimeout, 'retries', 'perTryTimeout') }
    : undefined;
  const percent = (f: Record<string, unknown>) => (isObject(f.percentage) && typeof f.percentage.value === 'number' ? f.percentage.value : typeof f.percent === 'number' ? f.percent : 100);
  let fault: Fault | undefined;
  if (isObject(raw.fault)) {
    const { delay, abort } = raw.fault;
    fault = {
      delay: isObject(delay) ? { percent: percent(delay), ms: duration(delay.fixedDelay, 'fault', 'delay', 'fixedDelay') ?? 0 } : undefined,
      abort: isObject(abort) ? { percent: percent(abort), status: typeof abort.httpStatus === 'number' ? abort.httpStatus : undefined } : undefined,
    };
  }
  return {
    match: raw.match === undefined ? undefined : stringify(raw.match, { collectionStyle: 'flow' }).trim(),
    route,
    timeoutMs: duration(raw.timeout, 'timeout'),
    retries,
    fault,
  };
}

/** The 1-based line and column of the node at `path`, or of the nearest ancestor that exists. */
function position(doc: Document, lines: LineCounter, path: (string | number)[]): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) {
      const { line, col } = lines.linePos(range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A short account of a YAML value for a message. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}
