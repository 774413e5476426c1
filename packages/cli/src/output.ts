// Every file a command writes goes through here: written atomically (a temporary file beside
// it, renamed over it), so a failure (a full disk, a file size limit, Ctrl-C) leaves the old
// file or none, never part of one.
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './io.js';

/** Writes `data` to `path` (relative to `cwd`); throws UsageError naming the path as given. */
export async function writeOutputFile(path: string, data: string | Buffer, cwd: string): Promise<void> {
  try {
    await writeFileAtomic(resolve(cwd, path), data);
  } catch (e) {
    throw new UsageError(`cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : 'error')})`);
  }
}
