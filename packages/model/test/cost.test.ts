// cost(), need() and their breakdowns; reach, coupling and deadline use for the editor;
// readable timeouts.
import { describe, expect, test } from 'vitest';
import {
  AnalysisContext,
  callBudget,
  callCost,
  coupling,
  deadlineUsage,
  formatCallCost,
  formatNeed,
  formatReach,
  petalMemoryUse,
  readableTimeoutAtLeast,
  readableTimeoutAtMost,
} from '@topo/model';
import { modelOf } from './topo.js';

const netflix = `
  datastore subscriberDb: cassandra
  cache subscriberCache: memcached
  datastore videoDb: cassandra
  service subscriber {
    layer sal
    work 2ms
    call subscriberCache timeout 10ms
    call subscriberDb on miss subscriberCache read timeout 40ms retries 1
  }
  service videoMetadata {
    layer sal
    work 3ms
    call videoDb timeout 40ms retries 1
  }
  service homepage {
    layer esl
    work 8ms
    parallel {
      call subscriber timeout 150ms retries 1
      call videoMetadata timeout 150ms retries 1
    }
  }
  service login {
    layer esl
    work 4ms
    call subscriber timeout 150ms retries 1
  }
  service wwwproxy {
    layer edge
    work 1ms
    deadline 1s
    route 80% homepage timeout 400ms retries 1
    route 20% login timeout 400ms retries 1
  }
  service island
`;

describe('cost and need', () => {
  test('cost of a call: attempts × timeout + retries × backoff', async () => {
    const model = await modelOf(`
      service a {
        call b timeout 150ms retries 1
        call b timeout 10ms
        call b timeout 5ms retries 2 backoff 1ms
        call b
      }
      service b
    `);
    const costs = model.services[0]!.calls.map(callCost);
    expect(costs.map((c) => c.ms)).toEqual([300, 10, 17, Infinity]);
    expect(costs.map(formatCallCost)).toEqual(['2 attempts × 150ms = 300ms', '10ms', '3 attempts × 5ms + 2 × 1ms backoff = 17ms', 'no timeout = ∞']);
  });

  test('need adds work, sequential calls, the slowest of each parallel group and the slowest route', async () => {
    const ctx = new AnalysisContext(await modelOf(netflix));
    const homepage = ctx.need('homepage')!;
    expect(homepage.ms).toBe(308);
    expect(homepage.terms.map((t) => [t.kind, t.ms])).toEqual([
      ['work', 8],
      ['parallel', 300],
    ]);
    expect(formatNeed(homepage)).toBe('8ms work + max(2 attempts × 150ms, 2 attempts × 150ms) = 308ms');
    expect(formatNeed(ctx.need('subscriber')!)).toBe('2ms work + 10ms + 2 attempts × 40ms = 92ms');
    expect(formatNeed(ctx.need('wwwproxy')!)).toBe('1ms work + max(2 attempts × 400ms, 2 attempts × 400ms) = 801ms');
    expect(formatNeed(ctx.need('subscriberCache')!)).toBe('200us work');
    expect(ctx.need('nothing')).toBeUndefined();
  });

  test('need is unbounded when one of the service’s calls has no timeout', async () => {
    const ctx = new AnalysisContext(await modelOf('service a {\n call b timeout 1s\n call b\n}\nservice b'));
    expect(ctx.need('a')!.ms).toBe(Infinity);
    expect(formatNeed(ctx.need('a')!)).toBe('1ms work + 1s + no timeout = ∞');
  });
});

describe('editor insights', () => {
  test('worst reach and from which entry', async () => {
    const ctx = new AnalysisContext(await modelOf(netflix));
    expect(ctx.entries.map((s) => s.name)).toEqual(['wwwproxy', 'island']);
    expect(ctx.reach('wwwproxy')).toEqual({ times: 1, entry: 'wwwproxy', budgeted: [] });
    expect(formatReach(ctx.reach('subscriber')!)).toBe('×4 from wwwproxy');
    expect(ctx.reach('subscriberDb')!.times).toBe(8);
    expect(ctx.reach('island')!.times).toBe(1);
  });

  test('callers, callees, coupling and instability Ce/(Ca+Ce)', async () => {
    const ctx = new AnalysisContext(await modelOf(netflix));
    expect(coupling(ctx, 'subscriber')).toEqual({
      callers: ['homepage', 'login'],
      callees: ['subscriberCache', 'subscriberDb'],
      afferent: 2,
      efferent: 2,
      instability: 0.5,
    });
    expect(coupling(ctx, 'wwwproxy').instability).toBe(1);
    expect(coupling(ctx, 'subscriberDb').instability).toBe(0);
    expect(coupling(ctx, 'island').instability).toBeUndefined();
  });

  test('how much of its deadline an edge needs', async () => {
    const ctx = new AnalysisContext(await modelOf(netflix));
    expect(deadlineUsage(ctx, 'wwwproxy')).toEqual({ needMs: 801, deadlineMs: 1000, label: 'needs 801ms of 1s' });
    expect(deadlineUsage(ctx, 'homepage')).toBeUndefined();
    const open = new AnalysisContext(await modelOf('service edge {\n deadline 1s\n call b\n}\nservice b'));
    expect(deadlineUsage(open, 'edge')!.label).toBe('needs ∞ of 1s: a call has no timeout');
  });

  test('a call’s cost, its target’s need and the margin', async () => {
    const model = await modelOf(netflix);
    const ctx = new AnalysisContext(model);
    const login = model.services.find((s) => s.name === 'login')!.calls[0]!;
    const budget = callBudget(ctx, login)!;
    expect(formatCallCost(budget.cost)).toBe('2 attempts × 150ms = 300ms');
    expect(budget.targetNeed.ms).toBe(92);
    expect(budget.marginMs).toBe(58);
    expect(budget.inCycle).toBe(false);
  });

  test('the memory a petal’s members use in its region', async () => {
    const model = await modelOf(`
      region home {
        zones a, b
      }
      region away
      service render {
        instances 4 of r5.large
        memory 10GB
      }
      cache hot: redis {
        regions home
        instances 2 of r5.large
      }
      petal p {
        region home
        memory 100GB
        members render, hot
      }
    `);
    const use = petalMemoryUse(new AnalysisContext(model), model.petals[0]!);
    expect(use.parts).toEqual([
      { name: 'render', instances: 4, bytes: 10 * 1024 ** 3 },
      { name: 'hot', instances: 2, bytes: 16 * 1024 ** 3 },
    ]);
    expect(use.total).toBe(72 * 1024 ** 3);
  });
});

describe('readable timeouts', () => {
  test('at least: the next value of 1, 1.5, 2, 2.5, 3, 4 … 9 × 10ⁿ', () => {
    expect([6001, 308, 300, 92, 801, 1250, 2001, 0.45, 13].map(readableTimeoutAtLeast)).toEqual([7000, 400, 300, 100, 900, 1500, 2500, 0.5, 15]);
    expect(readableTimeoutAtLeast(0.1 + 0.2)).toBe(0.3);
    expect(readableTimeoutAtLeast(999.9999)).toBe(1000);
  });

  test('at most: the value below', () => {
    expect([1666.33, 499.67, 300, 0.1, 9.5, 148].map(readableTimeoutAtMost)).toEqual([1500, 400, 300, 0.1, 9, 100]);
    expect(readableTimeoutAtMost(0)).toBe(0);
  });
});
