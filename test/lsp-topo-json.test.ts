// topo.json in the language server (`topo lsp --stdio`): a topo.json created, changed or
// deleted re-validates the open files without a restart, a bad one is a diagnostic on that
// file with its line, and the editor's settings override its limits only where they are set.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client.js';

// web calls three targets, one of them without a timeout.
const model = 'service web {\n  call a timeout 1s\n  call b timeout 1s\n  call c\n}\nservice a\nservice b\nservice c\n';
const summary = (list: Diagnostic[]) => list.map((d) => `${d.code}@${d.range.start.line + 1}:${d.severity}`).sort();

describe('topo.json through the language server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topo-lsp-json-'));
  const file = join(dir, 'x.topo');
  const config = join(dir, 'topo.json');
  const uri = pathToFileURL(file).toString();
  const configUri = pathToFileURL(config).toString();
  let client: LspClient;

  /** Writes (or, with undefined, deletes) topo.json and tells the server, as the editor's file watcher does. */
  const setConfig = async (text: string | undefined, type: FileChangeType) => {
    if (text === undefined) rmSync(config);
    else writeFileSync(config, text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type }] });
  };

  beforeAll(async () => {
    writeFileSync(file, model);
    client = new LspClient(pathToFileURL(dir).toString());
    await client.initialize();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topo', version: 1, text: model } });
  });
  afterAll(async () => client?.close());

  it('re-validates an open file when a topo.json is created, changed or deleted', async () => {
    expect(summary(await client.diagnosticsOf(uri, (l) => l.length > 0))).toEqual(['missing-timeout@4:2']);
    await setConfig('{ "rules": { "missing-timeout": "error" }, "limits": { "maxFanOut": 2 } }', FileChangeType.Created);
    expect(summary(await client.diagnosticsOf(uri, (l) => l.length === 2))).toEqual(['fan-out@1:2', 'missing-timeout@4:1']);
    await setConfig('{ "rules": { "missing-timeout": "off" } }', FileChangeType.Changed);
    expect(await client.diagnosticsOf(uri, (l) => l.length === 0)).toEqual([]);
    await setConfig(undefined, FileChangeType.Deleted);
    expect(summary(await client.diagnosticsOf(uri, (l) => l.length === 1))).toEqual(['missing-timeout@4:2']);
  });

  it('reports a bad topo.json on that file, at its line, and clears it once fixed', async () => {
    await setConfig('{\n  "rules": {\n    "missing-timeout": "fatal"\n  }\n}\n', FileChangeType.Created);
    const problems = await client.diagnosticsOf(configUri, (l) => l.length > 0);
    expect(problems.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`)).toEqual([
      '3:24 1 the severity of "missing-timeout" is one of error, warning, info, off, not "fatal"',
    ]);
    await setConfig('{ "rules": { "missing-timeout": "info" } }', FileChangeType.Changed);
    expect(await client.diagnosticsOf(configUri, (l) => l.length === 0)).toEqual([]);
    expect(summary(await client.diagnosticsOf(uri, (l) => l[0]?.severity === 3))).toEqual(['missing-timeout@4:3']);
    await setConfig(undefined, FileChangeType.Deleted);
  });

  it('lets the editor\'s settings override the limits only where they are set', async () => {
    writeFileSync(config, '{ "limits": { "maxFanOut": 2 } }');
    // The user set maxFanOut (3), not maxRetryAmplification (null): topo.json's fan-out limit is overridden.
    const other = new LspClient(pathToFileURL(dir).toString(), { topo: { validation: { maxFanOut: 3, maxRetryAmplification: null } } });
    try {
      await other.initialize();
      await other.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topo', version: 1, text: model } });
      expect(summary(await other.diagnosticsOf(uri, (l) => l.length === 1))).toEqual(['missing-timeout@4:2']);
      // The user clears the setting: topo.json's limit applies again.
      await other.connection.sendNotification('workspace/didChangeConfiguration', { settings: { topo: { validation: { maxFanOut: null } } } });
      expect(summary(await other.diagnosticsOf(uri, (l) => l.length === 2))).toEqual(['fan-out@1:2', 'missing-timeout@4:2']);
    } finally {
      await other.close();
      rmSync(config);
    }
  });
});
