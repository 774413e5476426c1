// examples/capacity/: one small design per bottleneck pattern of the talk. Each checks clean
// but for what the checker can see of its pattern, and the `topo report` command its opening
// comment gives names its pattern.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PATTERN_LABELS, type BottleneckPattern } from '@topo/simulator';
import { topo } from './run.js';
// The page inlines the views' bundle: build it as `npm run build` does.
import { buildViews } from '../../views/scripts/bundle.mjs';

const root = resolve(__dirname, '../../..');
const out = mkdtempSync(join(tmpdir(), 'topo-capacity-'));

const EXAMPLES: Record<string, BottleneckPattern> = {
  'well-behaved': 'well-behaved',
  'lock-contention': 'lock-contention',
  'thread-shortage': 'thread-shortage',
  'looping-autoscaled': 'looping-autoscaled',
};

/** What `topo check` says of each: the thread shortage's queue holds as long as its caller waits. */
const CHECKED: Record<string, RegExp> = {
  'thread-shortage': /^examples\/capacity\/thread-shortage\.topo:25:3 warning timeout-headroom queue 60 may hold a request 150ms .* a queue of 55 fits, .*\n1 warning \(1 file checked\)\n$/,
};

/** The arguments of the `topo report …` line in the file's opening comment, the page written to `out`. */
function reportCommand(file: string): string[] {
  const line = readFileSync(join(root, file), 'utf8').split('\n').find((l) => l.startsWith('//   topo report '));
  expect(line, `${file} says which command to run`).toBeDefined();
  const args = line!.replace(/^\/\/\s+topo /, '').split(/\s+/);
  args[args.indexOf('-o') + 1] = join(out, `${file.split('/').pop()}.html`);
  return args;
}

describe('examples/capacity', () => {
  beforeAll(async () => {
    await buildViews();
  });

  for (const [name, pattern] of Object.entries(EXAMPLES)) {
    const file = `examples/capacity/${name}.topo`;
    it(`${file} checks as expected and its report names ${PATTERN_LABELS[pattern]}`, async () => {
      const check = await topo(['check', file], root);
      expect(check.stdout).toMatch(CHECKED[name] ?? /^no problems \(1 file checked\)\n$/);
      const report = await topo(reportCommand(file), root);
      expect(report.code).toBe(0);
      expect(report.stdout).toContain(`  pattern: ${PATTERN_LABELS[pattern]}: `);
    });
  }
});
