// Loading a model for a command: the file and its imports, checked; a file with errors is
// refused with its diagnostics, so no engine ever runs on a broken model.
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadModel, type LoadResult } from '@topo/language';
import type { Model } from '@topo/model';
import { formatFindingLine } from './format-diagnostics.js';
import { UsageError, type CliIO } from './io.js';

/** Throws UsageError when the path does not exist, is a directory or cannot be read. */
export function requireReadableFile(path: string, io: CliIO): string {
  const abs = resolve(io.cwd, path);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new UsageError(`${path}: no such file`);
  }
  if (st.isDirectory()) throw new UsageError(`${path}: is a directory, not a .topo file`);
  try {
    accessSync(abs, constants.R_OK);
  } catch (e) {
    throw new UsageError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return abs;
}

export class RefusedModel extends Error {
  constructor(readonly result: LoadResult) {
    super('the model has errors');
  }
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

/** Throws UsageError, listing the file's scenarios, when it has none of this name. */
export function requireScenario(model: Model, name: string): void {
  if (model.scenarios.some((s) => s.name === name)) return;
  const known = model.scenarios.map((s) => s.name);
  throw new UsageError(`no scenario named '${name}'; ${known.length ? `the file has ${known.join(', ')}` : 'the file declares none'}`);
}
