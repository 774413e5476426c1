// The files a command works on: each FILE as given, and every .topo file below each DIR,
// skipping node_modules, .git and what .gitignore files ignore — those inside DIR, nested
// ones included, and those of its enclosing folders up to the repository's root, as git does.
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { displayPath } from './format-diagnostics.js';
import { UsageError, type CliIO } from './io.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

interface GitIgnore {
  /** The folder the .gitignore is in: its patterns are relative to it. */
  dir: string;
  rules: Ignore;
}

/**
 * The absolute path of a source file; throws UsageError when it does not exist, is a folder,
 * cannot be read, or is not text (a NUL byte, or not UTF-8): a binary file parsed as source
 * would give a screenful of errors echoing its bytes.
 */
export function requireTextFile(path: string, io: CliIO): string {
  const abs = resolve(io.cwd, path);
  let bytes: Buffer;
  try {
    if (statSync(abs).isDirectory()) throw new UsageError(`${path}: is a directory, not a .topo file`);
    bytes = readFileSync(abs);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? 'error'})`);
  }
  if (!isText(bytes)) throw new UsageError(`${path}: not a text file`);
  return abs;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Absolute paths, each once, in the order given (a folder's files sorted by path). */
export function topoFiles(paths: string[], io: CliIO): string[] {
  const files = paths.flatMap((p) => {
    const abs = resolve(io.cwd, p);
    if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return [requireTextFile(p, io)];
    const found = walk(abs, enclosingGitIgnores(abs), p);
    for (const file of found) requireTextFile(displayPath(file, io.cwd), io);
    // A folder without a model is most likely the wrong folder: say so rather than pass.
    if (found.length === 0) throw new UsageError(`${p}: no .topo files in this folder (node_modules and git-ignored files are skipped)`);
    return found;
  });
  return [...new Set(files)];
}

function walk(dir: string, outer: GitIgnore[], shown: string): string[] {
  const own = readGitIgnore(dir);
  const gitIgnores = own ? [...outer, own] : outer;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    // Symbolic links to folders are not followed (no loops); those to files are read.
    const isFolder = entry.isDirectory();
    if ((isFolder && SKIPPED_FOLDERS.has(entry.name)) || isIgnored(gitIgnores, path, isFolder)) return [];
    if (isFolder) return walk(path, gitIgnores, join(shown, entry.name));
    return entry.name.endsWith('.topo') && statSync(path, { throwIfNoEntry: false })?.isFile() ? [path] : [];
  });
}

/** The deepest .gitignore with a rule for the path decides, so a nested `!x` re-includes x. */
function isIgnored(gitIgnores: GitIgnore[], path: string, isFolder: boolean): boolean {
  for (let i = gitIgnores.length - 1; i >= 0; i--) {
    const { dir, rules } = gitIgnores[i]!;
    const rel = relative(dir, path).split(sep).join('/') + (isFolder ? '/' : '');
    const verdict = rules.test(rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** The .gitignore files of the folders above `dir`, outermost first, when it is in a repository. */
function enclosingGitIgnores(dir: string): GitIgnore[] {
  if (existsSync(join(dir, '.git'))) return [];
  const above: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    above.unshift(d);
    if (existsSync(join(d, '.git'))) break;
    if (dirname(d) === d) return [];
  }
  return above.flatMap((d) => readGitIgnore(d) ?? []);
}

function readGitIgnore(dir: string): GitIgnore | undefined {
  const file = join(dir, '.gitignore');
  return existsSync(file) ? { dir, rules: ignore().add(readFileSync(file, 'utf8')) } : undefined;
}
