// How commands end when something is wrong: one exit code per kind of failure, whichever
// command meets it (failure.ts), one-line messages naming the file, and no file half written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import { runCli } from '../src/main.js';
import { streamWriter } from '../src/streams.js';
import { topo } from './run.js';

const examples = resolve(import.meta.dirname, '../../../examples');
const dir = mkdtempSync(join(tmpdir(), 'topo-failures-'));
writeFileSync(join(dir, 'syntax.topo'), 'architecture broken\nservice a {\n  instances\n');
writeFileSync(join(dir, 'binary.topo'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x03]));
writeFileSync(join(dir, 'latin1.topo'), Buffer.from('architecture caf\xe9\n', 'latin1'));

describe('exit codes', () => {
  it.each([
    ['check', ['check', 'syntax.topo']],
    ['simulate', ['simulate', 'syntax.topo']],
    ['diagram', ['diagram', 'syntax.topo']],
    ['carbon', ['carbon', 'syntax.topo']],
    ['report', ['report', 'syntax.topo', '-o', 'never.html']],
    ['export', ['export', 'syntax.topo', '--to', 'model']],
    ['diff', ['diff', 'syntax.topo', join(examples, 'netflix.topo')]],
    ['format', ['format', 'syntax.topo']],
  ])('a syntax error is exit 1 from %s, naming the file and line', async (_, argv) => {
    const run = await topo(argv, dir);
    expect(run.code).toBe(1);
    // topo check prints its diagnostics on stdout; the others say why they stop on stderr.
    expect(argv[0] === 'check' ? run.stdout : run.stderr).toMatch(/^syntax\.topo:\d+:\d+ error syntax /m);
    expect(existsSync(join(dir, 'never.html'))).toBe(false);
  });

  it('an event limit overrun is exit 1 with the same message from a run, a sweep and a diff', async () => {
    const file = join(examples, 'capacity/well-behaved.topo');
    const one = await topo(['simulate', file, '--max-events', '1000'], dir);
    const swept = await topo(['simulate', file, '--sweep-users', '1:3:1', '--max-events', '1000'], dir);
    const diffed = await topo(['diff', file, file, '--scenario', 'browse', '--max-events', '1000'], dir);
    for (const run of [one, swept, diffed]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^topo (simulate|diff): .*this run would take about .* events, over the limit of/m);
    }
    expect(swept.stderr).toContain("the sweep's run with 1 user:");
    expect(swept.stdout).toBe('');
  });
});

describe('files', () => {
  it.each(['binary.topo', 'latin1.topo'])('%s is refused in one line as not a text file', async (name) => {
    for (const argv of [['check', name], ['simulate', name], ['format', name], ['check', '.']]) {
      const run = await topo(argv, dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^topo \w+: (binary|latin1)\.topo: not a text file\n$/);
    }
  });

  it('a trace that cannot be written is exit 2, named as given', async () => {
    const run = await topo(['simulate', join(examples, 'netflix.topo'), '--trace', join(dir, 'missing/tr.json')], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`topo simulate: cannot write ${join(dir, 'missing/tr.json')} (ENOENT)\n`);
  });

  it('every output file goes through the one atomic writer', () => {
    const sources = join(import.meta.dirname, '../src');
    const modules = readdirSync(sources, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== 'output.ts');
    for (const file of modules) expect(readFileSync(join(sources, file), 'utf8'), file).not.toMatch(/writeFileSync|write-file-atomic|createWriteStream/);
  });

  it('report -o wants an .html file', async () => {
    const run = await topo(['report', join(examples, 'netflix.topo'), '-o', 'r.svg'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("topo report: -o names an .html file, not 'r.svg'\n");
    expect(existsSync(join(dir, 'r.svg'))).toBe(false);
  });

  it('prints a path given absolute as absolute, and a file outside the current folder absolute, never ../..', async () => {
    const out = join(dir, 'abs.html');
    const run = await topo(['report', join(examples, 'netflix.topo'), '-o', out], join(examples, 'capacity'));
    expect(run.stdout).toMatch(new RegExp(`^wrote ${out} `));
    const checked = await topo(['check', join(examples, 'petalith.topo')], dir);
    expect(checked.stdout).toMatch(new RegExp(`^${join(examples, 'petalith.topo')}:\\d+:\\d+ `, 'm'));
    expect(checked.stdout).not.toContain('../');
  });

  it('names a file named on the command line as given: ../x relative, an absolute path under the folder absolute', async () => {
    const up = await topo(['check', '../petalith.topo'], join(examples, 'capacity'));
    expect(up.stdout).toMatch(/^\.\.\/petalith\.topo:\d+:\d+ error /m);
    const absolute = join(examples, 'petalith.topo');
    const under = await topo(['check', absolute, '--format', 'json'], examples);
    expect(JSON.parse(under.stdout).diagnostics[0].file).toBe(absolute);
    const folder = await topo(['check', '.'], examples);
    expect(folder.stdout).toMatch(/^petalith\.topo:\d+:\d+ /m);
  });
});

describe('options', () => {
  it.each([
    [['--seed', '-1'], "--seed wants a whole number ≥ 0, not '-1'"],
    [['--seed=-1'], "--seed wants a whole number ≥ 0, not '-1'"],
    [['--seed', '99999999999999999999'], "--seed is at most 4,294,967,295, not '99999999999999999999'"],
    [['--trace-sample', '-5', '--trace', 'x.json'], "--trace-sample wants a whole number ≥ 1, not '-5'"],
  ])('simulate %j: %s', async (args, message) => {
    const run = await topo(['simulate', join(examples, 'netflix.topo'), ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`topo simulate: ${message}\n`);
  });

  it('a rate sweep of a scenario of closed users is refused, as a users sweep of an open one is', async () => {
    const run = await topo(['simulate', join(examples, 'capacity/lock-contention.topo'), '--sweep-rate', '100:1000:100'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^topo simulate: a sweep over rates scales the scenario's `load` lines; scenario \w+ has none/);
    expect(run.stdout).toBe('');
  });

  it('diff refuses simulation limits without --scenario', async () => {
    const file = join(examples, 'netflix.topo');
    const run = await topo(['diff', file, file, '--max-events', '5'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('topo diff: --max-events and --max-memory limit the simulations of --scenario NAME\n');
  });

  it('topo help COMMAND prints the command’s help', async () => {
    const run = await topo(['help', 'check'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe((await topo(['check', '--help'], dir)).stdout);
    expect(run.stdout).toMatch(/^usage: topo check /);
  });
});

describe('progress', () => {
  it('a sweep shows its runs done on a terminal, and erases the line after', async () => {
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => void (stderr += t), cwd: dir, isTTY: true };
    const code = await runCli(['simulate', join(examples, 'capacity/well-behaved.topo'), '--sweep-users', '1:2:1'], io);
    expect(code).toBe(0);
    expect(stderr).toContain('\rsweeping: 2 of 2 runs');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('help', () => {
  it.each(commands.map((c) => c.name))('topo %s --help describes each option of its definition, with its default', async (name) => {
    const listed = commands.find((c) => c.name === name)!;
    const command = await listed.load();
    const run = await topo([name, '--help'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`usage: ${command.usage}\n\n${listed.summary}.\n`)).toBe(true);
    for (const [option, spec] of Object.entries(command.options)) {
      const line = run.stdout.split('\n').find((l) => l.includes(`--${option}`) && l.includes(spec.help));
      expect(line, option).toBeDefined();
      if (spec.default !== undefined) expect(line).toContain(`default: ${spec.default.toLocaleString('en-US')}`);
    }
  });

  it('shows the defaults the parser uses: one trace in 100, 200,000,000 events', async () => {
    const run = await topo(['simulate', '--help'], dir);
    expect(run.stdout).toMatch(/--trace-sample N +trace one request in N \(with --trace\) \(default: 100\)/);
    expect(run.stdout).toMatch(/--max-events N +refuse a run estimated over N events \(default: 200,000,000\)/);
    expect(run.stdout).toMatch(/--scenario NAME +the scenario to run \(the file's first/);
  });
});

describe('a closed output pipe', () => {
  it('drops the rest of the output quietly on EPIPE, and tells of any other error', () => {
    const stream = new PassThrough();
    const others: string[] = [];
    const write = streamWriter(stream, (e) => others.push(e.code ?? ''));
    write('a');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    write('b');
    expect(stream.read()?.toString()).toBe('a');
    expect(others).toEqual([]);
    const failing = new PassThrough();
    streamWriter(failing, (e) => others.push(e.code ?? ''));
    failing.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
    expect(others).toEqual(['EIO']);
  });
});
