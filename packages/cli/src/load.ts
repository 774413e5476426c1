// Loading a model for a command: the file and its imports. Every command runs whatever the
// language lowers to a model; the analysis's findings are `topo check`'s to list.
import { loadModel, simulationBlockers, type LoadResult } from '@topo/language';
import { plural, summarizeFindings, type Finding, type Model } from '@topo/model';
import { formatFindingLine, pathNamer } from './format-diagnostics.js';
import { InputError, UsageError, type CliIO } from './io.js';
import { requireTextFile } from './topo-files.js';

/**
 * Loads a file for an engine. Prints each finding that stops it lowering (simulation-gate.ts
 * in the language) with file and line, and throws InputError naming the file and `what` it
 * cannot be (`simulated`, `drawn`, `exported`).
 */
export async function loadBuildableModel(path: string, io: CliIO, what = 'simulated'): Promise<LoadResult> {
  const abs = requireTextFile(path, io);
  const result = await loadModel(abs);
  const blockers = simulationBlockers(result.findings);
  if (blockers.length > 0) {
    const name = pathNamer(io.cwd, [path]);
    for (const f of blockers) io.stderr(formatFindingLine(f, name) + '\n');
    const ids = [...new Set(blockers.map((f) => f.code))].join(', ');
    throw new InputError(`${path} cannot be ${what}: ${blockers.length} finding${blockers.length === 1 ? '' : 's'} the language cannot lower past (${ids}); see topo check ${path}`);
  }
  return result;
}

/** A one-line note on stderr of the errors and warnings of a file the command went on with. */
export function noteFindings(path: string, findings: Finding[], io: CliIO): void {
  const { errors, warnings } = summarizeFindings(findings);
  const counts = ([[errors, 'error'], [warnings, 'warning']] as const).flatMap(([n, word]) => (n ? [plural(n, word)] : []));
  if (counts.length > 0) io.stderr(`${path}: ${counts.join(', ')} (topo check shows them)\n`);
}

/** Throws UsageError, listing the file's scenarios, when it has none of this name. */
export function requireScenario(model: Model, name: string): void {
  if (model.scenarios.some((s) => s.name === name)) return;
  const known = model.scenarios.map((s) => s.name);
  throw new UsageError(`no scenario named '${name}'; ${known.length ? `the file has ${known.join(', ')}` : 'the file declares none'}`);
}
