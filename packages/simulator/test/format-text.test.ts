// The text summary says what happened under faults and resilience options: degraded
// requests, short-circuited attempts, breaker spells and the storm per window.
import { DEFAULT_BREAKER, type Chaos } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { formatText, simulate } from '../src/index.js';
import { sig4 } from '../src/format-text.js';
import { buildModel, call, ZERO_NETWORK, work } from '@topo/model/testing';

const fault: Chaos = { kind: 'fail', target: 'dep', share: 1, atMs: 0, forMs: 40_000 };

function guarded(fallback: boolean) {
  return buildModel({
    network: ZERO_NETWORK,
    services: [
      { name: 'edge', instances: 1, zones: ['a'], threads: 1000, work: work(1, 'constant'), steps: [call('dep', { timeoutMs: 1000, breaker: { ...DEFAULT_BREAKER }, fallback })] },
      { name: 'dep', instances: 1, zones: ['a'], threads: 1000, work: work(1, 'constant') },
    ],
    scenarios: [{ loads: [[50, 'edge', 60_000]], chaos: [fault] }],
  });
}

describe('sig4', () => {
  it('writes four significant digits, and from 1,000 up whole numbers with thousands separators', () => {
    expect([1.2194, 10.954, 453.31, 999.94, 1997.4, 109_835, -2500, null].map(sig4)).toEqual(['1.219', '10.95', '453.3', '999.9', '1,997', '109,835', '-2,500', 'NA']);
  });
});

describe('formatText', () => {
  it('counts degraded requests beside succeeded and failed, and short-circuited attempts', async () => {
    const r = await simulate(guarded(true));
    const text = formatText(r);
    expect(text).toContain(`${r.succeeded.toLocaleString('en-US')} succeeded`);
    expect(text).toContain(`${r.degraded!.toLocaleString('en-US')} degraded`);
    expect(text).toContain(`${r.shortCircuited!.toLocaleString('en-US')} short-circuited`);
    expect(text).toMatch(/, 0 failed;/);
  });

  it('lists the breaker spells with the trials that failed', async () => {
    const r = await simulate(guarded(false));
    expect(r.breakers).toHaveLength(1);
    const [spell] = r.breakers!;
    expect(formatText(r)).toContain(`Breakers: 1 opened\n  ${Number(spell!.start.toPrecision(4))}s–${Number(spell!.end.toPrecision(4))}s  ${spell!.what} (${spell!.trials} trial`);
  });

  it('leaves the resilience counts out for a model without the options', async () => {
    const plain = buildModel({ network: ZERO_NETWORK, services: [{ name: 'server', instances: 1, zones: ['a'], work: work(1) }], scenarios: [{ loads: [[10, 'server', 5000]] }] });
    const text = formatText(await simulate(plain));
    expect(text).not.toMatch(/degraded|short-circuited|rejected|Breakers/);
  });
});
