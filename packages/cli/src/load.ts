// Loading a model for a command: the file and its imports, checked. The diagram refuses a
// file with errors; the simulator refuses only what the language cannot lower.
import { loadModel, simulationBlockers, TopoConfigError, type LoadResult } from '@topo/language';
import type { Model } from '@topo/model';
import { displayPath, formatFindingLine } from './format-diagnostics.js';
import { UsageError, type CliIO } from './io.js';
import { requireReadableFile } from './topo-files.js';

export class RefusedModel extends Error {
  constructor(readonly result: LoadResult) {
    super('the model has errors');
  }
}

/**
 * The exit code of a command that failed on its model: 1 when it was refused (its errors are
 * printed), 2 for a topo.json to fix (its problems printed here); undefined for other errors.
 */
export function exitOnModelFailure(e: unknown, command: string, io: CliIO): number | undefined {
  if (e instanceof RefusedModel) return 1;
  if (!(e instanceof TopoConfigError)) return undefined;
  for (const f of e.files) for (const p of f.problems) io.stderr(`${displayPath(f.uri, io.cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1} error ${p.message}\n`);
  io.stderr(`topo ${command}: fix topo.json first\n`);
  return 2;
}

/** Loads a file for an engine; prints the errors and throws RefusedModel when it has any. */
export async function loadCheckedModel(path: string, io: CliIO): Promise<LoadResult> {
  const abs = requireReadableFile(path, io);
  const result = await loadModel(abs);
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    for (const f of errors) io.stderr(formatFindingLine(f, io.cwd) + '\n');
    io.stderr(`${path}: ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them first (topo check ${path})\n`);
    throw new RefusedModel(result);
  }
  return result;
}

/**
 * Loads a file for the simulator, which runs whatever lowers: findings of the analysis, errors
 * included, are the caller's to report. Prints each finding that refuses it (simulation-gate.ts
 * in the language) with file and line, and throws UsageError naming the file and `what` it
 * cannot be (`simulated`, `exported`).
 */
export async function loadSimulatableModel(path: string, io: CliIO, what = 'simulated'): Promise<LoadResult> {
  const abs = requireReadableFile(path, io);
  const result = await loadModel(abs);
  const blockers = simulationBlockers(result.findings);
  if (blockers.length > 0) {
    for (const f of blockers) io.stderr(formatFindingLine(f, io.cwd) + '\n');
    const ids = [...new Set(blockers.map((f) => f.code))].join(', ');
    throw new UsageError(`${path} cannot be ${what}: ${blockers.length} finding${blockers.length === 1 ? '' : 's'} the language cannot lower past (${ids}); see topo check ${path}`);
  }
  return result;
}

/** Throws UsageError, listing the file's scenarios, when it has none of this name. */
export function requireScenario(model: Model, name: string): void {
  if (model.scenarios.some((s) => s.name === name)) return;
  const known = model.scenarios.map((s) => s.name);
  throw new UsageError(`no scenario named '${name}'; ${known.length ? `the file has ${known.join(', ')}` : 'the file declares none'}`);
}
