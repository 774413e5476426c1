// The language contract: every conformance file in the suite gives exactly the diagnostics
// it marks, in-process and through `topo check --format json`. The suite is the version 1
// corpus and the version 2 files of V2_SUITE.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '@topo/language';
import { CONFORMANCE, CONFORMANCE_V2, expectations, topoFiles, V2_SUITE } from './conformance.js';

const ROOT = join(import.meta.dirname, '..');
const v2 = (kind: string) => V2_SUITE.filter((f) => f.startsWith(`${kind}/`)).map((f) => join(CONFORMANCE_V2, f));
const valid = [...topoFiles(join(CONFORMANCE, 'valid')), ...v2('valid')];
const invalid = [...topoFiles(join(CONFORMANCE, 'invalid')), ...v2('invalid')];
/** Test titles: `conformance/valid/shop.topo`, `conformance-v2/valid/faults.topo`. */
const named = (files: string[]) => files.map((f) => [relative(import.meta.dirname, f), f]);

describe('the suite', () => {
  it('names version 2 files that exist, under valid/ or invalid/', () => {
    for (const f of V2_SUITE) {
      expect(existsSync(join(CONFORMANCE_V2, f)), f).toBe(true);
      expect(f, f).toMatch(/^(valid|invalid)\/.+\.topo$/);
    }
  });
});

describe('conformance, in-process', () => {
  it.each(named(valid))('%s', async (_, file) => {
    const { findings } = await loadModel(file);
    const uri = pathToFileURL(file).toString();
    const actual = findings.filter((f) => f.loc.uri === uri && f.severity !== 'hint').map((f) => `${f.code}@${f.loc.start.line + 1}`);
    expect(actual.sort()).toEqual(expectations(file));
  });

  it.each(named(invalid))('%s fails with its first syntax error on the marked line', async (_, file) => {
    const { findings } = await loadModel(file);
    const first = findings.find((f) => f.code === 'syntax');
    expect(first && `syntax@${first.loc.start.line + 1}`).toBe(expectations(file)[0]);
  });
});

describe('conformance, through topo check --format json', () => {
  it.each(named(valid))('%s', (_, file) => {
    let stdout: string;
    // Named as a user at the repository's root names it: the diagnostics print it as given.
    const rel = relative(ROOT, file);
    try {
      stdout = execFileSync('node', [join(ROOT, 'packages/cli/dist/topo.js'), 'check', '--format', 'json', rel], { cwd: ROOT, encoding: 'utf8' });
    } catch (e) {
      stdout = (e as { stdout: string }).stdout; // exit 1 when an error is reported
    }
    const { diagnostics } = JSON.parse(stdout) as { diagnostics: { file: string; line: number; code: string; severity: string }[] };
    const actual = diagnostics.filter((d) => d.file === rel && d.severity !== 'hint').map((d) => `${d.code}@${d.line}`);
    expect(actual.sort()).toEqual(expectations(file));
  });
});
