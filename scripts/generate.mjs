// Runs `langium generate` (with the Object.groupBy polyfill Node 20 needs) and folds its
// "multiple assignments" warnings into one line: the grammar lets properties come in any
// order, so each may be written twice; validation reports that as `duplicate-property`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../node_modules/langium-cli/bin/langium.js', import.meta.url));
const run = spawnSync(process.execPath, ['--import', './scripts/polyfill.mjs', cli, 'generate'], { encoding: 'utf8' });
const REPEATABLE = /Found multiple assignments to '\w+' with the '\??=' assignment operator/;
const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim() !== '');
const folded = new Set(lines.filter((l) => REPEATABLE.test(l)));
for (const line of lines) if (!REPEATABLE.test(line)) console.log(line);
if (folded.size > 0) console.log(`(${folded.size} properties may be repeated in the grammar; validation reports repeats as duplicate-property)`);
process.exit(run.status ?? 1);
