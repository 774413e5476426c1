// The language server's memory under edits of a 10,000-service document: `topo lsp --stdio`,
// run as editors run it, holds it parsed, linked, validated, analysed and estimated for
// carbon, and serves every edit, within BOUND_MB of resident memory read from the server
// process (a resource bound, not a speed goal). Measured here: about 375 MB once opened,
// 610 MB idle after the edits, peaks near 860 MB during one; the goal of 600 MB is not met
// (Node grows its heap lazily: with `--max-old-space-size=400` the same edits stay near
// 400 MB). The bound guards against a leak or a regression, not the goal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { generateArchitecture } from '../packages/language/bench/generate.js';
import { CAN_READ_RSS, LspClient, rssMb } from './lsp-client.js';

const EDITS = 5;
/** Resident memory the server must stay under; the goal (600 MB) is in the README, missed. */
const BOUND_MB = 1000;
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
    client = new LspClient(pathToFileURL(workspace).toString());
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
    // the server re-parses, links and validates the whole document twice per edit.
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
