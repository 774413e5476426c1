// The `topo` npm links: the committed bin/topo.js, which runs the built bundle or, before
// `npm run build`, says to run it. (npm links a bin only if its file exists at install
// time, so the bin cannot be the bundle itself.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

  // Through a shell: a pipe whose reader goes away, and a file size limit.
  const shell = (script: string) => spawnSync('sh', ['-c', script], { cwd: cli, encoding: 'utf8' });
  const topo = `"${process.execPath}" bin/topo.js`;

  it.each(['text', 'json', 'sarif', 'github'])('stops quietly when the reader of its %s output goes away (EPIPE)', (format) => {
    const result = shell(`${topo} check ../../examples/retry-storm.topo --format ${format} | head -c 1 >/dev/null`);
    expect(result.stderr).toBe('');
  });

  it('leaves no part of a file when writing it fails (a file size limit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topo-bin-'));
    try {
      shell(`ulimit -f 20; exec ${topo} report ../../examples/netflix.topo -o "${dir}/part.html"`);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
