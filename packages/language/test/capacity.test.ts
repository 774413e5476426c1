// The capacity constructs in the language: load shapes, closed workloads, `lock` and
// `autoscale` — lowering with the defaults, half-typed lines, values, formatting, hover and
// completion.
import { diffModels } from '@topo/model';
import { describe, expect, it } from 'vitest';
import type { CompletionList, Hover } from 'vscode-languageserver';
import { formatText } from '../src/format-text.js';
import { codesByLine, loadText } from './helpers.js';

const design = `service www {
  instances 3
  lock 5%
  autoscale 3..30 at 60% every 30s warmup 90s
}
cache c: redis {
  autoscale 2..4 at 70%
}
scenario launch {
  load 100..2000 rps into www for 60s
  load 500 rps into www from 30s for 10s
  users 200 think 5s into www from 5s for 60s
}`;

describe('lowering', () => {
  it('ramps, offsets, users, lock and autoscale, with the defaults', async () => {
    const { model, findings } = await loadText(design);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const s = model.scenarios[0]!;
    expect(s.loads).toMatchObject([
      { rps: 100, toRps: 2000, target: 'www', fromMs: 0, durationMs: 60_000 },
      { rps: 500, toRps: 500, target: 'www', fromMs: 30_000, durationMs: 10_000 },
    ]);
    expect(s.users).toMatchObject([{ count: 200, thinkMs: 5000, target: 'www', fromMs: 5000, durationMs: 60_000 }]);
    const www = model.services[0]!;
    expect(www.lock).toBe(0.05);
    expect(www.autoscale).toEqual({ min: 3, max: 30, target: 0.6, everyMs: 30_000, warmupMs: 90_000 });
    expect(model.caches[0]!.autoscale).toEqual({ min: 2, max: 4, target: 0.7, everyMs: 60_000, warmupMs: 60_000 });
  });

  it('half-typed lines lower to nothing, bad values to something safe', async () => {
    const { model } = await loadText('service www {\n  autoscale 5..2 at 0%\n}\nscenario s {\n  users 10 think into www\n  load 10.. rps into www\n}');
    expect(model.services[0]!.autoscale).toBeUndefined();
    expect(model.scenarios[0]!.users).toEqual([]);
    const clamped = await loadText('service www {\n  autoscale 0..0 at 150% every 0s\n}');
    expect(clamped.model.services[0]!.autoscale).toEqual({ min: 1, max: 1, target: 1, everyMs: 60_000, warmupMs: 60_000 });
  });

  it('keywords stay usable as names', async () => {
    const { model, findings } = await loadText('service users {\n  call lock\n}\nservice lock\nscenario s {\n  users 2 think 1s into users\n}');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(model.scenarios[0]!.users[0]!.target).toBe('users');
  });
});

describe('capacity-value', () => {
  it('reports what the simulator cannot honour, and not the boundaries', async () => {
    const messages = async (text: string) => (await loadText(text)).findings.filter((f) => f.code === 'capacity-value').map((f) => f.message);
    expect(await messages('service a {\n  lock 120%\n  autoscale 0..2.5 at 0% every 0s\n}')).toEqual([
      "a lock holds at most 100% of a request's work, not 120%",
      'an autoscaler keeps a whole number of instances, at least 1, not 0',
      "an autoscaler's maximum is a whole number of instances, not 2.5",
      'an autoscaler aims at a utilisation above 0% and at most 100%, not 0%',
      'an autoscaler must look at utilisation over some time, not every 0s',
    ]);
    expect(await messages('service a {\n  autoscale 4..3 at 50%\n}')).toEqual(["an autoscaler's maximum 3 is below its minimum 4"]);
    expect(await messages('service a\nscenario s {\n  users 2.5 think 1s into a\n}')).toEqual(['users come in whole numbers, not 2.5']);
    expect(await messages('service a {\n  lock 100%\n  autoscale 1..1 at 100% every 1s warmup 0s\n}\nscenario s {\n  users 0 think 0s into a\n}')).toEqual([]);
  });

  it('a second autoscale or lock is a repeat', async () => {
    expect(codesByLine(await loadText('service a {\n  autoscale 1..2 at 50%\n  autoscale 1..3 at 50%\n  lock 1%\n  lock 2%\n}'))).toEqual(['duplicate-property@3', 'duplicate-property@5']);
  });
});

describe('topo diff', () => {
  it('says what changed in lock and autoscale as the language writes them', async () => {
    const before = (await loadText('service a {\n  autoscale 2..4 at 60%\n}')).model;
    const after = (await loadText('service a {\n  lock 5%\n  autoscale 2..8 at 60% every 30s\n}')).model;
    expect(diffModels(before, after).components.changed[0]!.changes).toEqual([
      { property: 'lock', before: 'none', after: '5%' },
      { property: 'autoscale', before: '2..4 at 60% every 1m warmup 1m', after: '2..8 at 60% every 30s warmup 1m' },
    ]);
  });
});

describe('editing', () => {
  it('formats one property per line, ranges as one word', async () => {
    const messy = 'service www { lock   5%  autoscale 3 .. 30 at 60%   every 30s }\nscenario s { load 1 ..  2 rps into www   from 1s for 2s users 3 think 1s   into www }';
    expect(await formatText(messy)).toBe(
      'service www {\n  lock 5%\n  autoscale 3..30 at 60% every 30s\n}\nscenario s {\n  load 1..2 rps into www from 1s for 2s\n  users 3 think 1s into www\n}\n',
    );
    expect(await formatText(design)).toBe(`${design}\n`);
  });

  it('hover describes lock and autoscale; completion says what the keywords do', async () => {
    const text = 'service www {\n  instances 3\n  lock 5%\n  autoscale 3..30 at 60%\n  \n}';
    const { documents, services } = await loadText(text);
    const document = documents[0]!;
    const at = (offset: number) => ({ textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
    const hover = (await services.lsp.HoverProvider!.getHoverContent(document, at(text.indexOf('www')))) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain("- lock 5%: that share of each request's work holds one lock per instance");
    expect(value).toContain(
      '- autoscale 3..30 at 60% every 1m warmup 1m: per region, from 3, the count becomes ceil(count × utilisation / 60%) every 1m; a new instance serves 1m after it starts',
    );
    const list = (await services.lsp.CompletionProvider!.getCompletion(document, at(text.indexOf('  \n') + 2))) as CompletionList;
    const detail = (label: string) => list.items.find((i) => i.label === label)?.detail;
    expect(detail('lock')).toContain('one lock per instance');
    expect(detail('autoscale')).toContain('alone: every 1m warmup 1m');
  });
});
