import type { Call } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { callLabel, callTooltip, isConditional } from '../src/call-labels.js';
import type { LayoutEdge } from '../src/layout-types.js';
import { legendFor } from '../src/legend.js';

const call = (overrides: Partial<Call>): Call => ({
  id: 0,
  from: 'a',
  target: 'b',
  targetKind: 'service',
  group: 'sequential',
  share: 1,
  retries: 0,
  backoffMs: 0,
  retry: 'different',
  fallback: false,
  locs: {},
  ...overrides,
});

describe('edge labels', () => {
  it('say timeout × attempts, leaving out ×1', () => {
    expect(callLabel(call({ timeoutMs: 150, retries: 1 }))).toBe('150ms ×2');
    expect(callLabel(call({ timeoutMs: 10 }))).toBe('10ms');
    expect(callLabel(call({ timeoutMs: 2000, retries: 2 }))).toBe('2s ×3');
  });

  it('say when a call has no timeout', () => {
    expect(callLabel(call({}))).toBe('no timeout');
    expect(callLabel(call({ retries: 1 }))).toBe('no timeout ×2');
  });

  it('put the route share, the call share and `on miss` first', () => {
    expect(callLabel(call({ group: 'route', routeShare: 0.8, timeoutMs: 400, retries: 1 }))).toBe('80% · 400ms ×2');
    expect(callLabel(call({ share: 0.3, timeoutMs: 10 }))).toBe('30% · 10ms');
    expect(callLabel(call({ onMiss: 'cache', timeoutMs: 40, retries: 1 }))).toBe('on miss · 40ms ×2');
  });

  it('dash the calls that happen on some requests only', () => {
    expect(isConditional(call({ share: 0.3 }))).toBe(true);
    expect(isConditional(call({ onMiss: 'cache' }))).toBe(true);
    expect(isConditional(call({ share: 1 }))).toBe(false);
    expect(isConditional(call({ group: 'route', routeShare: 0.2 }))).toBe(false);
  });

  it('tell the whole story in the tooltip', () => {
    expect(callTooltip(call({ group: 'parallel', timeoutMs: 150, retries: 1, backoffMs: 10, mode: 'read' }))).toEqual([
      'a → b (read), in parallel',
      'timeout 150ms, 1 retry (2 attempts, backoff 10ms, different instance)',
    ]);
    expect(callTooltip(call({ share: 0.5, onMiss: 'c', connectMs: 20, timeoutMs: 50 }))).toEqual([
      'a → b',
      'timeout 50ms, connect 20ms, no retries',
      'on 50% of requests',
      'only when c misses',
    ]);
  });
});

describe('resilience', () => {
  it('marks a guarded call with ↯ on the line and spells its options out in the tooltip', () => {
    const guarded = call({ timeoutMs: 400, retries: 2, retryBudget: 0.2, breaker: { threshold: 0.5, volume: 20, windowMs: 10_000, openMs: 5_000 }, bulkhead: 40, fallback: true });
    expect(callLabel(guarded)).toBe('↯ 400ms ×3');
    expect(callTooltip(guarded).at(-1)).toBe('↯ breaker 50% of 20 over 10s open 5s · retry budget 20% · bulkhead 40 · fallback');
    expect(callLabel(call({ timeoutMs: 400, fallback: true }))).toBe('↯ 400ms');
  });

  it('the legend explains the glyph when a label carries it', () => {
    const edge = (text: string): LayoutEdge => ({ callId: 0, source: 'a', target: 'b', group: 'sequential', dashed: false, points: [], label: { x: 0, y: 0, width: 10, height: 10, text }, tooltip: [], messages: [] });
    const texts = (label: string) => legendFor({ edges: [edge(label)], junctions: [], nodes: [], groups: [] }, 0, 0, 2000).items.map((i) => i.text.text);
    expect(texts('↯ 400ms ×3')).toEqual(['timeout × attempts; ↯ breaker, retry budget, bulkhead or fallback']);
    expect(texts('400ms ×3')).toEqual(['timeout × attempts']);
  });

  it('leaves a call without options unmarked', () => {
    expect(callLabel(call({ timeoutMs: 400 }))).toBe('400ms');
    expect(callTooltip(call({ timeoutMs: 400 })).join('\n')).not.toContain('↯');
  });
});
