// The `topo` npm links: the committed bin/topo.js, which runs the built bundle or, before
// `npm run build`, says to run it. (npm links a bin only if its file exists at install
// time, so the bin cannot be the bundle itself.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '..');
const run = (bin: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('bin/topo.js', () => {
  it('is the bin the package declares', () => {
    expect(JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')).bin).toEqual({ topo: './bin/topo.js' });
  });

  it('runs the built CLI, with its output and exit code', () => {
    const help = run(join(cli, 'bin/topo.js'), ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: topo <command>/);
    expect(run(join(cli, 'bin/topo.js'), ['check', 'no-such-file.topo']).status).toBe(2);
  });

  it('says to run npm run build when the CLI is not built (a copy of the package without dist/)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topo-bin-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(cli, 'package.json'), join(dir, 'package.json'));
      copyFileSync(join(cli, 'bin/topo.js'), join(dir, 'bin/topo.js'));
      const result = run(join(dir, 'bin/topo.js'), ['--help']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('run npm run build');
      expect(result.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
