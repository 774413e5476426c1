// The fault lines of a scenario: each form parses and lowers, bad values get a diagnostic on
// their line, half-written lines lower to nothing; the formatter, completion and semantic
// tokens handle them.
import { describe, expect, it } from 'vitest';
import type { CompletionList } from 'vscode-languageserver';
import { formatText } from '../src/format-text.js';
import { codesByLine, loadText } from './helpers.js';

const design = 'service middle { instances 4 }\ndatastore store: cassandra\ndatastore table: dynamodb\ncache hot: memcached\n';

async function chaosOf(lines: string[]) {
  const result = await loadText(`${design}scenario s {\n  load 10 rps into middle\n${lines.map((l) => `  ${l}\n`).join('')}}`);
  return { chaos: result.model.scenarios[0]!.chaos.map(({ loc: _loc, ...c }) => c), codes: codesByLine(result) };
}

// The scenario's lines start at line 7 of the file: 5 lines of design, `scenario`, `load`.
const FIRST = 7;

describe('chaos lines', () => {
  it('lowers every form, with and without `N of` and `for`', async () => {
    const { chaos, codes } = await chaosOf([
      'chaos slow store by 5s at 20s for 30s',
      'chaos slow 1 of middle by 500ms at 10s',
      'chaos fail middle 50% at 60s for 10s',
      'chaos fail 2 of hot 12.5% at 1m',
      'chaos kill 2 of middle at 40s for 20s',
      'chaos kill 1 of store at 3s',
    ]);
    expect(codes).toEqual([]);
    expect(chaos).toEqual([
      { kind: 'slow', count: undefined, target: 'store', byMs: 5000, atMs: 20_000, forMs: 30_000 },
      { kind: 'slow', count: 1, target: 'middle', byMs: 500, atMs: 10_000, forMs: undefined },
      { kind: 'fail', count: undefined, target: 'middle', share: 0.5, atMs: 60_000, forMs: 10_000 },
      { kind: 'fail', count: 2, target: 'hot', share: 0.125, atMs: 60_000, forMs: undefined },
      { kind: 'kill', count: 2, target: 'middle', atMs: 40_000, forMs: 20_000 },
      { kind: 'kill', count: 1, target: 'store', atMs: 3000, forMs: undefined },
    ]);
  });

  it('takes the new words as names too', async () => {
    const result = await loadText('service slow { call fail timeout 1s }\nservice fail\nservice by\nscenario s {\n  chaos slow slow by 1s at 1s\n  chaos fail fail 1% at 1s\n}');
    expect(codesByLine(result).filter((c) => c.startsWith('syntax'))).toEqual([]);
    expect(result.model.scenarios[0]!.chaos.map((c) => c.kind === 'kill' || c.kind === 'slow' || c.kind === 'fail' ? c.target : '')).toEqual(['slow', 'fail']);
  });

  it('reports a share over 100% and lowers it as 100%', async () => {
    const { chaos, codes } = await chaosOf(['chaos fail middle 100% at 1s', 'chaos fail middle 100.5% at 1s']);
    expect(codes).toEqual([`chaos-value@${FIRST + 1}`]);
    expect(chaos.map((c) => (c.kind === 'fail' ? c.share : undefined))).toEqual([1, 1]);
  });

  it('reports a count that is not a whole number of at least 1, and stages nothing for zero', async () => {
    const { chaos, codes } = await chaosOf(['chaos kill 0 of middle at 1s', 'chaos slow 1.5 of middle by 1s at 1s', 'chaos fail 1 of middle 5% at 1s']);
    expect(codes).toEqual([`chaos-value@${FIRST}`, `chaos-value@${FIRST + 1}`]);
    expect(chaos.map((c) => c.kind)).toEqual(['slow', 'fail']);
  });

  it('refuses to kill a managed datastore, but slows and fails it', async () => {
    const { codes } = await chaosOf(['chaos kill 1 of table at 1s', 'chaos slow table by 1s at 1s', 'chaos fail table 10% at 1s']);
    expect(codes).toEqual([`chaos-value@${FIRST}`]);
  });

  // (A file with a syntax error is never simulated, so what its recovery lowers does not matter.)
  it('has no negative durations: a minus is a syntax error on its line', async () => {
    const { codes } = await chaosOf(['chaos slow middle by -5s at 1s']);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c === `syntax@${FIRST}`)).toBe(true);
  });

  it('lowers a half-written or unresolved fault to nothing', async () => {
    const { chaos } = await chaosOf(['chaos slow nowhere by 1s at 1s', 'chaos fail middle at 1s', 'chaos slow middle by 1s']);
    expect(chaos).toEqual([]);
  });

  it('formats a fault on one line, one space apart', async () => {
    const messy = 'service m\nscenario s {  chaos   slow 1   of m by 5s   at 20s for 30s\nchaos fail m 50%  at 60s }';
    expect(await formatText(messy)).toBe(['service m', 'scenario s {', '  chaos slow 1 of m by 5s at 20s for 30s', '  chaos fail m 50% at 60s', '}', ''].join('\n'));
  });

  it('completes the fault kinds after `chaos`, and services, datastores and caches as targets', async () => {
    // `|` marks the cursor.
    const complete = async (marked: string): Promise<string[]> => {
      const text = marked.replace('|', '');
      const { documents, services } = await loadText(text);
      const document = documents[0]!;
      const position = document.textDocument.positionAt(marked.indexOf('|'));
      const list = (await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position })) as CompletionList;
      return list.items.map((i) => i.label);
    };
    expect(await complete(`${design}scenario s {\n  chaos |\n}`)).toEqual(expect.arrayContaining(['slow', 'fail', 'kill']));
    const targets = await complete(`${design}team t\nscenario s {\n  chaos fail |\n}`);
    expect(targets).toEqual(expect.arrayContaining(['middle', 'store', 'table', 'hot']));
    expect(targets).not.toContain('t');
  });

  it('colours the target of a fault by what it names', async () => {
    const text = 'datastore d: mysql\nscenario s {\n  chaos slow d by 1s at 1s\n}';
    const { documents, services } = await loadText(text);
    const document = documents[0]!;
    const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    // Five integers a token: d (declaration), s (declaration), d (the fault's target).
    expect(tokens.data.length / 5).toBe(3);
  });
});
