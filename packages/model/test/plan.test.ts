// planTimeoutBudgetFixes, the "Fix timeout budgets" source action: the text before and
// after, and properties over random acyclic architectures.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze, callNetworkMs, formatDuration, needOf, planTimeoutBudgetFixes, readableTimeoutAtLeast, type Call, type Component, type Model } from '@topo/model';
import { simulate } from '@topo/simulator';
import { modelOf } from './topo.js';

/** Rewrites `timeout X` of each planned call, as the source action does. */
function applyPlan(text: string, model: Model): string {
  const calls = new Map(model.services.flatMap((s) => s.calls).map((c) => [c.id, c]));
  const lines = text.split('\n');
  const edits = planTimeoutBudgetFixes(model).map((fix) => ({ loc: calls.get(fix.callId)!.locs.timeout!, text: `timeout ${formatDuration(fix.timeoutMs)}` }));
  edits.sort((a, b) => b.loc.start.line - a.loc.start.line || b.loc.start.character - a.loc.start.character);
  for (const { loc, text: replacement } of edits) {
    const line = lines[loc.start.line]!;
    lines[loc.start.line] = line.slice(0, loc.start.character) + replacement + line.slice(loc.end.character);
  }
  return lines.join('\n');
}

async function fix(text: string): Promise<string> {
  return applyPlan(text, await modelOf(text));
}

const budgetCodes = new Set(['timeout-budget', 'deadline-budget', 'uniform-timeouts']);
async function budgetFindings(text: string): Promise<string[]> {
  return analyze(await modelOf(text))
    .filter((f) => budgetCodes.has(f.code))
    .map((f) => `${f.loc.start.line + 1}: ${f.code}`);
}

describe('planTimeoutBudgetFixes', () => {
  test('the retry storm: timeouts shrink from the edge to fit its deadline', async () => {
    const before = `
service edge {
  layer edge
  work 1ms
  deadline 5s
  call middle timeout 2s retries 2
}
service middle {
  layer esl
  work 1ms
  call backend timeout 2s retries 2
}
service backend {
  layer sal
  work 1ms
  call store timeout 2s retries 2
}
datastore store: cassandra
`;
    const after = await fix(before);
    // The edge fits 1ms + 3 × t under 5s less the client's 1.04ms round trip: t = 1.5s. middle
    // then fits under 1.5s less its call's 1.04ms: 1ms + 3 × t ≤ 1498.96ms, t = 400ms; backend
    // under 398.96ms: t = 100ms. (store at read ONE waits on no replica, so its room is 1.04ms too.)
    expect(after).toBe(`
service edge {
  layer edge
  work 1ms
  deadline 5s
  call middle timeout 1.5s retries 2
}
service middle {
  layer esl
  work 1ms
  call backend timeout 400ms retries 2
}
service backend {
  layer sal
  work 1ms
  call store timeout 100ms retries 2
}
datastore store: cassandra
`);
    expect(await budgetFindings(before)).toHaveLength(4);
    expect(await budgetFindings(after)).toEqual([]);
  });

  test('without a deadline, only the call that falls short is raised, to a readable value', async () => {
    const before = `
service a {
  call b timeout 10ms
  call c timeout 5ms
}
service b {
  work 2ms
  call c timeout 5ms retries 1 backoff 1ms
}
service c
`;
    expect(await fix(before)).toBe(before.replace('call b timeout 10ms', 'call b timeout 15ms'));
  });

  test('a model whose budgets hold is left alone', async () => {
    const text = `
service wwwproxy {
  deadline 1s
  route 80% homepage timeout 400ms retries 1
  route 20% login timeout 400ms retries 1
}
service homepage {
  work 8ms
  parallel {
    call subscriber timeout 150ms retries 1
    call videos timeout 150ms retries 1
  }
}
service login {
  call subscriber timeout 150ms retries 1
}
service subscriber {
  call db timeout 40ms retries 1
}
service videos
datastore db: cassandra
`;
    expect(planTimeoutBudgetFixes(await modelOf(text))).toEqual([]);
  });

  test('two edges over one service: the tighter budget wins, the other call keeps its timeout', async () => {
    const before = `
service gateway {
  work 2ms
  deadline 500ms
  route 70% search timeout 200ms retries 1
  route 30% browse timeout 200ms
}
service mobile {
  work 2ms
  deadline 150ms
  call search timeout 200ms
}
service search {
  work 5ms
  call index timeout 150ms retries 1
}
service index {
  work 20ms
}
service browse
`;
    const after = await fix(before);
    expect(after).toBe(before.replace('call search timeout 200ms', 'call search timeout 100ms').replace('call index timeout 150ms', 'call index timeout 40ms'));
    expect(await budgetFindings(after)).toEqual([]);
  });

  test('only the most expensive calls are capped; cheap ones keep their timeouts', async () => {
    const before = `
service edge {
  deadline 60ms
  call slow timeout 80ms
  call quick timeout 5ms
  call quick timeout 5ms
}
service slow {
  call quick timeout 70ms
}
service quick
`;
    expect(await fix(before)).toBe(before.replace('call slow timeout 80ms', 'call slow timeout 40ms').replace('call quick timeout 70ms', 'call quick timeout 30ms'));
    expect(planTimeoutBudgetFixes(await modelOf(before.replace('deadline 60ms', 'deadline 100ms')))).toEqual([]);
  });

  test('a deadline no timeouts can meet: every call budget holds, the deadline stays reported', async () => {
    const before = `
service edge {
  work 1ms
  deadline 10ms
  call mid timeout 1s
}
service mid {
  work 20ms
  call back timeout 1s
}
service back {
  work 5ms
}
`;
    const after = await fix(before);
    // Each call leaves room for its round trip, 2 × (0.5ms + 0.02ms) = 1.04ms: back's 5ms
    // makes mid → back at least 7ms, mid's least need 20 + 7 = 27ms, and edge → mid at least
    // 28.04ms, read 30ms. The edge then needs 31ms, past its deadline: edge → mid stays at
    // 30ms, and mid fits under 30 - 1.04 = 28.96ms with back at 8ms, the largest readable
    // timeout up to 8.96ms.
    expect(after).toBe(before.replace('call mid timeout 1s', 'call mid timeout 30ms').replace('call back timeout 1s', 'call back timeout 8ms'));
    expect(await budgetFindings(after)).toEqual(['4: deadline-budget']);
  });

  test('leaves calls inside cycles and calls without timeouts alone', async () => {
    const text = `
service a {
  deadline 10ms
  call b timeout 1s
  call c
  call d timeout 1s
}
service b {
  call a timeout 1s
}
service c
service d
`;
    expect(planTimeoutBudgetFixes(await modelOf(text))).toEqual([]);
  });
});

describe('a timeout kept at a floor that equals it', () => {
  test('still makes its target fit in it (a random architecture found this)', async () => {
    // s1 needs 1ms + 2 × 3ms = 7ms, more than s0's 6ms. s0's deadline of 1ms cannot be met,
    // so s0 → s1 stays at its floor: s1's least need 1 + 2 × 1.5 = 4ms, plus the round trip
    // 1.04ms, reads 6ms, the timeout as written. s1 must then fit in 6 - 1.04 = 4.96ms:
    // 1ms + 2 × t ≤ 4.96ms, t = 1.5ms, the largest readable timeout up to 1.98ms.
    const before = 'service s0 {\n  work 0ms\n  deadline 1ms\n  call s1 timeout 6ms retries 0\n}\nservice s1 {\n  work 1ms\n  call s2 timeout 3ms retries 1\n}\nservice s2 {\n  work 0ms\n}\n';
    const after = await fix(before);
    expect(after).toBe(before.replace('call s2 timeout 3ms', 'call s2 timeout 1.5ms'));
    expect(await budgetFindings(after)).toEqual(['3: deadline-budget']);
  });
});

describe('the planned timeouts, simulated', () => {
  // Constant work, so the simulation's times are exact: a request crosses client → edge →
  // mid → back and mid → store, each one-way hop inside a zone 0.1ms + 0.02ms encode (every
  // component has an instance in each zone and the load balancer stays in the caller's), and
  // the store, Cassandra writing at QUORUM, waits for a replica in another zone: 0.5ms +
  // 0.02ms each way. Budgets that hold to the last microsecond would leave no room for them.
  const text = `
service edge {
  layer edge
  work 1ms constant
  deadline 100ms
  call mid timeout 10ms
}
service mid {
  work 4ms constant
  call back timeout 10ms
  call store write timeout 1ms
}
service back {
  work 20ms constant
}
datastore store: cassandra {
  work 2ms constant
}
scenario calm {
  load 20 rps into edge for 5s
}
`;

  test('leave each call its network: no call times out, and the budgets hold', async () => {
    const model = await modelOf(text);
    const fixes = planTimeoutBudgetFixes(model);
    const fixed = structuredClone(model);
    const calls = new Map(fixed.services.flatMap((s) => s.calls).map((c) => [c.id, c]));
    for (const f of fixes) calls.get(f.callId)!.timeoutMs = f.timeoutMs;
    // mid → back: 20ms of work + a round trip of 2 × 0.52ms (the longest inside a region) = 21.04ms, read 25ms.
    // mid → store: 2ms + that round trip + the coordinator's to a replica, 2 × 1.04ms = 4.08ms, read 5ms.
    // edge → mid: need(mid) = 4 + 25 + 5 = 34ms, + 1.04ms = 35.04ms, read 40ms; need(edge) = 41ms fits the 100ms deadline.
    // (Without the room the plan wrote 20ms, 2ms and 30ms: every call to back timed out, 20.24ms after it was sent.)
    expect(fixed.services.flatMap((s) => s.calls.map((c) => `${s.name} → ${c.target} ${formatDuration(c.timeoutMs!)}`))).toEqual(['edge → mid 40ms', 'mid → back 25ms', 'mid → store 5ms']);
    expect(analyze(fixed).filter((f) => budgetCodes.has(f.code))).toEqual([]);
    const r = await simulate(fixed, { scenario: 'calm' });
    expect(r.requests).toBeGreaterThan(50);
    expect([r.timeouts, r.clientTimeouts, r.failed, r.succeeded]).toEqual([0, 0, 0, r.requests]);
    // Every request takes 1 + 4 + 20 + 2 = 27ms of work, 8 hops inside a zone (4 round trips)
    // of 0.12ms and the replica's round trip of 1.04ms: 29ms.
    expect(r.latencyMs.min).toBeCloseTo(29, 1);
    expect(r.latencyMs.max).toBeCloseTo(29, 1);
  });

  test('take the room from the model’s network, across regions where the target is not in the caller’s', async () => {
    const model = await modelOf(`
region us-east-1 {
  zones a, b, c
}
region eu-west-1 {
  zones a, b, c
}
network {
  crosszone 2ms
  crossregion 40ms
}
service web {
  work 1ms constant
  call near timeout 10ms
  call far timeout 10ms
}
service near {
  work 20ms constant
}
service far {
  regions us-east-1
  work 20ms constant
}
scenario calm {
  load 20 rps into web for 5s
}
`);
    const fixed = structuredClone(model);
    const calls = new Map(fixed.services.flatMap((s) => s.calls).map((c) => [c.id, c]));
    for (const f of planTimeoutBudgetFixes(model)) calls.get(f.callId)!.timeoutMs = f.timeoutMs;
    // near runs in both of web's regions: 20ms + 2 × (2ms + 0.02ms) = 24.04ms, read 25ms.
    // far runs in us-east-1 only, so web in eu-west-1 calls across: 20ms + 2 × (40ms + 0.02ms) = 100.04ms, read 150ms.
    expect(fixed.services[0]!.calls.map((c) => formatDuration(c.timeoutMs!))).toEqual(['25ms', '150ms']);
    const r = await simulate(fixed, { scenario: 'calm' });
    expect(r.requests).toBeGreaterThan(50);
    expect([r.timeouts, r.failed]).toEqual([0, 0]);
  });
});

/**
 * The least need a service can have when every call below it has the least readable
 * timeout that covers its target and the call's network (`callNetworkMs`): no plan that
 * leaves each call its network can meet a deadline shorter than this.
 */
function leastNeed(model: Model, name: string): number {
  const component = componentOf(model, name)!;
  return needOf(component, (call) => {
    const attempts = 1 + call.retries;
    return { call, attempts, ms: attempts * leastTimeout(model, call) + call.retries * call.backoffMs };
  }).ms;
}

function leastTimeout(model: Model, call: Call): number {
  return readableTimeoutAtLeast(leastNeed(model, call.target) + callNetworkMs(model.network, call, (n) => componentOf(model, n)));
}

function componentOf(model: Model, name: string): Component | undefined {
  return [...model.services, ...model.datastores, ...model.caches].find((c) => c.name === name);
}

/** A random layered architecture: service i calls only services after it. */
const architecture = fc
  .array(
    fc.record({
      workMs: fc.integer({ min: 0, max: 20 }),
      deadlineMs: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
      calls: fc.array(
        fc.record({ to: fc.nat(), timeoutMs: fc.integer({ min: 1, max: 2000 }), retries: fc.integer({ min: 0, max: 2 }), parallel: fc.boolean() }),
        { maxLength: 3 },
      ),
    }),
    { minLength: 2, maxLength: 8 },
  )
  .map((services) =>
    services
      .map((s, i) => {
        const calls = i + 1 < services.length ? s.calls.map((c) => ({ ...c, to: i + 1 + (c.to % (services.length - i - 1)) })) : [];
        const line = (c: (typeof calls)[number]) => `call s${c.to} timeout ${c.timeoutMs}ms retries ${c.retries}`;
        const sequential = calls.filter((c) => !c.parallel).map(line);
        const parallel = calls.filter((c) => c.parallel).map(line);
        return [
          `service s${i} {`,
          `work ${s.workMs}ms`,
          ...(s.deadlineMs ? [`deadline ${s.deadlineMs}ms`] : []),
          ...sequential,
          ...(parallel.length > 0 ? ['parallel {', ...parallel, '}'] : []),
          '}',
        ].join('\n');
      })
      .join('\n'),
  );

describe('planTimeoutBudgetFixes on random architectures', () => {
  test('after the plan every call budget holds, every deadline that can be met is, each timeout it writes leaves the call its network, and planning again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(architecture, async (text) => {
        const original = await modelOf(text);
        const before = analyze(original);
        const model = structuredClone(original);
        const fixes = planTimeoutBudgetFixes(model);
        const calls = new Map(model.services.flatMap((s) => s.calls).map((c) => [c.id, c]));
        for (const f of fixes) calls.get(f.callId)!.timeoutMs = f.timeoutMs;
        const after = analyze(model);
        expect(after.filter((f) => f.code === 'timeout-budget')).toEqual([]);
        const missed = after.filter((f) => f.code === 'deadline-budget').map((f) => f.subject);
        const meetable = model.services.filter((s) => s.deadlineMs !== undefined && s.deadlineMs >= leastNeed(model, s.name)).map((s) => s.name);
        expect(missed.filter((name) => name !== undefined && meetable.includes(name))).toEqual([]);
        for (const f of fixes) {
          const call = calls.get(f.callId)!;
          const room = needOf(componentOf(model, call.target)!).ms + callNetworkMs(model.network, call, (n) => componentOf(model, n));
          expect(f.timeoutMs, `${call.from} → ${call.target}`).toBeGreaterThanOrEqual(room * (1 - 1e-9));
        }
        expect(planTimeoutBudgetFixes(model)).toEqual([]);
        if (!before.some((f) => budgetCodes.has(f.code))) expect(fixes).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
