// The resilience options in the language: parsing in any order, lowering with the defaults,
// repeats and values, the analysis' budgeted reach and queue-timeout, hover, completion,
// quick fixes and topo diff.
import { diffModels } from '@topo/model';
import { describe, expect, it } from 'vitest';
import type { CodeAction, CompletionList, Diagnostic, Hover, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codesByLine, loadText } from './helpers.js';

const chain = (budget: string) => `service edge {
  call middle timeout 2s retries 2${budget}
}
service middle {
  call backend timeout 500ms retries 2${budget}
}
service backend`;

describe('parsing and lowering', () => {
  it('takes the options in any order, with the defaults for a bare breaker', async () => {
    const { model, findings } = await loadText('service a {\n  call b fallback bulkhead 40 breaker timeout 400ms retry budget 20% retries 2 retry same\n}\nservice b {\n  queue 50\n}');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const call = model.services[0]!.calls[0]!;
    expect(call).toMatchObject({ timeoutMs: 400, retries: 2, retry: 'same', retryBudget: 0.2, bulkhead: 40, fallback: true, breaker: { threshold: 0.5, volume: 20, windowMs: 10_000, openMs: 5_000 } });
    expect(model.services[1]!.queue).toBe(50);
    expect(model.services[0]!.queue).toBeUndefined();
  });

  it('lowers the long form of the breaker and locates each option', async () => {
    const text = 'service a {\n  call b timeout 100ms breaker 40% of 10 over 30s open 2s\n}\nservice b';
    const { model } = await loadText(text);
    const call = model.services[0]!.calls[0]!;
    expect(call.breaker).toEqual({ threshold: 0.4, volume: 10, windowMs: 30_000, openMs: 2_000 });
    expect(call.fallback).toBe(false);
    const loc = call.locs.breaker!;
    expect(text.split('\n')[loc.start.line]!.slice(loc.start.character, loc.end.character)).toBe('breaker 40% of 10 over 30s open 2s');
  });

  it('queue on datastores and caches too', async () => {
    const { model } = await loadText('datastore d: cassandra {\n  queue 200\n}\ncache c: redis {\n  queue 10\n}');
    expect(model.datastores[0]!.queue).toBe(200);
    expect(model.caches[0]!.queue).toBe(10);
  });

  it('reports an option given twice, but not `retry same` beside `retry budget`', async () => {
    const twice = await loadText('service a {\n  call b timeout 1s breaker breaker\n}\nservice b');
    expect(codesByLine(twice)).toContain('duplicate-property@2');
    const both = await loadText('service a {\n  call b timeout 1s retries 1 retry different retry budget 20%\n}\nservice b');
    expect(codesByLine(both)).not.toContain('duplicate-property@2');
    const budgets = await loadText('service a {\n  call b timeout 1s retries 1 retry budget 20% retry budget 10%\n}\nservice b');
    expect(codesByLine(budgets)).toContain('duplicate-property@2');
  });

  it('resilience-value: values the simulator cannot honour, and not their boundaries', async () => {
    const messages = async (options: string, queue = '10') =>
      (await loadText(`service a {\n  call b timeout 1s ${options}\n}\nservice b {\n  queue ${queue}\n}`)).findings.filter((f) => f.code === 'resilience-value').map((f) => f.message);
    expect(await messages('bulkhead 0')).toEqual(['a bulkhead lets a whole number of attempts, at least 1, be in flight, not 0']);
    expect(await messages('breaker 150% of 0 over 0s open 5s')).toEqual([
      'a breaker opens at most at 100% failed, not 150%',
      "a breaker's volume is a whole number of attempts, at least 1, not 0",
      "a breaker's window must last longer than 0: it counts the attempts that ended in it",
    ]);
    expect(await messages('retries 1 retry budget 101%')).toEqual(['a retry budget is at most 100% of the attempts in flight, not 101%']);
    expect(await messages('bulkhead 1', '2.5')).toEqual(['a queue holds a whole number of requests, not 2.5']);
    expect(await messages('breaker 100% of 1 over 1s open 1s bulkhead 1 retries 1 retry budget 100%', '0')).toEqual([]);
  });

  it('a breaker with a number where the share goes is a syntax error', async () => {
    const { findings } = await loadText('service a {\n  call b timeout 100ms breaker 50 of 20 over 10s open 5s\n}\nservice b');
    expect(findings.find((f) => f.code === 'syntax')?.loc.start.line).toBe(1);
  });
});

describe('analysis', () => {
  it('retry-amplification counts budgeted attempts as 1 + min(retries, P): the budgeted chain passes', async () => {
    const plain = await loadText(chain(''));
    const f = plain.findings.find((x) => x.code === 'retry-amplification');
    expect(f?.message).toBe('one request into edge can reach backend 9 times (3 × 3 attempts), more than the limit of 8: retries multiply down the chain');
    const budgeted = await loadText(chain(' retry budget 20%'));
    expect(budgeted.findings.map((x) => x.code)).not.toContain('retry-amplification');
  });

  it('names the calls with a budget it counted', async () => {
    const text = `service edge {
  call middle timeout 4s retries 7 retry budget 50%
}
service middle {
  call backend timeout 400ms retries 7
}
service backend`;
    const f = (await loadText(text)).findings.find((x) => x.code === 'retry-amplification');
    expect(f?.message).toBe(
      'one request into edge can reach backend 12 times (1.5 × 8 attempts), more than the limit of 8: retries multiply down the chain; counted with its retry budget: edge → middle (50%)',
    );
  });

  it('queue-timeout: fires above the longest caller timeout, not at it, not with a call that waits forever', async () => {
    const at = (queue: number, timeouts: string[]) =>
      `${timeouts.map((t, i) => `service c${i} {\n  call s${t}\n}`).join('\n')}\nservice s {\n  work 1ms\n  threads 10\n  queue ${queue}\n}`;
    const codes = async (text: string) => (await loadText(text)).findings.map((f) => f.code);
    expect(await codes(at(5001, [' timeout 500ms', ' timeout 200ms']))).toContain('queue-timeout');
    expect(await codes(at(5000, [' timeout 500ms', ' timeout 200ms']))).not.toContain('queue-timeout');
    expect(await codes(at(5001, [' timeout 500ms', '']))).not.toContain('queue-timeout');
  });
});

async function hoverAt(text: string, needle: string): Promise<string> {
  const { documents, services } = await loadText(text);
  const document = documents[0]!;
  const position = document.textDocument.positionAt(text.indexOf(needle));
  const hover = (await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position })) as Hover | undefined;
  return (hover?.contents as { value: string } | undefined)?.value ?? '';
}

describe('hover', () => {
  it("on a budgeted call: the worst case with and without the budget, and each option's numbers", async () => {
    const value = await hoverAt(chain(' retry budget 20% breaker bulkhead 40 fallback').replace('2s retries 2 retry budget 20% breaker bulkhead 40 fallback', '2s retries 2 retry budget 20%'), 'backend timeout');
    expect(value).toContain('- middle runs ×1.2 from edge; this call multiplies it by 1.2');
    expect(value).toContain('- worst case: backend reached ×1.44 from edge with the retry budget (1 + min(2 retries, 20%)), ×3.6 without it; the time it may take is the same');
    expect(value).toContain(
      "- breaker 50% of 20 over 10s open 5s (Hystrix's defaults): per middle instance, opens when at least 20 attempts to backend ended in the last 10s and 50% of them failed",
    );
    expect(value).toContain('- retry budget 20%: a retry is sent only while the retries in flight from one middle instance to backend stay below max(3, 20% × its attempts in flight there)');
    expect(value).toContain('- bulkhead 40: at most 40 attempts in flight from one middle instance to backend; one more fails at once (rejected)');
    expect(value).toContain('- fallback: when the call has finally failed, middle goes on as if it had succeeded and the request counts as degraded');
  });

  it('on a component with a queue: what a full queue holds against the callers', async () => {
    const value = await hoverAt('service c {\n  call s timeout 500ms\n}\nservice s {\n  work 1ms\n  threads 10\n  queue 10000\n}', 's {');
    expect(value).toContain('- queue 10000 per instance beyond its 10 threads: a full queue holds its last request about 1s (10000 × 1ms work / 10 threads)');
    expect(value).toContain('callers wait at most 500ms, a queue of 4979 fits, with room for its own 1ms work and the 1.04ms round trip');
  });
});

describe('completion', () => {
  it('offers the resilience options after a call, with what they do', async () => {
    const text = 'service a {\n  call b timeout 1s \n}\nservice b';
    const { documents, services } = await loadText(text);
    const document = documents[0]!;
    const position = document.textDocument.positionAt(text.indexOf('1s ') + 3);
    const list = (await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position })) as CompletionList;
    const detail = (label: string) => list.items.find((i) => i.label === label)?.detail;
    expect(detail('breaker')).toBe("circuit breaker per caller instance; alone: breaker 50% of 20 over 10s open 5s (Hystrix's defaults)");
    expect(detail('bulkhead')).toContain('at most N attempts in flight');
    expect(detail('fallback')).toContain('degraded');
    expect(list.items.map((i) => i.label)).toContain('retry');
  });
});

async function quickFixes(text: string, code: string): Promise<{ actions: CodeAction[]; apply: (a: CodeAction) => string }> {
  const { documents, services } = await loadText(text);
  const document = documents[0]!;
  const diagnostics = (document.diagnostics ?? []).filter((d: Diagnostic) => d.code === code);
  expect(diagnostics).toHaveLength(1);
  const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
    textDocument: { uri: document.uri.toString() },
    range: diagnostics[0]!.range,
    context: { diagnostics, only: ['quickfix'] },
  })) as CodeAction[];
  const apply = (a: CodeAction) => TextDocument.applyEdits(TextDocument.create('x', 'topo', 1, text), a.edit!.changes![document.uri.toString()] as TextEdit[]);
  return { actions, apply };
}

describe('quick fixes', () => {
  it('"Add a retry budget (20%)" on retry-amplification, which then passes', async () => {
    const { actions, apply } = await quickFixes(chain(''), 'retry-amplification');
    const fix = actions.find((a) => a.title === 'Add a retry budget (20%)')!;
    const fixed = apply(fix);
    expect(fixed).toContain('call backend timeout 500ms retries 2 retry budget 20%\n');
    expect((await loadText(fixed)).findings.map((f) => f.code)).not.toContain('retry-amplification');
  });

  it('"Shrink the queue to N" on queue-timeout, N the largest that fits with the work and the round trip', async () => {
    const text = 'service c {\n  call s timeout 500ms\n}\nservice s {\n  work 1ms\n  threads 10\n  queue 10000\n}';
    const { actions, apply } = await quickFixes(text, 'queue-timeout');
    const fix = actions.find((a) => a.title.startsWith('Shrink the queue'))!;
    // (500ms − 1ms work − 1.04ms round trip) × 10 threads / 1ms = 4979.6.
    expect(fix.title).toBe('Shrink the queue to 4979 (callers wait at most 500ms, less 1ms work and the 1.04ms round trip)');
    const fixed = apply(fix);
    expect(fixed).toContain('queue 4979\n');
    expect((await loadText(fixed)).findings.map((f) => f.code)).toEqual([]);
  });
});

describe('topo diff', () => {
  it('says what changed in the resilience options as the language writes them', async () => {
    const before = (await loadText('service a {\n  call b timeout 1s retries 2\n}\nservice b')).model;
    const after = (await loadText('service a {\n  call b timeout 1s retries 2 retry budget 20% breaker fallback\n}\nservice b {\n  queue 10\n}')).model;
    const diff = diffModels(before, after);
    expect(diff.calls.changed[0]!.changes).toEqual([
      { property: 'retry budget', before: 'none', after: '20%' },
      { property: 'breaker', before: 'none', after: '50% of 20 over 10s open 5s' },
      { property: 'fallback', before: 'off', after: 'on' },
    ]);
    expect(diff.components.changed[0]!.changes).toEqual([{ property: 'queue', before: 'none', after: '10' }]);
  });
});
