import { describe, expect, it } from 'vitest';
import { simulate, toOtlp, toZipkin, type Span } from '../src/index.js';
import { TRACE_EPOCH_US } from '../src/trace.js';
import { buildModel, call, parallel, ZERO_NETWORK, work } from '@topo/model/testing';

const model = buildModel({
  services: [
    { name: 'edge', work: work(1), steps: [parallel(call('a', { timeoutMs: 50 }), call('b', { timeoutMs: 3, retries: 1 }))] },
    { name: 'a', work: work(1) },
    { name: 'b', work: work(2) },
  ],
  scenarios: [{ loads: [[200, 'edge', 5000]] }],
});

async function traced(every: number) {
  const spans: Span[] = [];
  const r = await simulate(model, { trace: { every, onSpan: (s) => spans.push(s) } });
  return { r, spans };
}

describe('traces', () => {
  it('have one span per attempt, the client request as root, linked by parent ids', async () => {
    const { r, spans } = await traced(1);
    expect(spans.length).toBe(r.requests + r.attempts);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    expect(byId.size).toBe(spans.length);
    const roots = spans.filter((s) => s.parentId === undefined);
    expect(roots.length).toBe(r.requests);
    expect(roots.every((s) => s.caller === 'client' && s.service === 'edge')).toBe(true);
    for (const s of spans.filter((x) => x.parentId !== undefined)) {
      const parent = byId.get(s.parentId!)!;
      expect(parent.traceId).toBe(s.traceId);
      expect(parent.service).toBe(s.caller);
      expect(s.startNs).toBeGreaterThanOrEqual(parent.startNs);
      expect(s.endNs).toBeGreaterThanOrEqual(s.startNs);
    }
    const timedOut = spans.filter((s) => s.outcome === 'timeout');
    expect(timedOut.length).toBe(r.timeouts);
    expect(timedOut.every((s) => s.service === 'b' && s.endNs - s.startNs === 3_000_000)).toBe(true);
    expect(spans.some((s) => s.service === 'b' && s.attempt === 2)).toBe(true);
  });

  it('sample one request in N', async () => {
    const { r, spans } = await traced(10);
    const traces = new Set(spans.map((s) => s.traceId)).size;
    expect(traces).toBe(Math.ceil(r.requests / 10));
  });

  it('export as Zipkin v2 JSON', async () => {
    const { spans } = await traced(5);
    const zipkin = toZipkin(spans) as Record<string, any>[];
    expect(zipkin).toHaveLength(spans.length);
    for (const z of zipkin) {
      expect(z.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(z.id).toMatch(/^[0-9a-f]{16}$/);
      if ('parentId' in z) expect(z.parentId).toMatch(/^[0-9a-f]{16}$/);
      expect(Number.isInteger(z.timestamp) && z.timestamp >= TRACE_EPOCH_US).toBe(true);
      expect(Number.isInteger(z.duration) && z.duration >= 1).toBe(true);
      expect(z.kind).toBe('SERVER');
      expect(typeof z.localEndpoint.serviceName).toBe('string');
    }
    expect(zipkin.some((z) => z.tags.error === 'timeout')).toBe(true);
    expect(zipkin.filter((z) => z.tags['topo.outcome'] === 'ok').every((z) => !('error' in z.tags))).toBe(true);
  });

  it('export as OTLP/JSON, one resource per service', async () => {
    const { spans } = await traced(5);
    const otlp = toOtlp(spans) as { resourceSpans: any[] };
    const services = otlp.resourceSpans.map((rs) => rs.resource.attributes.find((a: any) => a.key === 'service.name').value.stringValue);
    expect(services.sort()).toEqual(['a', 'b', 'edge']);
    const all = otlp.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss: any) => ss.spans));
    expect(all).toHaveLength(spans.length);
    for (const s of all) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(s.startTimeUnixNano).toMatch(/^\d+$/);
      expect(BigInt(s.endTimeUnixNano) >= BigInt(s.startTimeUnixNano)).toBe(true);
      expect(s.kind).toBe(2);
      expect([1, 2]).toContain(s.status.code);
    }
  });

  it('do not change the simulation', async () => {
    const plain = await simulate(model);
    const { r } = await traced(1);
    expect({ ...r, wallMs: 0 }).toEqual({ ...plain, wallMs: 0 });
  });
});

describe('zero-network traces', () => {
  it('time spans by the virtual clock: a constant service answers in exactly its work', async () => {
    const spans: Span[] = [];
    await simulate(
      buildModel({ network: ZERO_NETWORK, services: [{ name: 'only', work: work(2, 'constant') }], scenarios: [{ loads: [[10, 'only', 1000]] }] }),
      { trace: { every: 1, onSpan: (s) => spans.push(s) } },
    );
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.every((s) => s.endNs - s.startNs === 2_000_000)).toBe(true);
  });
});
