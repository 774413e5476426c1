// The language server's memory under edits of a 10,000-service document: `topo lsp --stdio`
// holds it parsed, linked, validated, analysed and estimated for carbon, and serves every
// edit, within a HEAP_MB old generation, its resident memory under BOUND_MB (read from the
// server process). Uncapped, Node grows its heap lazily: resident memory was 610–720 MB idle
// after these edits and peaked between 860 and 1,100 MB, depending on what else ran, too
// noisy to bound. With the cap, the server must fit or run out of memory and fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { generateArchitecture } from '../packages/language/bench/generate.js';
import { CAN_READ_RSS, LspClient, rssMb } from './lsp-client.js';

const EDITS = 5;
const HEAP_MB = 400;
const BOUND_MB = 600;
const mentions = (name: string) => (list: Diagnostic[]) => list.some((d) => typeof d.message === 'string' && d.message.includes(name));

describe.skipIf(!CAN_READ_RSS)('the language server with a 10,000-service document (its memory read from /proc, Linux only)', () => {
  const text = generateArchitecture(10_000);
  const lines = text.split('\n');
  let workspace: string;
  let uri: string;
  let client: LspClient;
  let version = 1;

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'topo-lsp-memory-'));
    uri = pathToFileURL(join(workspace, 'big.topo')).toString();
    client = new LspClient(pathToFileURL(workspace).toString(), {}, [`--max-old-space-size=${HEAP_MB}`]);
    await client.initialize();
  });
  afterAll(async () => {
    try {
      await client?.close();
    } finally {
      if (workspace) rmSync(workspace, { recursive: true, force: true });
    }
  });

  it(`holds it, and edits of it, in under ${BOUND_MB} MB`, async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topo', version, text } });
    await client.diagnosticsOf(uri, () => true, 120_000);
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    expect(lenses.filter((l) => l.command?.title.startsWith('worst case'))).toHaveLength(10_000);

    // Each edit adds a call to a missing service inside one service and then takes it out again:
    // twice per edit the server parses that service again, links and validates the whole document.
    for (let k = 0; k < EDITS; k++) {
      const line = lines.indexOf(`service sal${k * 1000} {`) + 1;
      const at = { line, character: 0 };
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: at, end: at }, text: `  call missing${k}\n` }],
      });
      await client.diagnosticsOf(uri, mentions(`missing${k}`), 120_000);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: at, end: { line: line + 1, character: 0 } }, text: '' }],
      });
      await client.diagnosticsOf(uri, (list) => !mentions('missing')(list), 120_000);
    }
    expect(rssMb(client.pid!)).toBeLessThan(BOUND_MB);
    expect(client.stderr).not.toMatch(/error occurred|TypeError|RangeError/);
  }, 600_000);
});
