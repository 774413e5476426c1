// `topo import spigo`: the command line around the importer, run in-process.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpigo } from '../src/spigo/index.js';
import { topo } from './run.js';

const lamp = {
  arch: 'lamp',
  description: 'Simple LAMP stack',
  version: 'arch-0.0',
  victim: '',
  services: [
    { name: 'rds-mysql', package: 'store', count: 2, regions: 1, dependencies: [] },
    { name: 'webserver', package: 'monolith', count: 18, regions: 1, dependencies: ['rds-mysql'] },
    { name: 'www', package: 'denominator', count: 0, regions: 0, dependencies: ['webserver'] },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'topo-import-'));
const write = (name: string, content: unknown) => writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
write('lamp_arch.json', lamp);
write('broken.json', '{"arch": "lamp", "services": [');
write('nocount.json', { ...lamp, services: [{ name: 'webserver', package: 'monolith', regions: 1, dependencies: [] }] });
write('pirate.json', { ...lamp, services: [{ name: 'jack', package: 'pirate', count: 1, regions: 1, dependencies: [] }] });
write('nowww.json', { ...lamp, services: lamp.services.slice(0, 2) });
mkdirSync(join(dir, 'folder.json'));

const expected = importSpigo(lamp, { fileName: 'lamp_arch.json' }).text;

describe('topo import spigo', () => {
  it('writes the Topo file on stdout', async () => {
    const run = await topo(['import', 'spigo', 'lamp_arch.json'], dir);
    expect(run).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it.each([['-o'], ['--output']])('writes it into the file %s names, and nothing on stdout', async (flag) => {
    const run = await topo(['import', 'spigo', 'lamp_arch.json', flag, 'lamp.topo'], dir);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'lamp.topo'), 'utf8')).toBe(expected);
  });

  it('prints what the file could not say as warnings on stderr, and still exits 0', async () => {
    const run = await topo(['import', 'spigo', 'nowww.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('architecture lamp');
    expect(run.stderr).toBe('topo import: warning: no denominator: the file has no scenario, and a simulation loads every entry\n');
  });

  it.each([
    [['import'], 'import from what?'],
    [['import', 'yaml', 'lamp_arch.json'], "topo import reads spigo architectures, not 'yaml'"],
    [['import', 'spigo'], 'one spigo .json file, please'],
    [['import', 'spigo', 'lamp_arch.json', 'more.json'], 'one spigo .json file, please'],
    [['import', 'spigo', 'missing.json'], 'missing.json: no such file'],
    [['import', 'spigo', 'folder.json'], 'folder.json: is a directory'],
    [['import', 'spigo', 'broken.json'], 'broken.json: not valid JSON: '],
    [['import', 'spigo', 'nocount.json'], `nocount.json: service 'webserver' has no "count"`],
    [['import', 'spigo', 'pirate.json'], "pirate.json: service 'jack' has the unknown package 'pirate'"],
    [['import', 'spigo', 'lamp_arch.json', '-o', 'no/such/dir/out.topo'], 'no/such/dir/out.topo: cannot be written (ENOENT)'],
    [['import', 'spigo', 'lamp_arch.json', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with a one-line message for %j', async (argv, message) => {
    const run = await topo(argv, dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith('topo import: ')).toBe(true);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows its usage with --help', async () => {
    const run = await topo(['import', '--help'], dir);
    expect(run).toEqual({ code: 0, stdout: 'usage: topo import spigo FILE.json [-o OUT.topo]\n', stderr: '' });
  });
});
