// Topo against LikeC4 1.46, whole process, paired runs (issue 17): `topo check` and
// `likec4 validate --skip-layout` on models of the same shape — N services, three calls each,
// N/4 datastores — at 100, 1,000 and 5,000 services. LikeC4 is installed by this script into
// a scratch folder, never a dependency of the project. Its model is the Topo model exported by
// `topo export --to likec4`, so both tools read the same architecture. Each round runs both
// tools once, in alternating order, after one unrecorded round per size.
// usage: npm run build && node bench/compare-likec4.mjs [--runs N] [SIZE...]
// Prints the table and writes it, with every time, to bench/results/compare-likec4.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineNow } from './machine.mjs';
import { topoModel } from './model.mjs';

const LIKEC4 = 'likec4@1.46.x';
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const topoBin = join(root, 'packages/cli/dist/topo.js');
const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, allowPositionals: true });
const runs = Number(values.runs);
const sizes = positionals.length > 0 ? positionals.map(Number) : [100, 1_000, 5_000];
if (!existsSync(topoBin)) throw new Error('no packages/cli/dist/topo.js: run `npm run build` first');

/** Runs a command to the end; throws with its output unless it exits 0. Returns the wall time in seconds. */
function timed(command, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`);
  return seconds;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (xs) => `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

const scratch = mkdtempSync(join(tmpdir(), 'topo-likec4-'));
try {
  const { machine, date, loadAverage } = machineNow();
  console.log(`installing ${LIKEC4} into a scratch folder…`);
  timed('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', LIKEC4], scratch);
  const likec4 = join(scratch, 'node_modules/.bin/likec4');
  const version = spawnSync(likec4, ['--version'], { encoding: 'utf8' }).stdout.trim();

  const rows = [];
  for (const n of sizes) {
    const topoFile = join(scratch, `${n}.topo`);
    const likec4Dir = join(scratch, `likec4-${n}`);
    writeFileSync(topoFile, topoModel(n));
    mkdirSync(likec4Dir);
    timed(process.execPath, [topoBin, 'export', topoFile, '--to', 'likec4', '-o', join(likec4Dir, 'model.c4')], scratch);
    const tools = {
      topo: () => timed(process.execPath, [topoBin, 'check', topoFile], scratch),
      likec4: () => timed(likec4, ['validate', '--skip-layout', likec4Dir], scratch),
    };
    tools.topo();
    tools.likec4();
    const times = { topo: [], likec4: [] };
    for (let r = 0; r < runs; r++) for (const tool of r % 2 ? ['likec4', 'topo'] : ['topo', 'likec4']) times[tool].push(tools[tool]());
    const ratios = times.topo.map((t, i) => times.likec4[i] / t);
    rows.push({ services: n, topo: times.topo, likec4: times.likec4, ratios });
    console.log(`${n} services: topo ${seconds(times.topo)}, likec4 ${seconds(times.likec4)}`);
  }

  const table = [
    `| services | topo check | LikeC4 ${version} validate --skip-layout | Topo faster by |`,
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.services.toLocaleString('en')} | ${seconds(r.topo)} | ${seconds(r.likec4)} | ` +
        `${median(r.ratios).toFixed(1)}× (${Math.min(...r.ratios).toFixed(1)}–${Math.max(...r.ratios).toFixed(1)}) |`,
    ),
  ].join('\n');
  console.log(`\nmedian (min–max) of ${runs} paired runs, whole process; ${machine}; load average ${loadAverage.join(', ')}\n\n${table}`);
  const out = join(root, 'bench/results/compare-likec4.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date, machine, loadAverage, likec4: version, runs, table, rows }, null, 2) + '\n');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
