// Bundles a TypeScript benchmark script with esbuild and runs it under node --expose-gc.
// usage: node packages/runtime/bench/run.mjs <name in this folder | path/to/script.ts> [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const arg = process.argv[2];
const entry = existsSync(resolve(arg)) ? resolve(arg) : join(here, `${arg}.ts`);
const out = join(mkdtempSync(join(tmpdir(), 'topo-bench-')), basename(entry).replace(/\.ts$/, '.mjs'));
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const r = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
