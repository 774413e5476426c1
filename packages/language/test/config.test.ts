// topo.json: what it may set, each problem with its place in the file, the nearest file
// winning up to the workspace folder, and how its severities and limits reach the rules.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { parseConfig, TopoConfigs } from '../src/config.js';
import { loadModel, TopoConfigError } from '../src/index.js';

const problems = (text: string) => parseConfig('file:///ws/topo.json', text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);

describe('parseConfig', () => {
  it('reads rule severities and limits, and a $schema', () => {
    const file = parseConfig('file:///ws/topo.json', '{ "$schema": "./topo.schema.json", "rules": { "fan-out": "error", "uniform-timeouts": "off", "unused-ignore": "info" }, "limits": { "maxFanOut": 3, "maxRetryAmplification": 4.5 } }');
    expect(file.problems).toEqual([]);
    expect(file.config).toEqual({ rules: { 'fan-out': 'error', 'uniform-timeouts': 'off', 'unused-ignore': 'info' }, limits: { maxFanOut: 3, maxRetryAmplification: 4.5 } });
    expect(parseConfig('file:///ws/topo.json', '{}')).toMatchObject({ config: { rules: {}, limits: {} }, problems: [] });
  });

  it('reports invalid JSON where it is', () => {
    expect(problems('{\n  "rules": {\n    "fan-out": "error"\n    "uniform-timeouts": "off"\n  }\n}')).toEqual(['4:5 not valid JSON: comma expected']);
    expect(problems('{ "rules": {}, }')).toEqual(['1:16 not valid JSON: property name expected']);
    expect(problems('{ // a comment\n}')).toEqual(['1:3 not valid JSON: invalid comment token']);
    expect(problems('[]')).toEqual(['1:1 topo.json holds an object: { "rules": { … }, "limits": { … } }']);
    expect(problems('')).toEqual(['1:1 not valid JSON: value expected']);
  });

  it('reports unknown keys, rules and limits, the language\'s own ids, bad severities and bad limits, and keeps the rest', () => {
    const text = '{\n  "rule": {},\n  "rules": {\n    "fan-outs": "error",\n    "syntax": "off",\n    "duplicate-name": "warning",\n    "fan-out": "fatal",\n    "missing-timeout": "off"\n  },\n  "limits": { "maxFanOut": 0, "maxRetryAmplification": "8", "maxDepth": 3 }\n}';
    expect(problems(text)).toEqual([
      '2:3 unknown key "rule": topo.json has "rules" and "limits"',
      '4:5 unknown rule "fan-outs": did you mean "fan-out"?',
      '5:5 "syntax" is the language\'s own: its severity cannot be changed',
      '6:5 "duplicate-name" is the language\'s own: its severity cannot be changed',
      '7:16 the severity of "fan-out" is one of error, warning, info, off, not "fatal"',
      '10:28 "maxFanOut" is a positive number, not 0',
      '10:56 "maxRetryAmplification" is a positive number, not "8"',
      '10:61 unknown limit "maxDepth"; the limits are maxRetryAmplification, maxFanOut',
    ]);
    expect(parseConfig('file:///ws/topo.json', text).config).toEqual({ rules: { 'missing-timeout': 'off' }, limits: {} });
    expect(problems('{ "rules": { "chatty": "off", "fan-out": ["error"] } }')).toEqual([
      expect.stringMatching(/^1:14 unknown rule "chatty"; the rules are timeout-budget, deadline-budget, .*, unused-ignore$/),
      '1:42 the severity of "fan-out" is one of error, warning, info, off, not a list',
    ]);
    expect(problems('{ "rules": [], "limits": 8 }')).toEqual([
      '1:12 "rules" maps rule ids to a severity: { "fan-out": "error" }',
      '1:26 "limits" is an object: { "maxRetryAmplification": 8, "maxFanOut": 7 }',
    ]);
  });
});

/** A folder tree under a fresh temporary folder: path → content. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'topo-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the nearest topo.json', () => {
  const root = tree({
    'topo.json': '{ "rules": { "fan-out": "error" } }',
    'ws/topo.json': '{ "rules": { "fan-out": "info" } }',
    'ws/a/b/x.topo': '',
    'ws/c/topo.json': '{ "rules": { "fan-out": "off" } }',
    'ws/c/x.topo': '',
    'other/x.topo': '',
    'other/deeper/x.topo': '',
  });
  const nearest = (path: string, roots: string[]) => new TopoConfigs(new NodeFileSystemProvider(), () => roots.map((r) => URI.file(join(root, r)).toString())).nearest(URI.file(join(root, path)));

  it('is the one in the file\'s folder, else the closest above it', () => {
    expect(nearest('ws/c/x.topo', ['ws'])?.config.rules).toEqual({ 'fan-out': 'off' });
    expect(nearest('ws/a/b/x.topo', ['ws'])?.config.rules).toEqual({ 'fan-out': 'info' });
  });

  it('is looked for up to the workspace folder holding the file, not above it', () => {
    expect(nearest('ws/a/b/x.topo', ['ws/a'])).toBeUndefined();
    expect(nearest('ws/a/b/x.topo', ['.', 'ws/a'])).toBeUndefined();
    expect(nearest('other/deeper/x.topo', ['.'])?.config.rules).toEqual({ 'fan-out': 'error' });
  });

  it('is only in the file\'s own folder for a file outside every workspace folder', () => {
    expect(nearest('other/deeper/x.topo', ['ws'])).toBeUndefined();
    expect(nearest('ws/c/x.topo', ['other'])?.config.rules).toEqual({ 'fan-out': 'off' });
  });
});

describe('loadModel under a topo.json', () => {
  // web calls three targets; a fan-out limit of 2 makes it a finding.
  const model = 'service web {\n  call a timeout 1s\n  call b timeout 1s\n  call c\n}\nservice a\nservice b\nservice c\n';
  const codes = async (root: string, file: string, limits = {}) => (await loadModel(join(root, file), { workspaceRoot: root, limits })).findings.map((f) => `${f.code}@${f.loc.start.line + 1}:${f.severity}`);

  it('sets severities, turns rules off, and sets the limits', async () => {
    const root = tree({
      'plain/x.topo': model,
      'strict/topo.json': '{ "rules": { "missing-timeout": "error" }, "limits": { "maxFanOut": 2 } }',
      'strict/x.topo': model,
      'quiet/topo.json': '{ "rules": { "missing-timeout": "off", "fan-out": "info" }, "limits": { "maxFanOut": 2 } }',
      'quiet/x.topo': model,
    });
    expect(await codes(root, 'plain/x.topo')).toEqual(['missing-timeout@4:warning']);
    expect(await codes(root, 'strict/x.topo')).toEqual(['fan-out@1:warning', 'missing-timeout@4:error']);
    expect(await codes(root, 'quiet/x.topo')).toEqual(['fan-out@1:info']);
  });

  it('lets the limits given to it (the CLI\'s flags) win over topo.json\'s', async () => {
    const root = tree({ 'topo.json': '{ "limits": { "maxFanOut": 2 } }', 'x.topo': model });
    expect(await codes(root, 'x.topo', { maxFanOut: 3 })).toEqual(['missing-timeout@4:warning']);
    expect(await codes(root, 'x.topo', { maxFanOut: undefined })).toEqual(['fan-out@1:warning', 'missing-timeout@4:warning']);
  });

  it('applies to unused-ignore and to what topo-ignore leaves', async () => {
    const root = tree({
      'topo.json': '{ "rules": { "unused-ignore": "error" } }',
      'x.topo': 'service web {\n  call a // topo-ignore missing-timeout -- accepted\n  call b timeout 1s // topo-ignore missing-timeout -- stale\n}\nservice a\nservice b\n',
    });
    expect(await codes(root, 'x.topo')).toEqual(['unused-ignore@3:error']);
  });

  it('throws TopoConfigError with each problem of a bad topo.json', async () => {
    const root = tree({ 'topo.json': '{\n  "rules": { "fan-outs": "error" }\n}', 'x.topo': model });
    const error = await loadModel(join(root, 'x.topo'), { workspaceRoot: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopoConfigError);
    const [file] = (error as TopoConfigError).files;
    expect(file!.uri).toBe(URI.file(join(root, 'topo.json')).toString());
    expect(file!.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1}`)).toEqual(['2:14']);
  });
});
