// The two sides of `topo diff`: a .topo file on disk, or `REV:path`, the file as it was at a
// git revision, with the files it imports and its topo.json at that revision too, built in
// memory: the working tree is never touched. A version that cannot lower to a model is
// refused with what stops it.
import { existsSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importedUris, loadModel, parseModelFromString, simulationBlockers, TopoConfigError, type LoadResult } from '@topo/language';
import { formatFindingLine, pathNamer } from '../format-diagnostics.js';
import { InputError, UsageError, type CliIO } from '../io.js';
import { requireTextFile } from '../topo-files.js';
import { git, RevisionFiles } from './revision-files.js';

export interface Version {
  /** As the command line gave it: `old.topo`, `main:examples/netflix.topo`. */
  spec: string;
  loaded: LoadResult;
  /** How messages name one of its files: a path from the current folder, or `REV:path`. */
  fileOf(uri: string): string;
}

/** `REV:path` unless a file of that name exists: git's `<rev>:<path>`. */
const REVISION = /^([^:-][^:]*):(.+)$/;

export async function loadVersion(spec: string, io: CliIO): Promise<Version> {
  const revision = existsSync(resolve(io.cwd, spec)) ? null : REVISION.exec(spec);
  const version = revision ? await atRevision(spec, revision[1]!, revision[2]!, io.cwd) : await onDisk(spec, io);
  const blockers = simulationBlockers(version.loaded.findings);
  if (blockers.length > 0) {
    for (const f of blockers) io.stderr(formatFindingLine(f, version.fileOf) + '\n');
    throw new InputError(`${spec} cannot be compared: it does not lower to a model (${[...new Set(blockers.map((f) => f.code))].join(', ')}); fix that first`);
  }
  return version;
}

async function onDisk(spec: string, io: CliIO): Promise<Version> {
  const loaded = await loadModel(requireTextFile(spec, io));
  return { spec, loaded, fileOf: pathNamer(io.cwd, [spec]) };
}

async function atRevision(spec: string, rev: string, path: string, cwd: string): Promise<Version> {
  const fail = (why: string) => new UsageError(`${spec}: ${why}`);
  const run = (args: string[]) => git(args, cwd).catch((e: Error) => Promise.reject(fail(e.message)));
  const top = (await run(['rev-parse', '--show-toplevel'])).trim();
  const prefix = (await run(['rev-parse', '--show-prefix'])).trim();
  // As git reads `<rev>:<path>`: from the repository's root, or from here with ./ or ../.
  const inRepo = posix.normalize(/^\.\.?\//.test(path) ? prefix + path : path);
  const files = await RevisionFiles.list(top, rev).catch((e: Error) => Promise.reject(fail(e.message)));
  if (!files.has(inRepo)) throw fail(`${rev} has no file ${inRepo}`);
  const text = files.read(inRepo);
  const entryUri = pathToFileURL(join(top, inRepo)).href;
  const options = { workspaceRoot: top, fileSystem: files.fileSystem() };
  const others: Record<string, string> = {};
  const tried = new Set<string>();
  // Build, read the imports the build found unread, again until none is left. An import that
  // leaves the repository or is absent at the revision stays unread: the build reports it.
  for (;;) {
    const loaded = await parseModelFromString(text, entryUri, others, options).catch((e: unknown) => Promise.reject(e instanceof TopoConfigError ? configError(e, spec, files) : e));
    for (const doc of loaded.documents) tried.add(doc.uri.toString());
    const unread = loaded.documents
      .flatMap((doc) => importedUris(doc))
      .filter((uri) => !tried.has(uri.toString()));
    if (unread.length === 0) return { spec, loaded, fileOf: (uri) => `${rev}:${files.pathOf(fileURLToPath(uri))}` };
    for (const uri of unread) {
      tried.add(uri.toString());
      const file = files.pathOf(uri.fsPath);
      if (files.has(file)) others[uri.toString()] = files.read(file);
    }
  }
}

/** A revision's topo.json with problems: each on stderr would name the working tree's file, so they go in the message. */
function configError(e: TopoConfigError, spec: string, files: RevisionFiles): UsageError {
  const problems = e.files.flatMap((f) => f.problems.map((p) => `${files.rev}:${files.pathOf(fileURLToPath(f.uri))}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`));
  return new UsageError(`${spec}: its topo.json is invalid: ${problems.join('; ')}`);
}
