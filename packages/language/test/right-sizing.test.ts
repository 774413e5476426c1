// The lens on `instances` and its quick fix, from the last simulation the server ran for the file.
import { simulate } from '@topo/simulator';
import { describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, TextEdit } from 'vscode-languageserver';
import { carbonOfRun } from '../src/right-sizing.js';
import { loadText } from './helpers.js';

const URI = 'file:///ws/main.topo';
const text = [
  'architecture shop',
  'service web {',
  '  instances 10 of m5.large',
  '  threads 4',
  '  work 10ms',
  '}',
  'scenario busy {',
  '  load 100 rps into web for 10s',
  '}',
].join('\n');

async function editor(source: string, simulated: boolean) {
  const { documents, services } = await loadText(source);
  const document = documents[0]!;
  if (simulated) {
    const model = services.topo.Models.modelOf(document);
    services.topo.LastRuns.remember(URI, carbonOfRun(model, await simulate(model)).rightSizing);
  }
  const lenses = (await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: URI } })) as CodeLens[];
  const onInstances = { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } };
  const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: URI }, range: onInstances, context: { diagnostics: [] } })) as CodeAction[];
  return { lens: lenses.find((l) => l.range.start.line === 2), fix: actions.find((a) => a.title.startsWith('Set instances')) };
}

describe('right-sizing in the editor', () => {
  it('a lens on `instances` says how busy the last run found it, what would do and the carbon; its quick fix writes the count', async () => {
    const { lens, fix } = await editor(text, true);
    // 100 rps × 10 ms = 1 busy thread of 40: 2.5%; one per zone of three would do.
    expect(lens?.command?.title).toMatch(/^simulated 2\.\d+% busy · 3 would do · −\d+(\.\d)? kgCO2e\/month$/);
    const edit = fix?.edit?.changes?.[URI] as TextEdit[];
    expect(edit).toEqual([{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } }, newText: '3' }]);
  });

  it('says nothing before a simulation, nor once the count is no longer the one it sized', async () => {
    expect(await editor(text, false)).toEqual({ lens: undefined, fix: undefined });
    const { documents, services } = await loadText(text);
    const model = services.topo.Models.modelOf(documents[0]!);
    services.topo.LastRuns.remember(URI, carbonOfRun(model, await simulate(model)).rightSizing);
    expect(services.topo.LastRuns.sizing(URI, 'web', 10)?.suggested).toBe(3);
    expect(services.topo.LastRuns.sizing(URI, 'web', 12)).toBeUndefined();
  });
});
