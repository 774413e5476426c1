// topo check under topo.json and topo-ignore: the nearest topo.json wins, `off` silences a
// rule, a severity raised to error fails the run, its limits apply under the CLI's flags,
// comments suppress what they name; a bad topo.json stops every command with exit 2.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topo } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'topo-json-'));
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
// web calls three targets, one without a timeout.
const model = 'architecture x\nservice web {\n  call a timeout 1s\n  call b timeout 1s\n  call c\n}\nservice a\nservice b\nservice c\n';
write('topo.json', '{ "rules": { "missing-timeout": "error" } }');
write('strict.topo', model);
write('relaxed/topo.json', '{ "rules": { "missing-timeout": "off" } }');
write('relaxed/deeper/x.topo', model);
write('informed/topo.json', '{ "rules": { "missing-timeout": "info" }, "limits": { "maxFanOut": 2 } }');
write('informed/x.topo', model);
write('ignored/topo.json', '{}');
write('ignored/x.topo', model.replace('  call c\n', '  // topo-ignore missing-timeout -- c answers from memory\n  call c\n  call a timeout 1s // topo-ignore connect-timeout -- stale\n'));
write('bad/topo.json', '{\n  "rules": { "fan-outs": "error" },\n  "limits": { "maxFanOut": -1 }\n}\n');
write('bad/x.topo', model);

describe('topo check with topo.json', () => {
  it('raises a rule to error: the run fails', async () => {
    const run = await topo(['check', 'strict.topo'], dir);
    expect(run.stdout).toContain('strict.topo:5:3 error missing-timeout the call to c has no timeout');
    expect(run.code).toBe(1);
  });

  it('uses the nearest topo.json: `off` in a folder above the file silences the rule there', async () => {
    const run = await topo(['check', 'relaxed/deeper/x.topo'], dir);
    expect(run).toMatchObject({ code: 0, stdout: 'no problems (1 file checked)\n' });
  });

  it('sets a severity to info and a limit; the flags win over the limit', async () => {
    const run = await topo(['check', 'informed/x.topo'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('informed'))).toEqual([
      expect.stringMatching(/^informed\/x\.topo:2:9 warning fan-out web calls 3 distinct targets, more than 2: /),
      'informed/x.topo:5:3 info missing-timeout the call to c has no timeout: if c hangs, web waits with it, and no caller of web can budget for it',
    ]);
    const flagged = await topo(['check', 'informed/x.topo', '--max-fan-out', '3'], dir);
    expect(flagged.stdout).not.toContain('fan-out');
  });

  it('honours topo-ignore comments and reports a stale one', async () => {
    const run = await topo(['check', '--format', 'json', 'ignored/x.topo'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { line: number; code: string; severity: string }) => `${d.line} ${d.severity} ${d.code}`)).toEqual(['7 warning unused-ignore']);
  });

  it('refuses a bad topo.json with each problem at its line, exit 2, in every command', async () => {
    const run = await topo(['check', 'bad/x.topo'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'bad/topo.json:2:14 error unknown rule "fan-outs": did you mean "fan-out"?',
      'bad/topo.json:3:28 error "maxFanOut" is a positive number, not -1',
      'topo check: fix topo.json first',
      '',
    ]);
    const diagram = await topo(['diagram', 'bad/x.topo'], dir);
    expect(diagram.code).toBe(2);
    expect(diagram.stderr).toContain('bad/topo.json:2:14 error unknown rule "fan-outs"');
  });
});
