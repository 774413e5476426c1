// The packages import one another only along the allowed arrows (.dependency-cruiser.mjs),
// checked by dependency-cruiser over every package's files; the arrows are exactly those the
// sources use, they run one way, and ARCHITECTURE.md's package map lists the same. The same
// check holds every package's modules to one way among themselves (`modules-one-way`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { ARROWS } from '../.dependency-cruiser.mjs';

const ROOT = join(import.meta.dirname, '..');

function cruise(): ICruiseResult {
  const bin = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const json = execFileSync(process.execPath, [bin, 'packages', '--config', '.dependency-cruiser.mjs', '--output-type', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(json) as ICruiseResult;
}

/** package → the packages its sources import, sorted. */
function packageMap(result: ICruiseResult): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const module of result.modules) {
    const from = /^packages\/([^/]+)\/src\//.exec(module.source)?.[1];
    if (!from) continue;
    map.set(from, map.get(from) ?? new Set());
    for (const dependency of module.dependencies) {
      const to = /^packages\/([^/]+)\//.exec(dependency.resolved)?.[1];
      if (to && to !== from) map.get(from)!.add(to);
    }
  }
  return Object.fromEntries([...map].map(([from, to]) => [from, [...to].sort()]));
}

/** The arrows by package (`language/protocol` is an arrow to `language`), sorted. */
const byPackage = (arrows: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(arrows).map(([from, to]) => [from, [...new Set(to.map((t) => t.split('/')[0]!))].sort()]));

describe('the package arrows', () => {
  const result = cruise();

  it('are the only imports between packages, and no engine module imports one that imports it back', () => {
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
  });

  it('are exactly the arrows the sources use', () => {
    expect(packageMap(result)).toEqual(byPackage(ARROWS));
  });

  it('run one way: no package imports one that imports it back', () => {
    const arrows = byPackage(ARROWS);
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of arrows[from] ?? []) {
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        if (reaches(next, to, seen)) return true;
      }
      return false;
    };
    expect(Object.keys(arrows).filter((p) => reaches(p, p))).toEqual([]);
  });

  it('are the map of ARCHITECTURE.md', () => {
    const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const table = text.slice(text.indexOf('| package |'));
    const rows = table.split('\n').filter((line) => /^\| `[a-z]+` \|/.test(line));
    const documented = Object.fromEntries(
      rows.map((row) => {
        const cells = row.split('|').slice(1, -1);
        const imports = [...cells.at(-1)!.matchAll(/`([a-z/]+)`/g)].map((m) => m[1]!);
        return [/`([a-z]+)`/.exec(cells[0]!)![1]!, imports];
      }),
    );
    expect(documented).toEqual(ARROWS);
  });
});
