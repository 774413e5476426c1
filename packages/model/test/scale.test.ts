// The analysis is linear: cycles by Tarjan's algorithm, reach and chains by dynamic
// programming, never by enumerating paths. A 40-layer diamond lattice has 2^40 paths from
// its top to its bottom; enumerating them would never finish.
import { describe, expect, test } from 'vitest';
import { AnalysisContext, analyze, planTimeoutBudgetFixes } from '@topo/model';
import { stronglyConnectedComponents } from '../src/analysis/graph.js';
import { modelOf } from './topo.js';

const LAYERS = 40;

/** top → {a1, b1} → {a2, b2} → … → {a40, b40}, every node calling both nodes of the next layer. */
function lattice(): string {
  const calls = (k: number) => `parallel {\n call a${k} timeout 1s retries 1\n call b${k} timeout 1s retries 1\n }`;
  const lines = [`service top {\n work 0ms\n ${calls(1)}\n}`];
  for (let k = 1; k <= LAYERS; k++) {
    for (const side of ['a', 'b']) lines.push(`service ${side}${k} {\n work 0ms\n ${k < LAYERS ? calls(k + 1) : ''}\n}`);
  }
  return lines.join('\n');
}

describe('a 40-layer diamond lattice', () => {
  test('reach, chains, findings and the budget plan without enumerating paths', async () => {
    const model = await modelOf(lattice());
    const ctx = new AnalysisContext(model);
    expect(ctx.reach('a40')).toEqual({ times: 2 ** 40, entry: 'top', budgeted: [] });
    const first = model.services[0]!.calls[0]!;
    expect(ctx.uniformChain(first)!.length).toBe(LAYERS);

    const findings = analyze(model);
    const count = (code: string) => findings.filter((f) => f.code === code).length;
    // Every call into layers 1..39 waits 1s for a need of 2 attempts × 1s.
    expect(count('timeout-budget')).toBe(2 + 4 * (LAYERS - 2));
    // Reach 8 is reached in layer 3; the calls out of it cross the limit.
    expect(count('retry-amplification')).toBe(4);
    // One chain of 1s timeouts, reported on both of its first calls.
    expect(count('uniform-timeouts')).toBe(2);

    const fixes = planTimeoutBudgetFixes(model, ctx);
    for (const fix of fixes) {
      const call = model.services.flatMap((s) => s.calls).find((c) => c.id === fix.callId)!;
      call.timeoutMs = fix.timeoutMs;
    }
    const after = analyze(model);
    expect(after.filter((f) => f.code === 'timeout-budget' || f.code === 'uniform-timeouts')).toEqual([]);
  });
});

describe('strongly connected components', () => {
  test('finds cycles and self-loops, callees before callers', () => {
    // 0 → 1 → 2 → 0, 2 → 3, 3 → 3, 4 → 0
    const { of, list } = stronglyConnectedComponents([[1], [2], [0, 3], [3], [0]]);
    expect(of[0]).toBe(of[1]);
    expect(of[1]).toBe(of[2]);
    expect(new Set([of[0], of[3], of[4]]).size).toBe(3);
    expect(list.map((c) => [...c].sort())).toEqual([[3], [0, 1, 2], [4]]);
  });

  test('a chain of 200,000 nodes does not overflow the stack', () => {
    const n = 200_000;
    const successors = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const { list } = stronglyConnectedComponents(successors);
    expect(list).toHaveLength(1);
    const open = stronglyConnectedComponents(Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [])));
    expect(open.list).toHaveLength(n);
    expect(open.list[0]).toEqual([n - 1]);
  });
});
