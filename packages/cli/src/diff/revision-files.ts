// The files of a git revision, as `git ls-tree` lists them and `git show` reads them (git run
// directly, never through a shell), and as a file system Langium reads: a revision's files
// build with its own imports and its own topo.json, never the working tree's.
import { execFile, execFileSync } from 'node:child_process';
import { posix, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { LoadOptions } from '@topo/language';

type FileSystemProvider = ReturnType<NonNullable<LoadOptions['fileSystem']>['fileSystemProvider']>;
type Uri = Parameters<FileSystemProvider['readFileSync']>[0];

const MAX_BUFFER = 64 * 2 ** 20;

export class RevisionFiles {
  private readonly folders = new Set<string>(['']);

  private constructor(
    /** The repository's root folder. */
    readonly top: string,
    readonly rev: string,
    private readonly files: ReadonlySet<string>,
  ) {
    for (const file of files) for (let d = posix.dirname(file); d !== '.' && !this.folders.has(d); d = posix.dirname(d)) this.folders.add(d);
  }

  /** Rejects with git's complaint when `rev` names no revision. */
  static async list(top: string, rev: string): Promise<RevisionFiles> {
    const listing = await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', rev], top);
    return new RevisionFiles(top, rev, new Set(listing.split('\0').filter((f) => f !== '')));
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  read(path: string): string {
    return execFileSync('git', ['show', `${this.rev}:${path}`], { cwd: this.top, encoding: 'utf8', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** A file's path in the revision (from the root, with `/`); `../…` when it is outside. */
  pathOf(fsPath: string): string {
    return relative(this.top, fsPath).split(sep).join('/');
  }

  /** For LoadOptions.fileSystem: what a build reads of the disk (topo.json) comes from the revision. */
  fileSystem(): NonNullable<LoadOptions['fileSystem']> {
    const node = (uri: Uri) => {
      const path = this.pathOf(uri.fsPath);
      if (!this.files.has(path) && !this.folders.has(path)) throw Object.assign(new Error(`${this.rev} has no ${path}`), { code: 'ENOENT' });
      return { uri, isFile: this.files.has(path), isDirectory: this.folders.has(path) };
    };
    const exists = (uri: Uri) => {
      const path = this.pathOf(uri.fsPath);
      return this.files.has(path) || this.folders.has(path);
    };
    const readDirectory = (uri: Uri) => {
      const folder = this.pathOf(uri.fsPath);
      const children = [...this.files, ...this.folders].filter((p) => p !== '' && posix.dirname(p) === (folder === '' ? '.' : folder));
      return children.map((p) => node(uri.with({ path: posix.join(uri.path, posix.basename(p)) })));
    };
    const provider: FileSystemProvider = {
      statSync: node,
      stat: async (uri) => node(uri),
      existsSync: exists,
      exists: async (uri) => exists(uri),
      readFileSync: (uri) => this.read(this.pathOf(uri.fsPath)),
      readFile: async (uri) => this.read(this.pathOf(uri.fsPath)),
      readBinarySync: (uri) => Buffer.from(this.read(this.pathOf(uri.fsPath))),
      readBinary: async (uri) => Buffer.from(this.read(this.pathOf(uri.fsPath))),
      readDirectorySync: readDirectory,
      readDirectory: async (uri) => readDirectory(uri),
    };
    return { fileSystemProvider: () => provider };
  }
}

/** Runs git without a shell; rejects with git's own first line of complaint. */
export async function git(args: string[], cwd: string): Promise<string> {
  try {
    return (await promisify(execFile)('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER })).stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new Error('git is not installed (or not on PATH)');
    const said = err.stderr?.split('\n').find((l) => l.trim() !== '');
    throw new Error(said ? said.replace(/^fatal: /, '') : err.message);
  }
}
