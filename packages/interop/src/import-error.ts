// The error the Kubernetes and trace importers throw for input they cannot read: it names
// the file and, where there is one, the place in it (1-based line and column).
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: ${detail}`);
    this.name = 'ImportError';
  }
}

/** Input past this size is refused before it is parsed: a design is kilobytes, not gigabytes. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export interface InputFile {
  /** The name shown in messages and comments (the path as given). */
  name: string;
  text: string;
}

/** Refuses a file too large to be a design (the CLI checks the size on disk before reading). */
export function checkSize(name: string, size: number): void {
  if (size > MAX_INPUT_BYTES) throw new ImportError(name, `is ${(size / 1024 / 1024).toFixed(1)} MB; the importers read files up to ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
}
