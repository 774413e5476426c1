// The language server survives what a user types: 1,000 random edits of an open document,
// every request answered, memory within a bound, and the original text checks as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, rssMb } from './lsp-client.js';

const examples = join(import.meta.dirname, '../examples');
const uri = pathToFileURL(join(examples, 'netflix.topo')).toString();
const original = readFileSync(join(examples, 'netflix.topo'), 'utf8');
const TOKENS = ['{', '}', 'call ', 'timeout ', '10ms', 'retries 2', 'service x', '%', '"', '/*', '*/', '\n', 'parallel {', 'route 50% ', 'homepage', '.', ','];

/** A small seeded generator: the same edits every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe('the language server under 1,000 random edits', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = new LspClient(pathToFileURL(examples).toString());
    await client.initialize();
  });
  afterAll(async () => client?.close());

  it('answers every request and keeps its memory in bounds', async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topo', version: 1, text: original } });
    const clean = await client.diagnosticsOf(uri, () => true);
    const next = random(2026);
    let doc = TextDocument.create(uri, 'topo', 1, original);
    let memoryAt100 = 0;
    for (let i = 1; i <= 1000; i++) {
      const text = doc.getText();
      const at = next(text.length + 1);
      const kind = next(3);
      const start = doc.positionAt(at);
      const end = doc.positionAt(Math.min(text.length, at + (kind === 0 ? 0 : 1 + next(12))));
      const change = { range: { start, end }, text: kind === 1 ? '' : TOKENS[next(TOKENS.length)]! };
      doc = TextDocument.update(doc, [change], doc.version + 1);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
      if (i % 10 === 0) {
        const position = doc.positionAt(next(doc.getText().length + 1));
        const answers = await Promise.all([
          client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
          client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
          client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }),
          client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
        ]);
        expect(answers[2]).toBeInstanceOf(Array);
      }
      if (i === 100) memoryAt100 = rssMb(client.pid!);
    }
    const memoryAt1000 = rssMb(client.pid!);
    expect(memoryAt1000).toBeLessThan(600);
    expect(memoryAt1000 - memoryAt100).toBeLessThan(150);

    // Back to the original text: the same diagnostics as at the start.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version + 1 }, contentChanges: [{ text: original }] });
    const again = await client.diagnosticsOf(uri, (list) => JSON.stringify(list) === JSON.stringify(clean));
    expect(again).toEqual(clean);
    expect(client.stderr).not.toMatch(/error occurred|TypeError|RangeError/);
  }, 300_000);
});
