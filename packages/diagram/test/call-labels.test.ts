import type { Call } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { callLabel, callTooltip, isConditional } from '../src/call-labels.js';

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
