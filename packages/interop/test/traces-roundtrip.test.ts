// The round trip the issue asks for: a design simulated with tracing (the spans `topo simulate
// --trace` writes, in Zipkin and in OTLP), imported, gives back the design's call graph, its
// shares within 5% and its work times within 10%.
import { describe, expect, it } from 'vitest';
import { formatText, parseModelFromString } from '@topo/language';
import type { Call, Model } from '@topo/model';
import { simulate, toOtlp, toZipkin, type Span } from '@topo/simulator';
import { importTraces } from '../src/traces/index.js';

const DESIGN = `
architecture shop

service web {
  work 20ms
  call auth timeout 2s
  parallel {
    call catalog timeout 2s
    call pricing timeout 2s
  }
  call recommend share 30% timeout 2s
  route 70% checkout timeout 2s
  route 30% browse timeout 2s
}

service auth {
  work 10ms
}

service catalog {
  work 30ms
  call stock timeout 2s
}

service pricing {
  work 15ms constant
}

service recommend {
  work 25ms
}

service checkout {
  work 40ms
}

service browse {
  work 12ms
}

service stock {
  work 8ms
}

scenario day {
  load 100 rps into web for 60s
}
`;

async function traced(): Promise<{ model: Model; spans: Span[] }> {
  const { model } = await parseModelFromString(DESIGN);
  const spans: Span[] = [];
  await simulate(model, { trace: { every: 1, onSpan: (s) => void spans.push(s) } });
  return { model, spans };
}

/** caller → target → [share, group]: one entry per call line. */
function graph(model: Model): Map<string, { share: number; group: string }> {
  const calls = new Map<string, { share: number; group: string }>();
  for (const s of model.services) for (const c of s.calls) calls.set(`${s.name} → ${c.target}`, { share: share(c), group: c.group });
  return calls;
}

const share = (c: Call) => (c.group === 'route' ? c.routeShare! : c.share);

describe.each([
  ['Zipkin', (spans: Span[]) => toZipkin(spans)],
  ['OTLP', (spans: Span[]) => toOtlp(spans)],
])('traces from the simulator, as %s', (_, encode) => {
  it('give back the call graph, shares within 5% and work within 10%', async () => {
    const { model, spans } = await traced();
    const imported = importTraces({ name: 'shop.json', text: JSON.stringify(encode(spans)) });
    const back = await parseModelFromString(imported.text);
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const want = graph(model);
    const got = graph(back.model);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [key, { share, group }] of want) {
      expect(got.get(key)!.group, key).toBe(group);
      expect(Math.abs(got.get(key)!.share - share), key).toBeLessThanOrEqual(0.05 * share);
    }
    for (const s of model.services) {
      const work = back.model.services.find((b) => b.name === s.name)!.work;
      expect(Math.abs(work.meanMs - s.work.meanMs) / s.work.meanMs, s.name).toBeLessThanOrEqual(0.1);
      // Constant work comes back constant; exponential work, with its spread, as written.
      expect(work.distribution, s.name).toBe(s.work.distribution);
    }
    expect(await formatText(imported.text)).toBe(imported.text);
  });
});
