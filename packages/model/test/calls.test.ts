// Rules on one call or one service's calls: missing-timeout, connect-timeout,
// retry-same-instance, chatty-calls, route-shares.
import { describe, expect, test } from 'vitest';
import { analyzeText, expectAnnotated, only } from './topo.js';

describe('missing-timeout', () => {
  test('fires on a call without a timeout, in any group', async () => {
    const findings = await expectAnnotated(`
      service a {
        call b                                      // @expect missing-timeout
        call b timeout 10ms
        parallel {
          call b                                    // @expect missing-timeout
        }
      }
      service b
    `);
    expect(findings.every((f) => f.severity === 'warning' && f.callId !== undefined)).toBe(true);
  });
});

describe('connect-timeout', () => {
  test('fires when connect is not shorter than timeout', async () => {
    const findings = await expectAnnotated(`
      service a {
        call b timeout 100ms connect 200ms          // @expect connect-timeout
        call c timeout 100ms connect 100ms          // @expect connect-timeout
        call d timeout 100ms connect 99ms
        call e connect 20ms                         // @expect missing-timeout
      }
      service b
      service c
      service d
      service e
    `);
    expect(findings.find((f) => f.code === 'connect-timeout')!.message).toBe(
      'connect 200ms is not shorter than timeout 100ms: a dead instance of b is only given up on when the whole timeout has passed',
    );
    expect(findings.find((f) => f.code === 'connect-timeout')!.severity).toBe('error');
  });
});

describe('retry-same-instance', () => {
  test('fires on retry same, and on retries to a target with one instance per region', async () => {
    const findings = await expectAnnotated(`
      service a {
        call many timeout 10ms retries 1 retry same // @expect retry-same-instance
        call many timeout 10ms retries 1
        call lone timeout 10ms retries 2            // @expect retry-same-instance
        call lone timeout 10ms
        call managed timeout 10ms retries 2
      }
      service many {
        instances 3 of m5.large
      }
      cache lone: redis {
        instances 1 of r5.large                     // @expect single-zone
      }
      datastore managed: dynamodb
    `);
    expect(findings.filter((f) => f.code === 'retry-same-instance').map((f) => f.message)).toEqual([
      'the call to many retries, but with retry same, its retry goes back to the instance that just failed: retry only on a different instance of a replicated service',
      'the call to lone retries, but lone has one instance per region, so each of its 2 retries goes back to the instance that just failed: retry only on a different instance of a replicated service',
    ]);
  });
});

describe('chatty-calls', () => {
  test('fires on the third sequential call to one target, once', async () => {
    await expectAnnotated(`
      service a {
        call b timeout 10ms
        call c timeout 10ms
        call b timeout 10ms
        call b timeout 10ms                         // @expect chatty-calls
        call b timeout 10ms
      }
      service b
      service c
    `);
  });

  test('says "in each request" only when every counted call happens in each request', async () => {
    const message = async (option: string) =>
      only(
        await analyzeText(`
          cache c: redis
          service a {
            call b timeout 10ms
            call b timeout 10ms${option}
            call b timeout 10ms
          }
          service b
        `),
        'chatty-calls',
      ).message;
    expect(await message('')).toBe('a calls b 3 times one after another in each request: every round trip adds latency; ask once for what it needs');
    expect(await message(' share 10%')).toBe('a calls b 3 times one after another in a request that makes them all: every round trip adds latency; ask once for what it needs');
    expect(await message(' on miss c')).toContain('in a request that makes them all');
  });

  test('parallel calls and routes do not count', async () => {
    await expectAnnotated(`
      service a {
        call b timeout 10ms
        call b timeout 10ms
        parallel {
          call b timeout 10ms
          call b timeout 10ms
        }
        route 100% b timeout 10ms
      }
      service b
    `);
  });
});

describe('route-shares', () => {
  test('fires on the first route when the shares do not sum to 100%', async () => {
    const findings = await expectAnnotated(`
      service a {
        route 70% b timeout 10ms                    // @expect route-shares
        route 20% c timeout 10ms
      }
      service b
      service c
    `);
    const f = only(findings, 'route-shares');
    expect(f.message).toBe('the routes of a add up to 90%, not 100%: 70% b + 20% c');
    expect(f.severity).toBe('error');
  });

  test('shares that sum to 100% (up to rounding) do not fire', async () => {
    await expectAnnotated(`
      service a {
        route 10% b timeout 10ms
        route 20% c timeout 10ms
        route 70% b timeout 10ms
      }
      service b
      service c
      service d {
        route 33.3% b timeout 10ms
        route 33.3% c timeout 10ms
        route 33.4% b timeout 10ms
      }
    `);
  });
});
