import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topo } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'topo-check-'));
writeFileSync(join(dir, 'clean.topo'), 'architecture clean\nservice a {\n  work 1ms\n}\n');
writeFileSync(join(dir, 'broken.topo'), 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n');
writeFileSync(join(dir, 'main.topo'), 'architecture m\nimport "lib.topo"\nservice a\n');
writeFileSync(join(dir, 'lib.topo'), 'service a\nteam t\nteam t\n');
mkdirSync(join(dir, 'ws'));
mkdirSync(join(dir, 'no-models'));
writeFileSync(join(dir, 'no-models', 'notes.md'), '# not a model\n');
writeFileSync(join(dir, 'secret.topo'), 'service leaked\n');
writeFileSync(join(dir, 'ws', 'escape.topo'), 'import "../secret.topo"\nservice a {\n  call leaked timeout 1s\n}\n');

describe('topo check', () => {
  it('exits 0 and says so when there is nothing to report', async () => {
    const run = await topo(['check', 'clean.topo'], dir);
    expect(run).toMatchObject({ code: 0, stdout: 'no problems (1 file checked)\n', stderr: '' });
  });

  it('prints path:line:column severity code message, then a summary, and exits 1 on an error', async () => {
    const run = await topo(['check', 'broken.topo'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      "broken.topo:3:8 error unresolved-reference no service, datastore or cache named 'nowhere' is declared in this file or its imports",
    );
    expect(run.stdout).toContain('1 error (1 file checked)');
  });

  it('prints JSON and nothing else on stdout, imported files included with their own path', async () => {
    const run = await topo(['check', '--format', 'json', 'main.topo'], dir);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout);
    expect(diagnostics).toEqual([
      { file: 'lib.topo', line: 3, column: 6, endLine: 3, endColumn: 7, severity: 'error', code: 'duplicate-name', message: "a team named 't' is already declared above" },
      { file: 'main.topo', line: 3, column: 9, endLine: 3, endColumn: 10, severity: 'error', code: 'duplicate-name', message: "a service, datastore or cache named 'a' is already declared in lib.topo" },
    ]);
  });

  it('reads nothing outside the workspace: an import that leaves it is an error', async () => {
    const run = await topo(['check', 'escape.topo'], join(dir, 'ws'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("escape.topo:1:8 error unresolved-import cannot import '../secret.topo': it is outside the workspace folder, and imports stay inside it");
    expect(run.stdout).toContain("unresolved-reference no service, datastore or cache named 'leaked'");
  });

  it('prints a file as given, and one found in a folder relative to the current directory', async () => {
    const given = await topo(['check', join(dir, 'broken.topo')], tmpdir());
    expect(given.stdout.startsWith(join(dir, 'broken.topo') + ':3:8')).toBe(true);
    const found = await topo(['check', dir], tmpdir());
    expect(found.stdout).toMatch(new RegExp(`^${join(dir.slice(tmpdir().length + 1), 'broken.topo')}:3:8`, 'm'));
  });

  it.each([
    [['check'], 'which files or folders?'],
    [['check', 'missing.topo'], 'missing.topo: no such file'],
    [['check', 'no-models'], 'no-models: no .topo files in this folder'],
    [['check', '--format', 'xml', 'clean.topo'], '--format is one of text, json, sarif, github'],
    [['check', '--max-fan-out', 'lots', 'clean.topo'], '--max-fan-out wants a positive number'],
    [['check', '--colour', 'clean.topo'], "Unknown option '--colour'"],
  ])('exits 2 with a one-line message for %j', async (argv, message) => {
    const run = await topo(argv, dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an unknown command', async () => {
    const run = await topo(['chekc'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'chekc'");
  });
});
