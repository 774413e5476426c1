// `npm run bench`: the `topo` process from start to exit, as a shell runs it, on the bundle
// `npm run bench` builds. Goals (issue 17): start-up near Node's own, and `topo check` ≥ 10×
// faster than LikeC4 (bench/compare-likec4.mjs times both). A run that does not exit 0 with
// the expected output throws, and the benchmark fails instead of timing it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
// @ts-expect-error: a plain JavaScript module of the root bench folder, without types.
import { topoModel } from '../../../bench/model.mjs';

const topo = resolve(__dirname, '../dist/topo.js');
const dir = mkdtempSync(join(tmpdir(), 'topo-startup-'));
const file = (n: number): string => {
  const path = join(dir, `${n}.topo`);
  writeFileSync(path, topoModel(n));
  return path;
};

function run(args: string[], expected: RegExp): void {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0 || !expected.test(r.stdout)) throw new Error(`${args.join(' ')}: exit ${r.status}, ${r.stdout}${r.stderr}`);
}

describe('topo process, start to exit', () => {
  const options = { iterations: 10, warmupIterations: 1, throws: true };
  bench('node -e (Node alone)', () => run(['-e', 'console.log("ok")'], /^ok/), options);
  bench('topo --help', () => run([topo, '--help'], /^usage: topo/), options);
  // The sizes of issue 17's table: LikeC4 takes 1.57 s, 2.51 s and 16.4 s on them.
  for (const n of [100, 1_000, 5_000]) {
    const path = file(n);
    bench(`topo check, ${n.toLocaleString('en')} services`, () => run([topo, 'check', path], /^no problems/), options);
  }
});
