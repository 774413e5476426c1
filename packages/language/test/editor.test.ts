// Editor features in-process: hover on services, datastores and petals, completion by
// kind, semantic tokens, document symbols.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SymbolKind, type CompletionList, type Hover } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { CompletionContext } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import { TopoCompletionProvider } from '../src/lsp/completion.js';
import { loadText } from './helpers.js';

const netflix = readFileSync(join(import.meta.dirname, '../../../examples/netflix.topo'), 'utf8');
const petalith = readFileSync(join(import.meta.dirname, '../../../examples/petalith.topo'), 'utf8');

async function hoverAt(text: string, needle: string, offsetInNeedle = 0): Promise<string> {
  const { documents, services } = await loadText(text);
  const document = documents[0]!;
  const position = document.textDocument.positionAt(text.indexOf(needle) + offsetInNeedle);
  const hover = (await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position })) as Hover | undefined;
  return (hover?.contents as { value: string } | undefined)?.value ?? '';
}

describe('hover', () => {
  it('on a service: need by call, worst reach, callers, callees, coupling, team, layer, carbon', async () => {
    const value = await hoverAt(netflix, 'service homepage', 9);
    expect(value).toContain('**service homepage**');
    expect(value).toContain('layer esl · team discovery');
    expect(value).toContain('need: 8ms work + max(2 attempts × 150ms, 2 attempts × 150ms) = 308ms');
    expect(value).toContain('  - subscriber: 2 attempts × 150ms = 300ms');
    expect(value).toContain('worst reach: ×2 from wwwproxy');
    expect(value).toContain('callers: wwwproxy');
    expect(value).toContain('callees: subscriber, videoMetadata');
    expect(value).toContain('coupling: Ca 1, Ce 2, instability Ce/(Ca+Ce) = 0.67');
    expect(value).toMatch(/carbon: [\d.]+ kgCO2e\/month at 50% CPU/);
  });

  it('on a datastore: replication, levels and callers', async () => {
    const value = await hoverAt(netflix, 'datastore subscriberDb', 11);
    expect(value).toContain('replication 3 · read ONE · write QUORUM');
    expect(value).toContain('callers: subscriber');
  });

  it('on a reference: the thing referred to', async () => {
    const value = await hoverAt(netflix, 'owns subscriberDb', 6);
    expect(value).toContain('cassandra subscriberDb');
  });

  it('on a petal: memory used of total', async () => {
    const value = await hoverAt(petalith, 'petal studio', 7);
    expect(value).toContain('memory: 768GB used of 512GB');
    expect(value).toContain('render: 6 × 64GB');
  });
});

describe('completion', () => {
  async function complete(text: string, at: string): Promise<CompletionList> {
    const { documents, services } = await loadText(text);
    const document = documents[0]!;
    const position = document.textDocument.positionAt(text.indexOf(at) + at.length);
    return (await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position }))!;
  }

  it("offers a call's targets: services, datastores and caches, not teams", async () => {
    const list = await complete('team t\ndatastore d: mysql\ncache k: redis\nservice s {\n  call \n}', 'call ');
    const labels = list.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['d', 'k', 's']));
    expect(labels).not.toContain('t');
  });

  it('offers facets before whole entities for `uses`', async () => {
    const list = await complete('entity Video\nfacet Art of Video\nservice s {\n  uses \n}', 'uses ');
    const refs = list.items.filter((i) => i.label === 'Art' || i.label === 'Video').sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(refs.map((i) => i.label)).toEqual(['Art', 'Video']);
  });

  it('offers the built-in instance types after `instances N of`, once each, and no keywords there', async () => {
    const list = await complete('service x {\n  instances 2 of \n}', 'instances 2 of ');
    const labels = list.items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['m5.large', 'i3.2xlarge', 'n2-standard-4', 'Standard_D2s_v5']));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).not.toContain('edge');
    expect(list.items.find((i) => i.label === 'm5.large')?.detail).toBe('aws: 2 vCPUs, 8 GiB');
    // Before `of`, the block's own keywords are still offered.
    expect((await complete('service x {\n  instances 2 \n}', 'instances 2 ')).items.map((i) => i.label)).toContain('of');
  });

  /** The provider as Langium runs it: lexing and parsing from the file's start. */
  class WholeFileCompletion extends TopoCompletionProvider {
    protected override buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
      return Reflect.apply(Object.getPrototypeOf(TopoCompletionProvider.prototype).buildContexts, this, [document, position]);
    }
  }

  // Netflix as it is, with a declaration half typed in its middle, and with a syntax error
  // early on (declarations after an error are not cut at).
  const half = netflix.indexOf('service homepage');
  it.each([
    ['netflix', netflix],
    ['netflix, a declaration half typed', `${netflix.slice(0, half)}service draft {\n  call subscriber tim\n\n${netflix.slice(half)}`],
    ['netflix, an error early on', netflix.replace('service ', 'service { ')],
  ])('offers from the cursor\'s declaration what Langium offers from the file\'s start: %s', async (_, text) => {
    const { documents, services } = await loadText(text);
    const document = documents[0]!;
    const whole = new WholeFileCompletion(services);
    const parsed: number[] = [];
    const parser = services.parser.CompletionParser;
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string) => (parsed.push(input.length), parse(input));
    const labels = async (provider: TopoCompletionProvider, offset: number) => {
      const position = document.textDocument.positionAt(offset);
      const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
      return list!.items.map((i) => `${i.label} ${i.kind} ${i.detail ?? ''}`).sort();
    };
    const provider = services.lsp.CompletionProvider as TopoCompletionProvider;
    for (let offset = 0; offset <= text.length; offset += 17) {
      parsed.length = 0;
      const cut = await labels(provider, offset);
      const longest = Math.max(0, ...parsed);
      expect(cut, `at ${offset}`).toEqual(await labels(whole, offset));
      // Past its first declarations, a clean file is parsed from the cursor's declaration only.
      if (text === netflix && offset > text.length / 2) expect(longest, `at ${offset}`).toBeLessThan(text.length / 4);
    }
  });
});

describe('semantic tokens and symbols', () => {
  it('colours declarations and references by what they name', async () => {
    const { documents, services } = await loadText('datastore d: mysql\nservice s {\n  call d timeout 1s\n}');
    const document = documents[0]!;
    const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    // Five integers a token: d (struct, declaration), s (class, declaration), d (struct).
    expect(tokens.data.length / 5).toBe(3);
  });

  it('outlines the declarations of a file', async () => {
    const { documents, services } = await loadText(netflix);
    const document = documents[0]!;
    const symbols = (await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } })) as { name: string }[];
    expect(symbols.map((s) => s.name)).toEqual(expect.arrayContaining(['netflix', 'us-east-1', 'subscriberDb', 'wwwproxy', 'evening']));
  });

  it('shows each kind of declaration as its own kind of symbol, as completion does', async () => {
    const { documents, services } = await loadText(netflix);
    const document = documents[0]!;
    const symbols = (await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } })) as { name: string; kind: SymbolKind }[];
    const kind = (name: string) => symbols.find((s) => s.name === name)?.kind;
    expect([kind('wwwproxy'), kind('subscriberDb'), kind('subscriberCache'), kind('us-east-1'), kind('identity'), kind('Video'), kind('Subscriber'), kind('evening')]).toEqual([
      SymbolKind.Class,
      SymbolKind.Struct,
      SymbolKind.Struct,
      SymbolKind.Module,
      SymbolKind.Module,
      SymbolKind.TypeParameter,
      SymbolKind.Interface,
      SymbolKind.Event,
    ]);
  });
});

describe('rename', () => {
  it('refuses a new name the language cannot read, and takes a keyword a name may be', async () => {
    const text = 'service front {\n  call backend timeout 50ms\n}\nservice backend';
    const { documents, services } = await loadText(text);
    const document = documents[0]!;
    const rename = (newName: string) =>
      services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf('backend')), newName });
    await expect(rename('service')).rejects.toThrow("'service' is a keyword of the language and cannot be a name");
    await expect(rename('1abc')).rejects.toThrow("'1abc' is not a name: use letters, digits, _ and -, starting with a letter or _");
    await expect(rename('a b')).rejects.toThrow('is not a name');
    const edit = await rename('timeout');
    expect(Object.values(edit?.changes ?? {}).flat().map((e) => e.newText)).toEqual(['timeout', 'timeout']);
  });
});
