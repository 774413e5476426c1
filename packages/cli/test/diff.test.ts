// `topo diff`: two versions compared as text, JSON and markdown, from files and from git
// revisions; simulated deltas; bad input and exit codes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { topo } from './run.js';

const ARCH_V1 = `architecture shop
import "lib.topo"

service web {
  layer edge
  instances 3 of m5.large
  deadline 1s
  call api timeout 300ms retries 1
  call api timeout 100ms
}

service api {
  layer esl
  instances 3 of m5.large
  work 2ms
  call db read timeout 50ms
}

scenario peak {
  load 200 rps into web for 5s
  seed 7
}
`;
// A shorter timeout than api may take (an error), api doubled, a cache added, a call removed.
const ARCH_V2 = ARCH_V1.replace('call api timeout 300ms retries 1\n  call api timeout 100ms', 'call api timeout 40ms retries 1')
  .replace('instances 3 of m5.large\n  work 2ms', 'instances 6 of m5.large\n  work 2ms')
  .replace('call db read timeout 50ms', 'call db read timeout 50ms\n  call sessions timeout 5ms')
  .concat('\ncache sessions: redis\n');
const LIB_V1 = 'datastore db: cassandra {\n  instances 3 of i3.large\n}\n';
const LIB_V2 = LIB_V1.replace('instances 3', 'instances 6');

const dir = mkdtempSync(join(tmpdir(), 'topo-diff-'));
const shop = join(dir, 'shop');
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=topo', '-c', 'user.email=topo@example.com', ...args], { cwd: dir, stdio: 'pipe' });
const write = (file: string, text: string) => writeFileSync(join(shop, file), text);

beforeAll(() => {
  mkdirSync(shop);
  git('init', '-q');
  write('arch.topo', ARCH_V1);
  write('lib.topo', LIB_V1);
  // A call without a timeout, its rule turned off by the revision's topo.json; and a bad one.
  mkdirSync(join(dir, 'quiet'));
  writeFileSync(join(dir, 'quiet', 'a.topo'), 'service a {\n  call b\n}\nservice b\n');
  writeFileSync(join(dir, 'quiet', 'topo.json'), '{ "rules": { "missing-timeout": "off" } }\n');
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'a.topo'), 'service a\n');
  writeFileSync(join(dir, 'bad', 'topo.json'), '{ "rules": { "fan-out": "loud" } }\n');
  mkdirSync(join(dir, 'cycle'));
  writeFileSync(join(dir, 'cycle', 'a.topo'), 'import "b.topo"\nservice a\n');
  writeFileSync(join(dir, 'cycle', 'b.topo'), 'import "a.topo"\nservice b\n');
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
  writeFileSync(join(dir, 'quiet', 'topo.json'), '{}\n');
  write('arch.topo', ARCH_V2);
  write('lib.topo', LIB_V2);
  git('add', '.');
  git('commit', '-q', '-m', 'v2');
  // The working tree moves on: a revision must be read with its own imports, not these.
  write('lib.topo', LIB_V1.replace('instances 3', 'instances 9'));
  // Files beside the repository's, outside git.
  write('v1.topo', ARCH_V1);
  write('v2.topo', ARCH_V2);
  write('broken.topo', 'service a {\n  call nowhere timeout 1s\n}\n');
  write('other.topo', ARCH_V1.replace('scenario peak', 'scenario rush'));
  write('huge.topo', ARCH_V1.replace('load 200 rps into web for 5s', 'load 1000000 rps into web for 3600s'));
}, 60_000);

describe('topo diff of two files', () => {
  it('prints what changed, the findings introduced and the carbon, and exits 1 on a new error', async () => {
    // v1 and v2 both import the working tree's lib.topo: the database does not change.
    const run = await topo(['diff', 'v1.topo', 'v2.topo'], shop);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('topo diff v1.topo → v2.topo');
    expect(lines[1]).toMatch(/^1 component changed, 1 added; 1 call changed, 1 added, 1 removed; 1 finding introduced \(1 error\); carbon per month \+[\d.]+ kgCO2e \(\+[\d.]+%\)$/);
    expect(lines).toContain('  ~ service api: instances 3 → 6');
    expect(lines).toContain('  + cache sessions');
    expect(lines).toContain('  ~ web → api: timeout 300ms → 40ms');
    expect(lines).toContain('  - web → api #2');
    expect(lines).toContain('  + api → sessions');
    expect(run.stdout).toMatch(/findings introduced\n {2}v2\.topo:8:3 error timeout-budget on call web → api: timeout 40ms on the call to api is shorter than api may take/);
    expect(run.stdout).not.toContain('datastore db');
    expect(run.stdout).toMatch(/carbon per month\n {2}total +[\d.]+ kgCO2e +→ +[\d.]+ kgCO2e +\+[\d.]+ kgCO2e \(\+[\d.]+%\)\n {2}sessions +0 +→ +[\d.]+ kgCO2e +\+[\d.]+ kgCO2e\n {2}api /);
  });

  it('prints JSON with every part, the findings located in their own version', async () => {
    const run = await topo(['diff', 'v1.topo', 'v2.topo', '--format', 'json'], shop);
    expect(run.code).toBe(1);
    const r = JSON.parse(run.stdout);
    expect(r).toMatchObject({ old: 'v1.topo', new: 'v2.topo', introducesError: true });
    expect(r.components).toEqual({ added: [{ name: 'sessions', kind: 'cache' }], removed: [], changed: [{ name: 'api', kind: 'service', changes: [{ property: 'instances', before: '3', after: '6' }] }] });
    expect(r.calls.removed).toEqual([{ from: 'web', target: 'api', group: 'sequential', ordinal: 2, key: 'web → api #2' }]);
    expect(r.findings.introduced).toEqual([
      expect.objectContaining({ file: 'v2.topo', line: 8, column: 3, severity: 'error', code: 'timeout-budget', element: 'call web → api' }),
    ]);
    expect(r.findings.resolved).toEqual([]);
    expect(r.carbon.total.delta).toBeCloseTo(r.carbon.total.after - r.carbon.total.before, 9);
    expect(r.carbon.components.map((c: { name: string }) => c.name)).toEqual(['sessions', 'api']);
    expect(r.simulation).toBeUndefined();
  });

  it('prints markdown for a pull request: a summary line, then tables', async () => {
    const run = await topo(['diff', 'v1.topo', 'v2.topo', '--format', 'markdown'], shop);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^\*\*topo diff\*\* `v1\.topo` → `v2\.topo`: 1 component changed, 1 added; .*1 finding introduced \(1 error\); carbon per month \+/);
    expect(lines).toContain('#### Components');
    expect(lines).toContain('| changed | service api | instances 3 → 6 |');
    expect(lines).toContain('| added | cache sessions |  |');
    expect(lines).toContain('| changed | web → api | timeout 300ms → 40ms |');
    expect(lines.find((l) => l.startsWith('| introduced | error | timeout-budget | call web → api | timeout 40ms'))).toMatch(/\| v2\.topo:8 \|$/);
    expect(lines).toContain('#### Carbon per month');
    expect(lines.find((l) => l.startsWith('| total |'))).toMatch(/^\| total \| [\d.]+ kgCO2e \| [\d.]+ kgCO2e \| \+[\d.]+ kgCO2e \(\+[\d.]+%\) \|$/);
    // Every table has a header separator as wide as its header.
    for (const [i, l] of lines.entries()) if (/^\|(---\|)+$/.test(l)) expect(l.split('|').length).toBe(lines[i - 1]!.split('|').length);
    expect(run.stdout).not.toMatch(/<[a-z]/);
  });

  it('exits 0 when NEW resolves an error, and says when nothing changed', async () => {
    const back = await topo(['diff', 'v2.topo', 'v1.topo', '--format', 'json'], shop);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).findings.resolved).toEqual([expect.objectContaining({ code: 'timeout-budget', file: 'v2.topo', element: 'call web → api' })]);
    const same = await topo(['diff', 'v1.topo', 'v1.topo'], shop);
    expect(same.code).toBe(0);
    expect(same.stdout.split('\n')[1]).toBe('no component or call changed; no finding introduced or resolved; carbon per month unchanged');
  });
});

describe('topo diff across git revisions', () => {
  it('reads REV:path and its imports at that revision', async () => {
    const run = await topo(['diff', 'HEAD~1:shop/arch.topo', 'HEAD:shop/arch.topo', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const r = JSON.parse(run.stdout);
    expect(r.components.changed).toContainEqual({ name: 'db', kind: 'datastore', changes: [{ property: 'instances', before: '3', after: '6' }] });
    expect(r.findings.introduced).toEqual([expect.objectContaining({ file: 'HEAD:shop/arch.topo', line: 8, code: 'timeout-budget' })]);
  });

  it('takes ./path from the current folder, as git does, and compares a revision with the working tree', async () => {
    const run = await topo(['diff', 'HEAD~1:./arch.topo', 'arch.topo'], shop);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('topo diff HEAD~1:./arch.topo → arch.topo');
    // The working tree's lib.topo has 9 instances; v1's had 3.
    expect(run.stdout).toContain('  ~ datastore db: instances 3 → 9');
    const back = await topo(['diff', 'arch.topo', 'HEAD~1:./arch.topo', '--format', 'json'], shop);
    expect(JSON.parse(back.stdout).findings.resolved).toEqual([expect.objectContaining({ file: 'arch.topo', line: 8 })]);
  });

  it('reads topo.json at the revision too', async () => {
    const run = await topo(['diff', 'HEAD~1:quiet/a.topo', 'quiet/a.topo', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).findings.introduced).toEqual([expect.objectContaining({ code: 'missing-timeout', file: 'quiet/a.topo', element: 'call a → b' })]);
    const bad = await topo(['diff', 'HEAD:bad/a.topo', 'quiet/a.topo'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^topo diff: HEAD:bad\/a\.topo: its topo\.json is invalid: HEAD:bad\/topo\.json:1:25 .*"fan-out"/);
  });

  it('refuses a bad revision, a path absent at it, and a folder outside git, naming them (exit 2)', async () => {
    const bad = await topo(['diff', 'nope:shop/arch.topo', 'v1.topo'], shop);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^topo diff: nope:shop\/arch\.topo: .*nope/);
    const absent = await topo(['diff', 'HEAD:shop/missing.topo', 'v1.topo'], shop);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/^topo diff: HEAD:shop\/missing\.topo: .*missing\.topo/);
    const outside = mkdtempSync(join(tmpdir(), 'topo-diff-nogit-'));
    const noRepo = await topo(['diff', 'HEAD:a.topo', 'HEAD:b.topo'], outside);
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/^topo diff: HEAD:a\.topo: not a git repository/);
  });
});

describe('topo diff --scenario', () => {
  it('simulates the scenario on both with one seed and reports the deltas', async () => {
    const run = await topo(['diff', 'v1.topo', 'v2.topo', '--scenario', 'peak', '--format', 'json'], shop);
    expect(run.code).toBe(1);
    const { simulation } = JSON.parse(run.stdout);
    expect(simulation).toMatchObject({ scenario: 'peak', seed: 7 });
    const rows = Object.fromEntries(simulation.rows.map((r: { id: string }) => [r.id, r]));
    for (const id of ['succeeded', 'p99', 'wastedWork']) {
      const row = rows[id];
      expect(row.before, id).toEqual(expect.any(Number));
      expect(row.after, id).toEqual(expect.any(Number));
      expect(row.delta, id).toBeCloseTo(row.after - row.before, 9);
    }
    expect(rows.succeeded.before).toBeGreaterThan(99);
    // One call fewer: a request takes less time.
    expect(rows.p99.after).toBeLessThan(rows.p99.before);
  });

  it('gives no delta between a version and itself: the same seed on both', async () => {
    const run = await topo(['diff', 'HEAD~1:./arch.topo', 'HEAD~1:./arch.topo', '--scenario', 'peak'], shop);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('simulation of peak, seed 7');
    const table = run.stdout.slice(run.stdout.indexOf('simulation of peak'));
    expect(table).toMatch(/succeeded \(%\) +100\.0% +→ +100\.0% +0\n/);
    expect(table).toMatch(/p99 of successes \(ms\) +[\d.]+ +→ +[\d.]+ +0\n/);
    expect(run.stdout.split('\n')[1]).toMatch(/; peak: succeeded 100\.0% → 100\.0%, p99 of successes ([\d.]+) → \1 ms$/);
  });

  it('puts the deltas in the markdown, a percentage in points', async () => {
    const run = await topo(['diff', 'v1.topo', 'v2.topo', '--scenario', 'peak', '--format', 'markdown'], shop);
    expect(run.stdout).toContain('#### Simulation of peak, seed 7');
    expect(run.stdout).toMatch(/\n\| succeeded \(%\) \| [\d.]+% \| [\d.]+% \| (0|[+-][\d.]+ points) \|\n/);
    expect(run.stdout).toMatch(/\n\| p99 of successes \(ms\) \| [\d.]+ \| [\d.]+ \| -[\d.]+ \|\n/);
  });

  it('refuses a scenario one version lacks, naming that version (exit 2), and a run too large to simulate (exit 1)', async () => {
    const run = await topo(['diff', 'v1.topo', 'other.topo', '--scenario', 'peak'], shop);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^topo diff: other\.topo: .*peak/);
    const huge = await topo(['diff', 'v1.topo', 'huge.topo', '--scenario', 'peak'], shop);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/^topo diff: this run would take about [\d,]+ events, over the limit/);
    expect((await topo(['diff', 'v1.topo', 'huge.topo', '--scenario', 'peak', '--max-events', '1e20', '--max-memory', '1'], shop)).stderr).toMatch(/of memory, over the 1 MB available/);
  });
});

describe('topo diff on bad input', () => {
  it('refuses a missing file, a wrong number of versions and an unknown format (exit 2)', async () => {
    expect(await topo(['diff', 'v1.topo', 'gone.topo'], shop)).toMatchObject({ code: 2, stderr: 'topo diff: gone.topo: no such file\n' });
    expect((await topo(['diff', 'v1.topo'], shop)).stderr).toMatch(/^topo diff: two versions, please/);
    expect((await topo(['diff', 'v1.topo', 'v2.topo', '--format', 'html'], shop)).stderr).toMatch(/^topo diff: --format is one of text, json, markdown/);
  });

  it('refuses a version that does not lower to a model, with its findings (exit 1)', async () => {
    const run = await topo(['diff', 'v1.topo', 'broken.topo'], shop);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^broken\.topo:2:8 error unresolved-reference /);
    expect(run.stderr).toContain('topo diff: broken.topo cannot be compared: it does not lower to a model (unresolved-reference)');
    const cycle = await topo(['diff', 'HEAD:cycle/a.topo', 'shop/v1.topo'], dir);
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toMatch(/^HEAD:cycle\/a\.topo:1:1 error import-cycle /m);
    expect(cycle.stderr).toMatch(/^HEAD:cycle\/b\.topo:1:1 error import-cycle /m);
    expect(cycle.stderr).toContain('topo diff: HEAD:cycle/a.topo cannot be compared: it does not lower to a model (import-cycle)');
  });
});
