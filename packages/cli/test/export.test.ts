// `topo export`: the command line around the exporters, run in-process.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '@topo/language';
import { exportModel } from '@topo/interop/export';
import { exportCommand } from '../src/commands/export.js';
import { topo } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'topo-export-'));
writeFileSync(join(dir, 'shop.topo'), 'architecture shop\n\nservice web {\n  call api timeout 2s\n}\n\nservice api\n');
writeFileSync(join(dir, 'broken.topo'), 'service web {\n  call\n');
writeFileSync(join(dir, 'budget.topo'), 'service web {\n  call api timeout 1ms\n}\n\nservice api {\n  work 5ms\n}\n');

describe('topo export', () => {
  it.each(['model', 'likec4', 'structurizr', 'mermaid', 'backstage', 'impact'] as const)('--to %s writes the export on stdout', async (format) => {
    const run = await topo(['export', 'shop.topo', '--to', format], dir);
    const { model } = await loadModel(join(dir, 'shop.topo'));
    expect(run).toEqual({ code: 0, stdout: exportModel(model, format), stderr: '' });
  });

  it('writes into the file -o names, and nothing on stdout', async () => {
    const run = await topo(['export', 'shop.topo', '--to', 'mermaid', '-o', 'shop.mmd'], dir);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'shop.mmd'), 'utf8')).toContain('flowchart LR');
  });

  it('exports a design with findings, as the simulator runs it', async () => {
    const run = await topo(['export', 'budget.topo', '--to', 'likec4'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("web -> api 'timeout 1ms'");
  });

  it.each([
    [['export', 'shop.topo'], 'export to what? --to model|likec4|structurizr|mermaid|backstage|impact'],
    [['export', 'shop.topo', '--to', 'visio'], "--to is one of model, likec4, structurizr, mermaid, backstage, impact, not 'visio'"],
    [['export', 'shop.topo', '--to', 'mermaid', '--scenario', 'day'], '--scenario goes with --to impact'],
    [['export', 'shop.topo', '--to', 'impact', '--scenario', 'night'], "no scenario named 'night'"],
    [['export', '--to', 'model'], 'one .topo file, please'],
    [['export', 'missing.topo', '--to', 'model'], 'missing.topo: no such file'],
    [['export', 'broken.topo', '--to', 'model'], 'broken.topo cannot be exported', 1],
  ])('exits 2 (1 for a file that does not lower) for %j and writes nothing', async (argv, message, code = 2) => {
    const run = await topo([...argv, '-o', 'refused.out'], dir);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(existsSync(join(dir, 'refused.out'))).toBe(false);
  });

  it('shows its usage with --help', async () => {
    const run = await topo(['export', '--help'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.startsWith(`usage: ${exportCommand.usage}\n`)).toBe(true);
  });
});
