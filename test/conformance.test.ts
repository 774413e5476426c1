// The language contract: every conformance file gives exactly the diagnostics it marks,
// in-process and through `topo check --format json`.
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '@topo/language';
import { CONFORMANCE, expectations, topoFiles } from './conformance.js';

const ROOT = join(import.meta.dirname, '..');
const valid = topoFiles(join(CONFORMANCE, 'valid'));
const invalid = topoFiles(join(CONFORMANCE, 'invalid'));

describe('conformance, in-process', () => {
  it.each(valid.map((f) => [relative(CONFORMANCE, f), f]))('%s', async (_, file) => {
    const { findings } = await loadModel(file);
    const uri = pathToFileURL(file).toString();
    const actual = findings.filter((f) => f.loc.uri === uri && f.severity !== 'hint').map((f) => `${f.code}@${f.loc.start.line + 1}`);
    expect(actual.sort()).toEqual(expectations(file));
  });

  it.each(invalid.map((f) => [relative(CONFORMANCE, f), f]))('%s fails with its first syntax error on the marked line', async (_, file) => {
    const { findings } = await loadModel(file);
    const first = findings.find((f) => f.code === 'syntax');
    expect(first && `syntax@${first.loc.start.line + 1}`).toBe(expectations(file)[0]);
  });
});

describe('conformance, through topo check --format json', () => {
  it.each(valid.map((f) => [relative(CONFORMANCE, f), f]))('%s', (_, file) => {
    let stdout: string;
    try {
      stdout = execFileSync('node', [join(ROOT, 'packages/cli/dist/topo.js'), 'check', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8' });
    } catch (e) {
      stdout = (e as { stdout: string }).stdout; // exit 1 when an error is reported
    }
    const rel = relative(ROOT, file);
    const { diagnostics } = JSON.parse(stdout) as { diagnostics: { file: string; line: number; code: string; severity: string }[] };
    const actual = diagnostics.filter((d) => d.file === rel && d.severity !== 'hint').map((d) => `${d.code}@${d.line}`);
    expect(actual.sort()).toEqual(expectations(file));
  });
});
