import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagram } from '../src/commands/diagram.js';
import { InputError, UsageError, type CliIO } from '../src/io.js';

// Until the lead registers the command in commands/index.ts, it runs on its own here; what
// it throws (UsageError: exit 2, InputError: exit 1 in failure.ts) comes back as `error`.
async function run(argv: string[], cwd: string, signal?: AbortSignal) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, signal };
  try {
    return { code: await diagram.run(argv, io), stdout, stderr };
  } catch (error) {
    return { error, stdout, stderr };
  }
}

const examples = resolve(__dirname, '../../../examples');
const dir = mkdtempSync(join(tmpdir(), 'topo-diagram-'));
writeFileSync(join(dir, 'broken.topo'), 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n');
writeFileSync(
  join(dir, 'petal.topo'),
  [
    'architecture petal',
    'region here {',
    '  provider aws',
    '  zones a, b, c',
    '}',
    'service a {',
    '  call b timeout 1s',
    '}',
    'service b',
    'petal shared {',
    '  region here',
    '  memory 1TB',
    '  members a, b',
    '}',
    '',
  ].join('\n'),
);
writeFileSync(join(dir, 'warned.topo'), 'architecture warned\nservice a {\n  call b\n}\nservice b\n');

describe('topo diagram', () => {
  it('writes the netflix diagram as SVG, following the viewer’s colour scheme', async () => {
    const out = join(dir, 'netflix.svg');
    const { code, stdout } = await run([join(examples, 'netflix.topo'), '-o', out], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${out}: 8 components, 8 calls\n`);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('data-id="wwwproxy"');
    expect(svg).toContain('var(--topo-');
  });

  it('writes PNG, drawn light unless told otherwise', async () => {
    for (const theme of [[], ['--theme', 'dark']]) {
      const out = join(dir, `netflix-${theme.length}.png`);
      const { code } = await run([join(examples, 'netflix.topo'), '-o', out, ...theme], dir);
      expect(code).toBe(0);
      expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('prints the SVG without -o, and groups as asked', async () => {
    const { code, stdout } = await run([join(examples, 'netflix.topo'), '--group-by', 'team', '--theme', 'light'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('data-id="group:team:identity"');
    expect(stdout).not.toContain('var(--topo-');
  });

  it('boxes petals by default', async () => {
    const { code, stdout } = await run(['petal.topo'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('data-id="group:petal:shared"');
  });

  it('colours the file’s warnings on the picture and says how many', async () => {
    const out = join(dir, 'warned.svg');
    const { code, stdout } = await run(['warned.topo', '-o', 'warned.svg'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('wrote warned.svg: 2 components, 1 call, 1 marked with findings (topo check warned.topo lists them)\n');
    expect(readFileSync(out, 'utf8')).toMatch(/<g class="edge mark-warning" data-source="a" data-target="b"/);
  });

  it('refuses a file that does not lower to a model, drawing nothing', async () => {
    const { error, stderr } = await run(['broken.topo', '-o', 'broken.svg'], dir);
    expect(error).toBeInstanceOf(InputError);
    expect(stderr).toContain('unresolved-reference');
    expect(existsSync(join(dir, 'broken.svg'))).toBe(false);
  });

  it('draws a file whose analysis has errors, with a one-line note of them on stderr', async () => {
    const { code, stdout, stderr } = await run(['tangled.topo'], examples);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<svg/);
    expect(stderr).toMatch(/^tangled\.topo: \d+ errors?(, \d+ warnings?)? \(topo check shows them\)\n$/);
  });

  it('with -o, says once what it wrote and how many things carry findings', async () => {
    const { code, stdout, stderr } = await run(['tangled.topo', '-o', join(dir, 'tangled.svg')], examples);
    expect(code).toBe(0);
    expect(stdout).toMatch(/marked with findings \(topo check tangled\.topo lists them\)\n$/);
    expect(stderr).toBe('');
  });

  it.each([
    [['netflix.topo', '-o', 'out.pdf'], "-o names a .svg or .png file, not 'out.pdf'"],
    [['netflix.topo', '--group-by', 'zone'], "--group-by is one of layer, region, team, petal, none, not 'zone'"],
    [['netflix.topo', '--theme', 'blue'], "--theme is one of auto, light, dark, not 'blue'"],
    [[], 'one file, please'],
    [['netflix.topo', 'petalith.topo'], 'one file, please'],
    [['missing.topo'], 'missing.topo: no such file'],
  ])('refuses %j: %s', async (argv, message) => {
    const { error } = await run(argv, examples);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });

  it('stops on Ctrl-C, writing nothing', async () => {
    const out = join(dir, 'interrupted.svg');
    const { code, stderr } = await run([join(examples, 'netflix.topo'), '-o', out], dir, AbortSignal.abort());
    expect(code).toBe(130);
    expect(stderr).toBe('topo diagram: interrupted, nothing written\n');
    expect(existsSync(out)).toBe(false);
  });

  it('says so when it cannot write the output', async () => {
    const { error } = await run([join(examples, 'netflix.topo'), '-o', join(dir, 'no', 'such', 'dir.svg')], dir);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/cannot write .*dir\.svg \(ENOENT\)/);
  });
});
