import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadText } from './helpers.js';

async function actionsFor(text: string, code?: string): Promise<{ actions: CodeAction[]; apply: (a: CodeAction) => string }> {
  const { documents, services } = await loadText(text);
  const document = documents[0]!;
  const diagnostics = (document.diagnostics ?? []).filter((d: Diagnostic) => code === undefined || d.code === code);
  const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
    textDocument: { uri: document.uri.toString() },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, only: code === undefined ? ['source'] : ['quickfix'] },
  })) as CodeAction[];
  const apply = (a: CodeAction) => TextDocument.applyEdits(TextDocument.create('x', 'topo', 1, text), a.edit!.changes![document.uri.toString()] as TextEdit[]);
  return { actions: actions.filter((a) => code === undefined || a.kind === 'quickfix'), apply };
}

describe('quick fixes', () => {
  it('raises a timeout to cover the need, rounded up to a readable value', async () => {
    const { actions, apply } = await actionsFor('service a {\n  call b timeout 10ms\n}\nservice b {\n  work 12ms\n}', 'timeout-budget');
    // The round trip inside a region by default: 2 × (0.5ms across zones + 0.02ms encode).
    expect(actions.map((a) => a.title)).toEqual(['Raise the timeout to 15ms (b needs 12ms, its round trip 1.04ms)', 'Simulate the fix', 'Ignore this finding here']);
    expect(apply(actions[0]!)).toContain('call b timeout 15ms');
  });

  it('leaves a timeout room for the round trip past a need that is already readable', async () => {
    // 20ms would hold the budget, yet time out on every call in the simulator: 20ms + 1.04ms reads 25ms.
    const { actions, apply } = await actionsFor('service a {\n  call b timeout 10ms\n}\nservice b {\n  work 20ms\n}', 'timeout-budget');
    expect(apply(actions[0]!)).toContain('call b timeout 25ms');
  });

  it('on timeout-headroom, raises the timeout, the deadline or shrinks the queue, as the budget rule of that property does', async () => {
    const call = await actionsFor('service a {\n  call b timeout 20ms\n}\nservice b {\n  work 20ms constant\n}', 'timeout-headroom');
    expect(call.actions[0]!.title).toBe('Raise the timeout to 25ms (b needs 20ms, its round trip 1.04ms)');
    const raised = call.apply(call.actions[0]!);
    expect(raised).toContain('call b timeout 25ms');
    expect((await loadText(raised)).documents[0]!.diagnostics ?? []).toEqual([]);

    const edge = await actionsFor('service e {\n  work 2ms\n  deadline 102ms\n  call b timeout 100ms\n}\nservice b', 'timeout-headroom');
    expect(edge.actions[0]!.title).toBe("Raise the deadline to 150ms (the edge needs 102ms, the client's round trip 1.04ms)");

    const queue = await actionsFor('service c {\n  call s timeout 500ms\n}\nservice s {\n  work 10ms constant\n  threads 10\n  queue 500\n}', 'timeout-headroom');
    expect(queue.actions[0]!.title).toBe('Shrink the queue to 488 (callers wait at most 500ms, less 10ms work and the 1.04ms round trip)');
    const shrunk = queue.apply(queue.actions[0]!);
    expect(shrunk).toContain('queue 488\n');
    expect((await loadText(shrunk)).documents[0]!.diagnostics ?? []).toEqual([]);
  });

  it('adds a missing timeout sized by the target', async () => {
    const { actions, apply } = await actionsFor('service a {\n  call b retries 1\n}\nservice b {\n  work 40ms\n}', 'missing-timeout');
    // 40ms of work and the 1.04ms round trip: 41.04ms, read 50ms.
    expect(apply(actions[0]!)).toContain('call b timeout 50ms retries 1');
  });

  it('retries on a different instance', async () => {
    const { actions, apply } = await actionsFor('service a {\n  call b timeout 1s retries 1 retry same\n}\nservice b', 'retry-same-instance');
    expect(apply(actions[0]!)).toContain('retry different');
  });

  it('makes connect less than the timeout', async () => {
    const { actions, apply } = await actionsFor('service a {\n  call b timeout 100ms connect 100ms\n}\nservice b', 'connect-timeout');
    expect(apply(actions[0]!)).toContain('timeout 100ms connect 50ms');
  });

  it('scales route shares to 100%', async () => {
    const { actions, apply } = await actionsFor('service a {\n  route 70% b timeout 1s\n  route 20% c timeout 1s\n}\nservice b\nservice c', 'route-shares');
    expect(actions[0]!.title).toBe('Scale the route shares to sum to 100% (78%, 22%)');
    expect(apply(actions[0]!)).toContain('route 78% b timeout 1s\n  route 22% c');
  });

  it('replaces a whole entity with each of its facets', async () => {
    const { actions, apply } = await actionsFor('entity Video\nfacet Art of Video\nfacet Meta of Video\nservice a {\n  uses Video\n}', 'whole-entity');
    expect(actions.map((a) => a.title)).toEqual(['Use the facet Art instead of the whole Video', 'Use the facet Meta instead of the whole Video', 'Ignore this finding here']);
    expect(apply(actions[1]!)).toContain('uses Meta');
  });

  it('removes a whole entity whose facet the line uses already, rather than name the facet twice', async () => {
    const after = await actionsFor('entity Video\nfacet Art of Video\nservice a {\n  uses Art, Video\n}', 'whole-entity');
    expect(after.actions.map((a) => a.title)).toEqual(['Remove the whole Video: it uses Art already', 'Ignore this finding here']);
    expect(after.apply(after.actions[0]!)).toContain('  uses Art\n}');
    const first = await actionsFor('entity Video\nfacet Art of Video\nservice a {\n  uses Video, Art\n}', 'whole-entity');
    expect(first.apply(first.actions[0]!)).toContain('  uses Art\n}');
  });

  it('raises a deadline to cover the edge', async () => {
    const { actions, apply } = await actionsFor('service e {\n  layer edge\n  deadline 100ms\n  call b timeout 150ms\n}\nservice b', 'deadline-budget');
    expect(apply(actions[0]!)).toContain('deadline 200ms');
  });
});

describe('source action: Fix timeout budgets', () => {
  it('rewrites the retry storm so every budget holds and timeouts shrink from the edge', async () => {
    const before = readFileSync(join(import.meta.dirname, '../../../examples/retry-storm.topo'), 'utf8');
    const { actions, apply } = await actionsFor(before);
    const fix = actions.find((a) => a.kind === 'source.fixTimeoutBudgets')!;
    const after = apply(fix);
    const timeouts = (t: string) => [...t.matchAll(/call (\w+) timeout (\S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(timeouts(before)).toEqual(['middle 2s', 'backend 2s', 'store 2s']);
    const planned = timeouts(after);
    expect(planned).not.toEqual(timeouts(before));
    const { findings } = await loadText(after);
    expect(findings.filter((f) => f.code === 'timeout-budget' || f.code === 'deadline-budget')).toEqual([]);
    const ms = (d: string) => (d.endsWith('ms') ? Number(d.slice(0, -2)) : Number(d.slice(0, -1)) * 1000);
    const values = planned.map((p) => ms(p.split(' ')[1]!));
    expect(values[0]! > values[1]! && values[1]! > values[2]!).toBe(true);
  });

  it('is not offered when every budget holds', async () => {
    const { actions } = await actionsFor('service a {\n  call b timeout 10ms\n}\nservice b');
    expect(actions.filter((a) => a.kind === 'source.fixTimeoutBudgets')).toEqual([]);
  });
});
