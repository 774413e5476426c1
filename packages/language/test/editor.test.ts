// Editor features in-process: hover on services, datastores, petals, regions, teams,
// entities, facets and scenarios, completion by kind, semantic tokens, document symbols.
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

  it('on a region: provider, zones, grid and PUE with their sources, what runs there, carbon', async () => {
    const value = await hoverAt(netflix, 'region us-east-1', 8);
    expect(value).toContain('**region us-east-1** · aws · zones a, b, c\n\n');
    expect(value).toContain("- grid 379 gCO2e/kWh, from Cloud Carbon Footprint's aws figures");
    expect(value).toContain("- PUE 1.135, from Cloud Carbon Footprint's aws figures");
    // Per region: services 6 + 9 + 24 + 18 + 6 = 63, datastores 6 + 6 = 12, a cache of 3; 78 in all.
    expect(value).toContain('- runs 5 services (63 instances), 2 datastores (12 instances), 1 cache (3 instances): 78 instances');
    expect(value).toMatch(/- carbon: [\d.]+ kgCO2e\/month at 50% CPU \([\d.]+ kgCO2e operational \+ [\d.]+ kgCO2e embodied\)/);
  });

  it('on a region named in `regions` or a zone fault: the region, with factors from the file or the provider average', async () => {
    expect(await hoverAt(petalith, 'regions eu-west-1', 9)).toContain('**region eu-west-1** · aws · zones a, b, c\n\n- grid 279 gCO2e/kWh');
    expect(await hoverAt(petalith, 'regions eu-west-1', 9)).toContain('- runs 1 service (3 instances): 3 instances');
    const text = [
      'region lab { provider onprem zones a, b grid 120 gCO2e/kWh pue 1.3 }',
      'region far { provider gcp zones a }',
      'service s { regions lab instances 2 autoscale 1..4 at 60% }',
      'datastore d: dynamodb { regions lab, far }',
      'scenario cut {\n  load 10 rps into s\n  chaos zone lab.a down at 5s for 5s\n}',
    ].join('\n');
    const lab = await hoverAt(text, 'zone lab.a', 6);
    expect(lab).toContain('**region lab** · onprem · zones a, b');
    expect(lab).toContain('- grid 120 gCO2e/kWh, set in the file');
    expect(lab).toContain('- PUE 1.3, set in the file');
    // 2 service instances per region, and the managed datastore none.
    expect(lab).toContain('- runs 1 service (2 instances), 1 datastore (0 instances, 1 managed): 2 instances');
    expect(lab).toContain('  - autoscaled, counted as they start: s');
    expect(await hoverAt(text, 'region far', 8)).toContain("- grid 317 gCO2e/kWh, the average of Cloud Carbon Footprint's gcp table, which has no far");
  });

  it('on a team: what it runs and its calls across teams', async () => {
    const value = await hoverAt(netflix, 'team identity', 6);
    expect(value).toContain('**team identity**\n\n');
    expect(value).toContain('- 2 services: subscriber, login');
    expect(value).toContain('- 1 datastore: subscriberDb');
    expect(value).toContain('- 1 cache: subscriberCache');
    expect(value).toContain('- calls out to other teams: 0 calls');
    // wwwproxy → login crosses no team: wwwproxy has none.
    expect(value).toContain('- calls in from other teams: 1 call: homepage (discovery) → subscriber');
  });

  it("on a component's `team`: the team", async () => {
    const value = await hoverAt(netflix, '  team discovery\n  instances 6 of i3.2xlarge', 8);
    expect(value).toContain('**team discovery**');
    expect(value).toContain('- 2 services: videoMetadata, homepage');
    expect(value).toContain('- calls out to other teams: 1 call: homepage → subscriber (identity)');
    expect(value).toContain('- calls in from other teams: 0 calls');
  });

  it('on a big team: the first twelve names and how many more', async () => {
    const names = Array.from({ length: 14 }, (_, i) => `s${i + 1}`);
    const value = await hoverAt(`team t\n${names.map((n) => `service ${n} { team t }`).join('\n')}`, 'team t', 5);
    expect(value).toContain('- 14 services: s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12 and 2 more');
  });

  const videos = 'entity Video\nfacet Art of Video\nfacet Stream of Video\nservice a { provides Art }\nservice b { uses Video }\nservice c { uses Art, Stream }';

  it('on an entity: its facets, who provides them and who uses it, whole or by facet', async () => {
    const value = await hoverAt(videos, 'entity Video', 8);
    expect(value).toContain('**entity Video**\n\n');
    expect(value).toContain('- facets: Art, Stream');
    expect(value).toContain('- provided by: a (facet Art)');
    expect(value).toContain('- used by: b (whole), c (facet Art), c (facet Stream)');
    const netflixVideo = await hoverAt(netflix, 'entity Video', 8);
    expect(netflixVideo).toContain('- provided by: videoMetadata (facet PresentationVideo)');
    expect(netflixVideo).toContain('- used by: homepage (facet PresentationVideo)');
  });

  it("on a facet's entity: the entity", async () => {
    expect(await hoverAt(videos, 'of Video', 3)).toContain('**entity Video**');
  });

  it('on a facet: its entity, who provides it and who uses it', async () => {
    const value = await hoverAt(netflix, 'facet Subscriber', 7);
    expect(value).toContain('**facet Subscriber of Visitor**\n\n');
    expect(value).toContain('- provided by: subscriber');
    expect(value).toContain('- used by: homepage, login');
    expect(await hoverAt(videos, 'facet Stream', 7)).toContain('- provided by: none\n- used by: c');
  });

  it('on a facet in `uses` or `provides`: the facet', async () => {
    const used = await hoverAt(netflix, 'uses PresentationVideo', 6);
    expect(used).toContain('**facet PresentationVideo of Video**');
    expect(used).toContain('- provided by: videoMetadata');
    expect(await hoverAt(netflix, 'provides Subscriber', 10)).toContain('**facet Subscriber of Visitor**');
  });

  it('on a scenario: its length, load and users lines, warmup, seed and faults in words', async () => {
    const text = [
      'region r { provider aws zones a, b }',
      'service edge',
      'datastore store: cassandra',
      'scenario storm {',
      '  load 100..2000 rps into edge for 60s',
      '  load 500 rps into edge from 30s for 10s',
      '  users 200 think 5s into edge from 10s for 90s',
      '  warmup 5s',
      '  seed 3',
      '  chaos slow store by 5s at 20s for 30s',
      '  chaos slow 1 of edge by 500ms at 10s',
      '  chaos fail store 50% at 60s for 10s',
      '  chaos kill 2 of edge at 40s for 20s',
      '  chaos zone r.a down at 40s for 10s',
      '  chaos monkey every 10s',
      '}',
    ].join('\n');
    const value = await hoverAt(text, 'scenario storm', 10);
    expect(value).toContain('**scenario storm**\n\n');
    // The lines end at 0 + 60s, 30s + 10s and 10s + 90s: the last at 100s.
    expect(value).toContain('- runs 100s: until its last line ends');
    expect(value).toContain('- load 100 → 2000 rps (a linear ramp) into edge from 0ms for 1m');
    expect(value).toContain('- load 500 rps into edge from 30s for 10s');
    expect(value).toContain('- 200 users thinking 5s between requests, into edge from 10s for 90s');
    expect(value).toContain('- warmup 5s: excluded from statistics');
    expect(value).toContain('- seed 3');
    expect(value).toContain('- chaos slow every instance of store by 5s at 20s for 30s');
    expect(value).toContain('- chaos slow 1 instance of edge by 500ms at 10s to the end of the run');
    expect(value).toContain('- chaos fail 50% of the requests to every instance of store at 1m for 10s');
    expect(value).toContain('- chaos kill 2 instances of edge at 40s for 20s');
    expect(value).toContain('- chaos zone r.a down at 40s for 10s');
    expect(value).toContain('- chaos monkey: every 10s one random instance of a service without `chaos optout` dies');
  });

  it('on a scenario line: the scenario; warmup and seed only when they differ from the defaults', async () => {
    const value = await hoverAt(netflix, 'chaos kill 1 of homepage', 3);
    expect(value).toContain('**scenario evening**');
    expect(value).toContain('- chaos kill 1 instance of homepage at 20s to the end of the run');
    const plain = await hoverAt('service s\nscenario quiet {\n  load 5 rps into s\n}', 'scenario quiet', 10);
    expect(plain).toContain('- runs 1m: until its last line ends');
    expect(plain).not.toContain('warmup');
    expect(plain).not.toContain('seed');
  });

  it('shows nothing where it showed nothing before: a comment, `architecture`, `network`', async () => {
    expect(await hoverAt(netflix, '// The 2011', 5)).toBe('');
    expect(await hoverAt(netflix, 'architecture netflix', 3)).toBe('');
    expect(await hoverAt('network {\n  zone 1ms\n}\nteam t', 'zone 1ms', 2)).toBe('');
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
    // The parser reports a block left open at the next declaration's keyword: that declaration
    // is still inside the open block to a parse from the start.
    ['netflix, a block left open', `${netflix.slice(0, half)}service draft {\n  call subscriber\n\n${netflix.slice(half)}`],
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
