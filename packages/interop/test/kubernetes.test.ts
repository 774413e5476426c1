// The Kubernetes importer on real manifests (the Istio Bookinfo samples and Google's Online
// Boutique, see fixtures/README.md) and on small manifests that each show one rule; every
// generated file is checked by the language and is in house style.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatText, parseModelFromString } from '@topo/language';
import type { Model } from '@topo/model';
import { ImportError } from '../src/import-error.js';
import { importKubernetes } from '../src/kubernetes/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (path: string) => ({ name: path.split('/').pop()!, text: readFileSync(join(fixtures, path), 'utf8') });

async function load(...files: { name: string; text: string }[]) {
  const result = importKubernetes(files);
  const { model, findings } = await parseModelFromString(result.text);
  expect(await formatText(result.text)).toBe(result.text);
  return { ...result, model, findings, codes: [...new Set(findings.map((f) => f.code))].sort() };
}

const calls = (m: Model, name: string) =>
  m.services.find((s) => s.name === name)!.calls.map((c) => [c.target, c.group, c.routeShare ?? c.share, c.timeoutMs ?? null, c.retries]);

/** The 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** The text with each run of `//` lines joined into one, as the comments read. */
const prose = (text: string) => text.replace(/\n\/\/ /g, ' ');

/** Manifests for one Service backed by Deployments, written the way the Kubernetes docs do. */
function app(name: string, opts: { version?: string; env?: Record<string, string>; image?: string; replicas?: number; service?: boolean } = {}): string {
  const version = opts.version ?? 'v1';
  const env = Object.entries(opts.env ?? {}).map(([k, v]) => `        - name: ${k}\n          value: "${v}"`).join('\n');
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${version}
spec:
  replicas: ${opts.replicas ?? 3}
  selector:
    matchLabels: { app: ${name}, version: ${version} }
  template:
    metadata:
      labels: { app: ${name}, version: ${version} }
    spec:
      containers:
      - name: ${name}
        image: ${opts.image ?? `example/${name}:1.0`}
        resources:
          requests: { cpu: 500m, memory: 3Gi }${env ? `\n        env:\n${env}` : ''}
`;
  const service = `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: { app: ${name} }
  ports: [{ port: 9080 }]
`;
  return opts.service === false ? deployment : `${service}---\n${deployment}`;
}

describe('Online Boutique (Google, Apache-2.0)', () => {
  it('becomes its services, the calls their environment names, and redis as a cache', async () => {
    const { model, codes, warnings, text } = await load(fixture('online-boutique/kubernetes-manifests.yaml'));
    expect(model.services.map((s) => s.name).sort()).toEqual(
      ['adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'loadgenerator', 'paymentservice', 'productcatalogservice', 'recommendationservice', 'shippingservice'],
    );
    expect(model.caches.map((c) => [c.name, c.engine])).toEqual([['redis-cart', 'redis']]);
    expect(calls(model, 'checkoutservice').map((c) => c[0])).toEqual(['productcatalogservice', 'shippingservice', 'paymentservice', 'emailservice', 'currencyservice', 'cartservice']);
    expect(calls(model, 'cartservice')).toEqual([['redis-cart', 'sequential', 1, null, 0]]);
    expect(model.services.find((s) => s.name === 'cartservice')!.owns).toEqual(['redis-cart']);
    // The frontend names an assistant the manifests do not deploy.
    expect(warnings).toEqual(["Deployment frontend reaches 'shoppingassistantservice' (SHOPPING_ASSISTANT_SERVICE_ADDR), which no Service in the input has; left out"]);
    expect(prose(text)).toContain('reaches shoppingassistantservice (SHOPPING_ASSISTANT_SERVICE_ADDR), which no Service in the input has: left out');
    // 100m CPU and 64Mi: the smallest type of the catalog, said in a comment.
    expect(model.services.find((s) => s.name === 'frontend')!.instanceType).toBe('t3.micro');
    expect(prose(text)).toContain("each pod requests 0.1 CPU and 64 MiB: t3.micro, the smallest type in Topo's catalog that holds it (2 vCPUs, 1 GiB)");
    // No timeouts anywhere, and one replica each: what the analysis says is true of the manifests.
    expect(codes).toEqual(['missing-timeout', 'single-zone']);
  });
});

describe('Istio Bookinfo (Istio, Apache-2.0)', () => {
  const files = [
    'bookinfo.yaml', 'bookinfo-ratings-v2.yaml', 'bookinfo-db.yaml', 'destination-rule-all.yaml', 'virtual-service-reviews-50-v3.yaml',
    'virtual-service-ratings-test-delay.yaml', 'fault-injection-details-v1.yaml', 'bookinfo-gateway.yaml',
  ].map((f) => fixture(`istio-bookinfo/${f}`));

  it('becomes one service per Deployment, MongoDB a datastore, and the injected faults a scenario', async () => {
    const { model, findings, warnings, text } = await load(...files);
    expect(model.name).toBe('bookinfo');
    expect(model.services.map((s) => s.name)).toEqual(['details-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'productpage-v1', 'ratings-v2']);
    expect(model.datastores.map((d) => [d.name, d.engine])).toEqual([['mongodb-v1', 'mysql']]);
    expect(calls(model, 'ratings-v2')).toEqual([['mongodb-v1', 'sequential', 1, null, 0]]);
    const [scenario] = model.scenarios;
    expect(scenario!.name).toBe('mesh-faults');
    expect(scenario!.chaos.map((c) => [c.kind, 'target' in c ? c.target : undefined])).toEqual([
      ['slow', 'ratings-v1'],
      ['fail', 'details-v1'],
    ]);
    expect(prose(text)).toContain('VirtualService ratings delays 100% of the requests to ratings-v1 by 7s on requests matching');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Bookinfo's services find each other in code, not configuration: the mesh's routes have no call to ride on.
    expect(warnings).toContain('VirtualService reviews routes requests to reviews, which no workload in the input is configured to reach; no call carries its routes');
    expect(warnings).toContain('VirtualService bookinfo routes ingress traffic (gateways bookinfo-gateway), which no workload in the input sends; left out');
  });
});

describe('the mesh on the calls', () => {
  const reviewsRoutes = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: { host: reviews, subset: v1 }
      weight: 80
    - destination: { host: reviews, subset: v2 }
      weight: 20
    timeout: 1s
    retries: { attempts: 2, perTryTimeout: 300ms }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - { name: v1, labels: { version: v1 } }
  - { name: v2, labels: { version: v2 } }
`;
  const ratingsTimeout = (timeout: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
spec:
  hosts: [ratings.default.svc.cluster.local]
  http:
  - route:
    - destination: { host: ratings }
    timeout: ${timeout}
`;
  const manifests = (ratings: string) => [
    app('productpage', { env: { REVIEWS_URL: 'http://reviews:9080/reviews' } }),
    app('reviews', { env: { RATINGS_HOSTNAME: 'ratings.default.svc.cluster.local' } }),
    app('reviews', { version: 'v2', env: { RATINGS_HOSTNAME: 'ratings' } }),
    app('ratings', { service: true }),
    reviewsRoutes,
    ratings,
  ].join('---\n');

  it('routes weighted subsets as route shares over one service per subset, with the timeout per try and the retries', async () => {
    const { model, codes } = await load({ name: 'mesh.yaml', text: manifests(ratingsTimeout('100ms')) });
    expect(calls(model, 'productpage-v1')).toEqual([
      ['reviews-v1', 'route', 0.8, 300, 2],
      ['reviews-v2', 'route', 0.2, 300, 2],
    ]);
    expect(calls(model, 'reviews-v1')).toEqual([['ratings-v1', 'sequential', 1, 100, 0]]);
    expect(codes).not.toContain('timeout-budget');
  });

  it('shows timeout-budget on the imported call when the mesh’s timeouts do not budget', async () => {
    const { findings } = await load({ name: 'mesh.yaml', text: manifests(ratingsTimeout('2s')) });
    const budget = findings.filter((f) => f.code === 'timeout-budget');
    expect(budget.map((f) => f.message)).toEqual([
      'timeout 300ms on the call to reviews-v1 is shorter than reviews-v1 may take: 1ms work + 2s = 2.001s',
      'timeout 300ms on the call to reviews-v2 is shorter than reviews-v2 may take: 1ms work + 2s = 2.001s',
    ]);
  });

  it('writes outlier detection as a breaker and connection pool limits as a bulkhead and a queue', async () => {
    const policy = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
spec:
  host: ratings
  trafficPolicy:
    connectionPool:
      tcp: { maxConnections: 40 }
      http: { http1MaxPendingRequests: 10 }
    outlierDetection:
      consecutive5xxErrors: 7
      interval: 5s
      baseEjectionTime: 15s
`;
    const { model, text } = await load({ name: 'policy.yaml', text: [app('reviews', { env: { RATINGS: 'ratings:9080' } }), app('ratings'), policy].join('---\n') });
    const call = model.services.find((s) => s.name === 'reviews-v1')!.calls[0]!;
    expect([call.target, call.breaker, call.bulkhead]).toEqual(['ratings-v1', { threshold: 1, volume: 7, windowMs: 5000, openMs: 15000 }, 40]);
    expect(model.services.find((s) => s.name === 'ratings-v1')!.queue).toBe(10);
    expect(prose(text)).toContain('DestinationRule ratings: the mesh ejects an instance after 7 errors in a row');
  });

  it('spreads a Service over its Deployments by replicas when no route says otherwise', async () => {
    const text = [app('web', { env: { API: 'api:80' } }), app('api', { replicas: 3 }), app('api', { version: 'v2', replicas: 1, service: false })].join('---\n');
    const { model } = await load({ name: 'spread.yaml', text });
    expect(calls(model, 'web-v1')).toEqual([
      ['api-v1', 'route', 0.75, null, 0],
      ['api-v2', 'route', 0.25, null, 0],
    ]);
  });
});

describe('StatefulSets', () => {
  it('are components like Deployments; a Cassandra ring keeps as many copies as it has pods, up to three', async () => {
    const ring = app('ring', { image: 'cassandra:4.1', replicas: 2 }).replace('kind: Deployment', 'kind: StatefulSet');
    const { model, codes } = await load({ name: 'ring.yaml', text: [app('api', { env: { CASSANDRA_HOST: 'ring' } }), ring].join('---\n') });
    expect(model.datastores.map((d) => [d.name, d.engine, d.instancesPerRegion, d.replication])).toEqual([['ring-v1', 'cassandra', 2, 2]]);
    expect(calls(model, 'api-v1')).toEqual([['ring-v1', 'sequential', 1, null, 0]]);
    // Two copies: one lost replica blocks QUORUM, as the analysis says.
    expect(codes).toContain('replication-factor');
  });
});

describe('what the environment says', () => {
  it.each([
    ['host:port', 'cart:7070'],
    ['a URL', 'http://cart:7070/api'],
    ['a URL with credentials', 'redis://user:secret@cart:6379/0'],
    ['a cluster name', 'cart.default.svc.cluster.local'],
    ['host.namespace', 'cart.default'],
  ])('%s names a Service', async (_, value) => {
    const { model } = await load({ name: 'env.yaml', text: [app('web', { env: { CART_ADDR: value } }), app('cart')].join('---\n') });
    expect(calls(model, 'web-v1').map((c) => c[0])).toEqual(['cart-v1']);
  });

  it('a bare word only in a variable named for an address, and never localhost or a number', async () => {
    const env = { CART_HOST: 'cart', MODE: 'cart', PORT: '8080', SELF: 'localhost:8080', DEBUG: 'true' };
    const { model, warnings } = await load({ name: 'env.yaml', text: [app('web', { env }), app('cart')].join('---\n') });
    expect(calls(model, 'web-v1').map((c) => c[0])).toEqual(['cart-v1']);
    expect(warnings).toEqual([]);
  });

  it('its own Service is no call', async () => {
    const { model, text } = await load({ name: 'env.yaml', text: app('ring', { env: { SEEDS: 'ring:7000' } }) });
    expect(calls(model, 'ring-v1')).toEqual([]);
    expect(prose(text)).toContain('is configured to reach its own Service, its peers: not a call');
  });

  it('a host outside the cluster is reported and left out', async () => {
    const { model, warnings } = await load({ name: 'env.yaml', text: app('web', { env: { PAYMENTS_URL: 'https://api.stripe.com/v1' } }) });
    expect(calls(model, 'web-v1')).toEqual([]);
    expect(warnings).toEqual(["Deployment web-v1 reaches 'api.stripe.com' (PAYMENTS_URL), which no Service in the input has; left out"]);
  });

  it.each([
    ['redis:7-alpine', 'cache', 'redis'],
    ['docker.io/library/memcached:1.6', 'cache', 'memcached'],
    ['bitnami/postgresql:16', 'datastore', 'postgres'],
    ['mysql:8.0', 'datastore', 'mysql'],
    ['cassandra:4.1', 'datastore', 'cassandra'],
    ['oliver006/redis_exporter:v1.55', 'service', undefined],
  ])('the image %s is a %s', async (image, kind, engine) => {
    const { model } = await load({ name: 'img.yaml', text: app('store', { image }) });
    const all = [...model.services.map((s) => ['service', s.name, undefined]), ...model.caches.map((c) => ['cache', c.name, c.engine]), ...model.datastores.map((d) => ['datastore', d.name, d.engine])];
    expect(all).toEqual([[kind, 'store-v1', engine]]);
  });
});

describe('input it refuses', () => {
  const refuse = (text: string) => {
    try {
      importKubernetes([{ name: 'bad.yaml', text }]);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return (e as ImportError).message;
    }
    throw new Error('accepted');
  };

  it('a YAML syntax error, at its line and column', () => {
    expect(refuse('apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n')).toMatch(/^bad\.yaml:5:1: not valid YAML: /);
  });

  it('a manifest of an unknown kind, at its kind', () => {
    const text = `${app('web')}---\napiVersion: example.com/v1\nkind: Pirate\nmetadata:\n  name: jack\n`;
    expect(refuse(text)).toBe(
      `bad.yaml:${lineOf(text, 'kind: Pirate')}:7: unknown kind 'Pirate' (example.com/v1): the importer reads Deployments, StatefulSets, Services, VirtualServices and DestinationRules`,
    );
  });

  it('a replica count that is not a number, at the count', () => {
    const text = app('web').replace('replicas: 3', 'replicas: three');
    expect(refuse(text)).toBe(`bad.yaml:${lineOf(text, 'replicas:')}:13: Deployment web-v1: "replicas" is "three", not a whole number`);
  });

  it('manifests without a workload', () => {
    expect(refuse('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n')).toBe('bad.yaml: has no Deployment or StatefulSet: nothing to import');
  });
});
