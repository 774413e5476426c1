// The budget rules: timeout-budget, deadline-budget, timeout-headroom, retry-amplification, uniform-timeouts.
import { describe, expect, test } from 'vitest';
import { analyzeText, expectAnnotated, only } from './topo.js';

describe('timeout-budget', () => {
  test('fires when the timeout is shorter than the need, with the arithmetic', async () => {
    const findings = await expectAnnotated(`
      service a {
        call b timeout 12ms                         // @expect timeout-budget
      }
      service b {
        work 2ms
        call c timeout 5ms retries 1 backoff 1ms
      }
      service c
    `);
    const f = only(findings, 'timeout-budget');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('timeout 12ms on the call to b is shorter than b may take: 2ms work + 2 attempts × 5ms + 1 × 1ms backoff = 13ms');
  });

  test('a timeout equal to the need holds the budget: timeout-headroom speaks instead', async () => {
    await expectAnnotated(`
      service a {
        call b timeout 13ms                         // @expect timeout-headroom
      }
      service b {
        work 2ms
        call c timeout 5ms retries 1 backoff 1ms
      }
      service c
    `);
  });

  test('counts the slowest call of a parallel group and the slowest route', async () => {
    const findings = await expectAnnotated(`
      service a {
        call b timeout 80ms                         // @expect timeout-budget
      }
      service b {
        work 1ms
        parallel {
          call c timeout 20ms
          call d timeout 30ms
        }
        route 50% c timeout 10ms retries 1
        route 50% d timeout 50ms
      }
      service c
      service d
    `);
    expect(only(findings, 'timeout-budget').message).toBe(
      'timeout 80ms on the call to b is shorter than b may take: 1ms work + max(20ms, 30ms) + max(2 attempts × 10ms, 50ms) = 81ms',
    );
  });

  test('a datastore or cache needs its work', async () => {
    const findings = await expectAnnotated(`
      datastore store: cassandra
      cache hot: redis
      service a {
        call store timeout 400us                    // @expect timeout-budget
        call hot timeout 200us                      // @expect timeout-headroom
      }
    `);
    expect(only(findings, 'timeout-budget').message).toBe('timeout 400us on the call to store is shorter than store may take: 500us work');
  });

  test('a target whose own call has no timeout is unbounded: only missing-timeout', async () => {
    await expectAnnotated(`
      service a {
        call b timeout 1ms
      }
      service b {
        work 5ms
        call c                                      // @expect missing-timeout
      }
      service c
    `);
  });

  test('leaves out calls inside a cycle, but not calls out of one', async () => {
    await expectAnnotated(`
      service a {
        call b timeout 1ms                          // @expect dependency-cycle
      }
      service b {
        work 5ms
        call a timeout 1ms                          // @expect dependency-cycle
        call c timeout 1ms                          // @expect timeout-budget
      }
      service c {
        work 2ms
      }
    `);
  });

  test('is information on a bounded call: every entry reaching its caller propagates the deadline', async () => {
    const findings = await expectAnnotated(`
      service edge {
        deadline 1s
        budget propagate
        call mid timeout 500ms
      }
      service mid {
        call back timeout 10ms                      // @expect timeout-budget
      }
      service back {
        work 20ms
      }
    `);
    const f = only(findings, 'timeout-budget');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/budget propagate/);
  });

  test('is an error when another entry reaches the caller without propagating', async () => {
    const findings = await expectAnnotated(`
      service edge {
        budget propagate
        call mid timeout 500ms
      }
      service other {
        call mid timeout 500ms
      }
      service mid {
        call back timeout 10ms                      // @expect timeout-budget
      }
      service back {
        work 20ms
      }
    `);
    expect(only(findings, 'timeout-budget').severity).toBe('error');
  });

  test('a service a scenario loads is an entry too', async () => {
    const findings = await expectAnnotated(`
      service edge {
        budget propagate
        call mid timeout 500ms
      }
      service mid {
        call back timeout 10ms                      // @expect timeout-budget
      }
      service back {
        work 20ms
      }
      scenario direct {
        load 10 rps into mid
      }
    `);
    expect(only(findings, 'timeout-budget').severity).toBe('error');
  });

  test('a caller no entry reaches is not bounded', async () => {
    const findings = await expectAnnotated(`
      service a {
        budget propagate
        call b timeout 100ms                        // @expect dependency-cycle
      }
      service b {
        budget propagate
        call a timeout 100ms                        // @expect dependency-cycle
        call c timeout 1ms                          // @expect timeout-budget
      }
      service c {
        work 2ms
      }
    `);
    expect(only(findings, 'timeout-budget').severity).toBe('error');
  });
});

describe('deadline-budget', () => {
  test('fires on the deadline when the edge may take longer', async () => {
    const findings = await expectAnnotated(`
      service edge {
        layer edge
        work 2ms
        deadline 200ms                              // @expect deadline-budget
        call b timeout 199ms
      }
      service b
    `);
    const f = only(findings, 'deadline-budget');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('deadline 200ms is shorter than edge may take: 2ms work + 199ms = 201ms');
  });

  test('a deadline equal to the need holds the budget: timeout-headroom speaks instead', async () => {
    await expectAnnotated(`
      service edge {
        layer edge
        work 2ms
        deadline 201ms                              // @expect timeout-headroom
        call b timeout 199ms
      }
      service b
    `);
  });

  test('is information with budget propagate', async () => {
    const findings = await expectAnnotated(`
      service edge {
        deadline 100ms                              // @expect deadline-budget
        budget propagate
        call b timeout 199ms
      }
      service b
    `);
    expect(only(findings, 'deadline-budget').severity).toBe('info');
  });

  test('an unbounded need leaves it to missing-timeout', async () => {
    await expectAnnotated(`
      service edge {
        deadline 100ms
        call b                                      // @expect missing-timeout
      }
      service b
    `);
  });
});

describe('retry-amplification', () => {
  const chain = `
      service e {
        call a timeout 300ms retries 1
      }
      service a {
        call b timeout 100ms retries 1
      }
      service b {
        call c timeout 30ms retries 1
      }
      service c {
        call d timeout 10ms retries 1               // @expect retry-amplification
      }
      service d
  `;

  test('fires where one request first reaches its target more than the limit, not after', async () => {
    const findings = await expectAnnotated(chain);
    expect(only(findings, 'retry-amplification').message).toBe(
      'one request into e can reach d 16 times (8 × 2 attempts), more than the limit of 8: retries multiply down the chain',
    );
  });

  test('reach equal to the limit does not fire', async () => {
    await expectAnnotated(chain.replace('// @expect retry-amplification', ''), { maxRetryAmplification: 16 });
  });

  test('takes the worst way in from any entry', async () => {
    await expectAnnotated(`
      service gentle {
        call a timeout 100ms
      }
      service rough {
        call a timeout 100ms retries 3
      }
      service a {
        call b timeout 30ms retries 2               // @expect retry-amplification
      }
      service b
    `);
  });

  test('leaves out calls inside a cycle', async () => {
    await expectAnnotated(`
      service e {
        call a timeout 600ms retries 2
      }
      service a {
        call b timeout 100ms retries 4              // @expect dependency-cycle
      }
      service b {
        call a timeout 100ms retries 4              // @expect dependency-cycle
      }
    `);
  });
});

describe('timeout-headroom', () => {
  // The default network: 0.5ms a hop in a zone plus 0.02ms encode, each way: 1.04ms a round trip.
  const call = (timeout: string) => `
      service a {
        call b timeout ${timeout}
      }
      service b {
        work 2ms
        call c timeout 5ms retries 1 backoff 1ms
      }
      service c
    `;

  test('fires when the timeout covers the need but not the round trip, with the arithmetic', async () => {
    const findings = await analyzeText(call('13ms'));
    const f = only(findings, 'timeout-headroom');
    expect(f.severity).toBe('warning');
    expect(f.loc.start.line).toBe(2);
    expect(f.message).toBe(
      'timeout 13ms on the call to b covers what b may take (2ms work + 2 attempts × 5ms + 1 × 1ms backoff = 13ms) but not the 1.04ms round trip: a call that takes that long still times out; 14.04ms covers both',
    );
  });

  test('at its boundary: need + round trip does not fire, a microsecond less does; below the need only timeout-budget speaks', async () => {
    const codes = async (timeout: string) => (await analyzeText(call(timeout))).map((f) => f.code);
    expect(await codes('14.04ms')).toEqual([]);
    expect(await codes('14.039ms')).toEqual(['timeout-headroom']);
    expect(await codes('12.999ms')).toEqual(['timeout-budget']);
  });

  test('counts the round trip across regions when the target is missing from one of the caller\'s regions', async () => {
    const findings = await analyzeText(`
      region us-east-1 {
        zones a, b
      }
      region us-west-2 {
        zones a, b
      }
      service a {
        call b timeout 50ms
      }
      service b {
        regions us-east-1
        work 2ms
      }
    `);
    // 2ms need; across regions the default is 35ms a hop plus 20us encode, each way.
    expect(only(findings, 'timeout-headroom').message).toContain('but not the 70.04ms round trip');
  });

  test('is information on a bounded call', async () => {
    const findings = await analyzeText(`
      service edge {
        deadline 1s
        budget propagate
        call mid timeout 500ms
      }
      service mid {
        work 20ms
      }
      service other {
        call mid timeout 20ms
      }
    `);
    expect(findings.filter((f) => f.code === 'timeout-headroom').map((f) => f.severity)).toEqual(['warning']);
    const bounded = await analyzeText(`
      service edge {
        deadline 1s
        budget propagate
        call mid timeout 500ms
      }
      service mid {
        call back timeout 20ms
      }
      service back {
        work 20ms
      }
    `);
    expect(only(bounded, 'timeout-headroom').severity).toBe('info');
  });

  test('on a deadline that covers the edge but not the client\'s round trip', async () => {
    const edge = (deadline: string) => `
      service edge {
        work 2ms
        deadline ${deadline}
        call b timeout 199ms
      }
      service b
    `;
    const f = only(await analyzeText(edge('201ms')), 'timeout-headroom');
    expect(f.loc.start.line).toBe(3);
    expect(f.message).toBe(
      "deadline 201ms covers what edge may take (2ms work + 199ms = 201ms) but not the client's 1.04ms round trip: a request that takes that long still times out at the client; 202.04ms covers both",
    );
    expect((await analyzeText(edge('202.04ms'))).map((f) => f.code)).toEqual([]);
  });

  test('on a queue whose hold fits the callers but not with its own work and the round trip', async () => {
    const queued = (queue: number) => `
      service front {
        call backend timeout 500ms
      }
      service backend {
        work 10ms constant
        threads 10
        queue ${queue}
      }
    `;
    // (500ms − 10ms work − 1.04ms round trip) × 10 threads / 10ms = 488.96: 488 fit.
    expect((await analyzeText(queued(488))).map((f) => f.code)).toEqual([]);
    const f = only(await analyzeText(queued(489)), 'timeout-headroom');
    expect(f.message).toBe(
      'queue 489 may hold a request 489ms (489 × 10ms work / 10 threads), within what callers wait (500ms), but the last in line still times out: a queue of 488 fits, with room for its own 10ms work and the 1.04ms round trip',
    );
    expect((await analyzeText(queued(500))).map((f) => f.code)).toEqual(['timeout-headroom']);
    expect((await analyzeText(queued(501))).map((f) => f.code)).toEqual(['queue-timeout']);
    expect(only(await analyzeText(queued(501)), 'queue-timeout').message).toContain('a queue of 488 fits, with room for its own 10ms work and the 1.04ms round trip');
  });
});

describe('uniform-timeouts', () => {
  test('fires once, on the first call of a chain of three with one timeout', async () => {
    const findings = await expectAnnotated(`
      service top {
        call e timeout 5s
      }
      service e {
        work 0ms
        call a timeout 2s                           // @expect uniform-timeouts timeout-headroom
        call x timeout 1s
      }
      service a {
        work 0ms
        call b timeout 2s                           // @expect timeout-headroom
      }
      service b {
        work 0ms
        call c timeout 2s
      }
      service c {
        work 0ms
      }
      service x
    `);
    expect(only(findings, 'uniform-timeouts').message).toBe('e → a → b → c all wait 2s: 3 calls in a row with one timeout; budgets should shrink from the edge');
  });

  test('compares durations, not how they are written', async () => {
    await expectAnnotated(`
      service e {
        work 0ms
        call a timeout 2s                           // @expect uniform-timeouts timeout-headroom
      }
      service a {
        work 0ms
        call b timeout 2000ms                       // @expect timeout-headroom
      }
      service b {
        work 0ms
        call c timeout 2s
      }
      service c {
        work 0ms
      }
    `);
  });

  test('two calls with one timeout, or three with different ones, do not fire', async () => {
    await expectAnnotated(`
      service e {
        work 0ms
        call a timeout 2s                           // @expect timeout-headroom
      }
      service a {
        work 0ms
        call b timeout 2s
      }
      service b {
        work 0ms
      }
      service p {
        work 0ms
        call q timeout 3s
      }
      service q {
        work 0ms
        call r timeout 2s
      }
      service r {
        work 0ms
        call s timeout 1s
      }
      service s {
        work 0ms
      }
    `);
  });

  test('leaves out calls inside a cycle', async () => {
    await expectAnnotated(`
      service a {
        work 0ms
        call b timeout 2s                           // @expect dependency-cycle
      }
      service b {
        work 0ms
        call a timeout 2s                           // @expect dependency-cycle
        call c timeout 2s                           // @expect timeout-headroom
      }
      service c {
        work 0ms
        call d timeout 2s
      }
      service d {
        work 0ms
      }
    `);
  });

  test('the message cuts a long chain short', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const text = names.map((n, i) => `service ${n} {\n work 0ms\n${i < 9 ? ` call s${i + 1} timeout 1s\n` : ''}}`).join('\n');
    const f = only(await analyzeText(text), 'uniform-timeouts');
    expect(f.message).toBe('s0 → s1 → s2 → s3 → s4 → s5 → … all wait 1s: 9 calls in a row with one timeout; budgets should shrink from the edge');
  });
});
