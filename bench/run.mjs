// `npm run bench`: runs the vitest benchmarks (packages/*/bench/*.bench.ts) and records their
// figures in bench/results/latest.json: per benchmark the median, min and max in ms, the
// number of samples, the date, the machine, and its load average when the run began (a load
// near or above the core count means the figures are noisy). A filtered run
// (`npm run bench -- spigo`) replaces only the benchmarks it ran. A benchmark that checked
// its result and threw has no figures: the run fails and the file is left as it was.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineNow } from './machine.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const resultsFile = join(root, 'bench/results/latest.json');
const rawFile = join(mkdtempSync(join(tmpdir(), 'topo-bench-')), 'vitest.json');

const { date, machine, loadAverage } = machineNow();

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
// One file at a time: on two cores, benchmarks run side by side slow each other down (the
// simulator's took 1.8 s beside the language server's instead of 1.1 s alone).
const run = spawnSync(process.execPath, [vitest, 'bench', '--run', '--no-file-parallelism', '--outputJson', rawFile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('bench: vitest failed; bench/results/latest.json left as it was');
  process.exit(run.status ?? 1);
}

const round = (ms) => Number(ms.toPrecision(4));
const fresh = [];
const failed = [];
for (const file of JSON.parse(readFileSync(rawFile, 'utf8')).files) {
  for (const group of file.groups) {
    for (const b of group.benchmarks) {
      // The group's full name starts with the file's name; the path says it already.
      const entry = { file: relative(root, file.filepath), group: group.fullName.split(' > ').slice(1).join(' > '), name: b.name };
      if (!b.sampleCount) failed.push(entry);
      else fresh.push({ ...entry, unit: 'ms', median: round(b.median), min: round(b.min), max: round(b.max), samples: b.sampleCount, date, machine, loadAverage });
    }
  }
}
if (failed.length > 0) {
  console.error(`bench: no figures for ${failed.map((f) => `${f.group} > ${f.name}`).join('; ')}; bench/results/latest.json left as it was`);
  process.exit(1);
}

const key = (b) => `${b.file} > ${b.group} > ${b.name}`;
let kept = [];
try {
  kept = JSON.parse(readFileSync(resultsFile, 'utf8')).benchmarks;
} catch {
  // No results yet.
}
const ran = new Set(fresh.map(key));
const benchmarks = [...kept.filter((b) => !ran.has(key(b))), ...fresh].sort((a, b) => key(a).localeCompare(key(b)));
mkdirSync(dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, JSON.stringify({ benchmarks }, null, 2) + '\n');
console.log(`bench: ${fresh.length} figures written to ${relative(root, resultsFile)} (load average ${loadAverage.join(', ')} on ${cpus().length} cores)`);
