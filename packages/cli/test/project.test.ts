// Whole projects: `topo check DIR` and `topo format [--check] DIR` on a tree with nested
// folders, nested .gitignore files, an ignored folder and node_modules.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topo } from './run.js';

const BROKEN = 'service a {\n  call nowhere timeout 1s\n}\n';

/** A repository (it has .git) holding the files given, path → text. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'topo-project-'));
  mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function checkedFiles(argv: string[], cwd: string): Promise<string[]> {
  const run = await topo(['check', '--format', 'sarif', ...argv], cwd);
  return [...new Set(JSON.parse(run.stdout).runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri))] as string[];
}

describe('topo check DIR', () => {
  // Every checked file has one finding (a missing timeout, or an unresolved call), so the
  // files reported are the files checked.
  const root = tree({
    '.gitignore': 'generated/\n*.draft.topo\n',
    'lib.topo': 'service shared {\n  call store\n}\ndatastore store: mysql\n',
    'app/a.topo': 'import "../lib.topo"\nservice a {\n  call shared timeout 1s\n}\n',
    'app/b.topo': 'import "../lib.topo"\nservice b {\n  call shared timeout 1s\n}\n',
    'app/old.draft.topo': BROKEN,
    'app/deep/c.topo': 'service c {\n  call d\n}\nservice d\n',
    'app/deep/.gitignore': 'scratch.topo\n!keep.draft.topo\n',
    'app/deep/scratch.topo': BROKEN,
    'app/deep/keep.draft.topo': 'service k {\n  call m\n}\nservice m\n',
    'generated/x.topo': BROKEN,
    'node_modules/pkg/y.topo': BROKEN,
    'docs/notes.md': '# notes\n',
  });

  it('checks every .topo file below the folder, skipping node_modules and what .gitignore files ignore', async () => {
    const run = await topo(['check', '.'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.includes(' warning '))).toEqual([
      'lib.topo:2:3 warning missing-timeout the call to store has no timeout: if store hangs, shared waits with it, and no caller of shared can budget for it',
      'app/deep/c.topo:2:3 warning missing-timeout the call to d has no timeout: if d hangs, c waits with it, and no caller of c can budget for it',
      'app/deep/keep.draft.topo:2:3 warning missing-timeout the call to m has no timeout: if m hangs, k waits with it, and no caller of k can budget for it',
    ]);
    // lib.topo is checked through a.topo, b.topo and itself, and reported once.
    expect(run.stdout).toContain('3 warnings (5 files checked)');
  });

  it('applies the .gitignore files of the enclosing folders up to the repository root', async () => {
    expect(await checkedFiles(['app'], root)).toEqual(['lib.topo', 'app/deep/c.topo', 'app/deep/keep.draft.topo']);
    expect(await checkedFiles(['deep'], join(root, 'app'))).toEqual(['deep/c.topo', 'deep/keep.draft.topo']);
  });

  it('takes files and folders together, and checks a file named on the command line even when ignored', async () => {
    const run = await topo(['check', 'app/deep/scratch.topo', 'app/deep', 'app/deep/c.topo'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("app/deep/scratch.topo:2:8 error unresolved-reference no service, datastore or cache named 'nowhere'");
    expect(run.stdout).toContain('1 error, 2 warnings (3 files checked)');
  });

  it.each([
    ['docs', 'docs: no .topo files in this folder (node_modules and git-ignored files are skipped)'],
    ['generated', 'generated: no .topo files in this folder'],
    ['node_modules/pkg/none', 'node_modules/pkg/none: no such file'],
  ])('exits 2 for %s, with a one-line reason', async (folder, message) => {
    const run = await topo(['check', folder], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
  });
});

describe('topo format', () => {
  const MESSY = 'service a   {\n      work 1ms\n}\nservice b\n';
  const FORMATTED = 'service a {\n  work 1ms\n}\nservice b\n';
  const files = () => ({
    '.gitignore': 'ignored/\n',
    'good.topo': FORMATTED,
    'messy/m1.topo': MESSY,
    'messy/deeper/m2.topo': MESSY,
    'ignored/m3.topo': MESSY,
    'node_modules/p/m4.topo': MESSY,
  });
  const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

  it('--check lists the files not in house style and exits 1, writing nothing', async () => {
    const root = tree(files());
    const run = await topo(['format', '--check', '.'], root);
    expect(run).toEqual({ code: 1, stdout: 'messy/deeper/m2.topo\nmessy/m1.topo\n', stderr: '2 of 3 files not formatted; topo format rewrites them\n' });
    expect(read(root, 'messy/m1.topo')).toBe(MESSY);
  });

  it('rewrites those files in place, keeps their mode, leaves nothing behind, and then --check passes', async () => {
    const root = tree(files());
    chmodSync(join(root, 'messy/m1.topo'), 0o640);
    const run = await topo(['format', '.'], root);
    expect(run).toEqual({ code: 0, stdout: 'messy/deeper/m2.topo\nmessy/m1.topo\n', stderr: '2 of 3 files reformatted\n' });
    expect(read(root, 'messy/m1.topo')).toBe(FORMATTED);
    expect(read(root, 'messy/deeper/m2.topo')).toBe(FORMATTED);
    expect(statSync(join(root, 'messy/m1.topo')).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(root, 'messy')).sort()).toEqual(['deeper', 'm1.topo']);
    expect(read(root, 'ignored/m3.topo')).toBe(MESSY);
    expect(read(root, 'node_modules/p/m4.topo')).toBe(MESSY);
    expect(await topo(['format', '--check', '.'], root)).toEqual({ code: 0, stdout: '', stderr: '0 of 3 files not formatted\n' });
  });

  it('never rewrites a file with syntax errors: it reports them and exits 1, and formats the others', async () => {
    const broken = 'service a   {\n  work 2\n}\n';
    const root = tree({ ...files(), 'messy/broken.topo': broken });
    const run = await topo(['format', 'messy', 'good.topo'], root);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(/^messy\/broken\.topo:2:8 error syntax /);
    expect(run.stderr).toContain('2 of 4 files reformatted; 1 with syntax errors, left as they are');
    expect(read(root, 'messy/broken.topo')).toBe(broken);
    expect(read(root, 'messy/m1.topo')).toBe(FORMATTED);
    expect((await topo(['format', '--check', 'messy/broken.topo'], root)).code).toBe(1);
  });

  it.each([
    [[], 'which files or folders?'],
    [['--write', 'good.topo'], "Unknown option '--write'"],
    [['missing.topo'], 'missing.topo: no such file'],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await topo(['format', ...argv], tree(files()));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
