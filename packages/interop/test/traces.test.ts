// The trace importer on public Zipkin and OTLP samples (see fixtures/README.md) and on input
// it refuses. The round trip through the simulator is in traces-roundtrip.test.ts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatText, parseModelFromString } from '@topo/language';
import type { Model } from '@topo/model';
import { ImportError } from '../src/import-error.js';
import { importTraces } from '../src/traces/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (path: string) => ({ name: path.split('/').pop()!, text: readFileSync(join(fixtures, path), 'utf8') });

async function load(file: { name: string; text: string }) {
  const result = importTraces(file);
  const { model, findings } = await parseModelFromString(result.text);
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(await formatText(result.text)).toBe(result.text);
  return { ...result, model };
}

const callsOf = (m: Model, name: string) => m.services.find((s) => s.name === name)!.calls.map((c) => [c.target, c.group, c.share]);

describe('Zipkin samples (openzipkin/zipkin, Apache-2.0)', () => {
  it('simple-db-p6: a server span and its four client spans to a database without tracing', async () => {
    const { model } = await load(fixture('zipkin/simple-db-p6.json'));
    expect(model.services.map((s) => s.name)).toEqual(['bootifulmeters', 'app_db']);
    expect(callsOf(model, 'bootifulmeters')).toEqual(Array(4).fill(['app_db', 'sequential', 1]));
    // The client spans' mean: (2033 + 2414 + 6051 + 1118) / 4 µs.
    expect(model.services.find((s) => s.name === 'app_db')!.work.meanMs).toBeCloseTo(2.9, 2);
    expect(model.scenarios[0]!.loads.map((l) => l.target)).toEqual(['bootifulmeters']);
  });

  it('yelp: nine services, parallel calls where sibling spans overlap, mysql a datastore by its name', async () => {
    const { model, warnings } = await load(fixture('zipkin/yelp.json'));
    expect(model.services.map((s) => s.name).sort()).toEqual(['blt', 'memcache', 'mobile_api', 'routing', 'spectre', 'unknown', 'yelp-main', 'yelp_main-api_proxy']);
    expect(model.datastores.map((d) => [d.name, d.engine])).toEqual([['mysql', 'mysql']]);
    expect(callsOf(model, 'routing').map((c) => c[1])).toEqual(['parallel', 'parallel']);
    expect(warnings).toEqual(["service 'yelp_main/api_proxy' is not a Topo name; it is called yelp_main-api_proxy"]);
  });

  it('smartthings-oauth-authorization: a larger trace across systems imports and checks', async () => {
    const { model, warnings } = await load(fixture('zipkin/smartthings-oauth-authorization.json'));
    // Zipkin lets a span leave its time out; those say nothing to measure.
    expect(warnings.filter((w) => /^\d+ spans? without a timestamp and duration left out$/.test(w))).toHaveLength(1);
    expect(model.services.length).toBeGreaterThan(5);
    expect(model.services.flatMap((s) => s.calls).length).toBeGreaterThan(5);
  });
});

describe('OTLP sample (open-telemetry/opentelemetry-proto, Apache-2.0)', () => {
  it('examples/trace.json: one server span of my.service, a second long', async () => {
    const { model, warnings } = await load(fixture('otlp/trace.json'));
    expect(model.services.map((s) => [s.name, s.work.meanMs])).toEqual([['my-service', 1000]]);
    expect(warnings).toEqual(["service 'my.service' is not a Topo name; it is called my-service"]);
  });
});

describe('input it refuses', () => {
  const refuse = (text: string) => {
    try {
      importTraces({ name: 't.json', text });
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return (e as ImportError).message;
    }
    throw new Error('accepted');
  };
  const span = { traceId: 'a', id: '1', timestamp: 1, duration: 5, localEndpoint: { serviceName: 'web' } };

  it('JSON that breaks off, at its line and column', () => {
    expect(refuse('[\n  {"traceId": "a",\n  "id": }\n]')).toBe('t.json:3:9: not valid JSON: value expected');
  });

  it('a Zipkin span without a service name, naming the span', () => {
    expect(refuse(JSON.stringify([span, { ...span, id: '2', localEndpoint: {} }]))).toBe(
      't.json: span 2 (id 2) has no localEndpoint.serviceName: the importer needs the service of every span',
    );
  });

  it('an OTLP resource without service.name, naming the resource', () => {
    expect(refuse(JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [] }] }))).toBe(
      't.json: resourceSpans[0] has no resource attribute service.name: the importer needs the service of every span',
    );
  });

  it('JSON that is neither format, and a file without spans', () => {
    expect(refuse('{"spans": []}')).toBe('t.json: is neither Zipkin v2 JSON (a list of spans) nor OTLP/JSON (an object with "resourceSpans")');
    expect(refuse('[]')).toBe('t.json: holds no spans');
  });
});
