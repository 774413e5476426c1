// planTimeoutBudgetFixes, the "Fix timeout budgets" source action: the text before and
// after, and properties over random acyclic architectures.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze, formatDuration, needOf, planTimeoutBudgetFixes, readableTimeoutAtLeast, type Model } from '@topo/model';
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
    // mid's least need is 20ms work + 5ms: no call may be shorter than 25ms, and the edge needs 26ms.
    expect(after).toBe(before.replace('call mid timeout 1s', 'call mid timeout 25ms').replace('call back timeout 1s', 'call back timeout 5ms'));
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

/**
 * The least need a service can have when every call below it has the least readable
 * timeout that covers its target: no plan can meet a deadline shorter than this.
 */
function leastNeed(model: Model, name: string): number {
  const component = [...model.services, ...model.datastores, ...model.caches].find((c) => c.name === name)!;
  return needOf(component, (call) => {
    const attempts = 1 + call.retries;
    return { call, attempts, ms: attempts * readableTimeoutAtLeast(leastNeed(model, call.target)) + call.retries * call.backoffMs };
  }).ms;
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
  test('after the plan every call budget holds, every deadline that can be met is, and planning again changes nothing', async () => {
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
        expect(planTimeoutBudgetFixes(model)).toEqual([]);
        if (!before.some((f) => budgetCodes.has(f.code))) expect(fixes).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
