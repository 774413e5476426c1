// THIRD-PARTY-NOTICES.md names every package the CLI, the language server and the extension
// may ship: each production package of the lock file (not a dev tool, not one of ours)
// with its license. A dependency added without its notice fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const notices = readFileSync(join(ROOT, 'THIRD-PARTY-NOTICES.md'), 'utf8');

interface Locked {
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
}

/** name → license of each production package: optional ones are the platform binaries of a package named itself. */
function productionPackages(): Map<string, string> {
  const { packages } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Locked> };
  const out = new Map<string, string>();
  for (const [path, p] of Object.entries(packages)) {
    if (!path.includes('node_modules/') || p.dev || p.link || p.optional) continue;
    out.set(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), p.license ?? 'no license field');
  }
  return out;
}

/** The notice's lines (headings and table rows) that name a package as a whole word. */
function linesNaming(name: string): string[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const word = new RegExp(`(^|[\\s|,])${escaped}([\\s|,]|$)`);
  return notices.split('\n').filter((line) => word.test(line));
}

/** The licenses the notices spell out rather than name by their SPDX id. */
const SPELLED_OUT: Record<string, string> = {
  'Apache-2.0': 'Apache License 2.0',
  'EPL-2.0': 'Eclipse Public License 2.0',
  'MPL-2.0': 'Mozilla Public License 2.0',
};

const states = (line: string, license: string) => line.includes(license) || (SPELLED_OUT[license] !== undefined && line.includes(SPELLED_OUT[license]));

describe('THIRD-PARTY-NOTICES.md', () => {
  const packages = productionPackages();

  it('finds the production packages of the lock file, and not the dev tools', () => {
    expect(packages.get('langium')).toBe('MIT');
    expect(packages.has('vitest')).toBe(false);
    expect(packages.has('@topo/model')).toBe(false);
  });

  it('names each production package, on a line that states its license', () => {
    const missing = [...packages]
      .filter(([name, license]) => {
        const licenses = license.replace(/[()]/g, '').split(/ (?:AND|OR) /);
        return !linesNaming(name).some((line) => licenses.every((l) => states(line, l)));
      })
      .map(([name, license]) => `${name} (${license})`);
    expect(missing, 'add these to THIRD-PARTY-NOTICES.md').toEqual([]);
  });

  it('a package missing, or under another license, is found', () => {
    expect(linesNaming('no-such-package')).toEqual([]);
    expect(linesNaming('langium').some((line) => states(line, 'GPL-2.0'))).toBe(false);
  });
});
