// What a command may touch of the outside world, so tests can run commands in-process.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** True when stderr is a terminal: progress bars only then. */
  isTTY: boolean;
  /** Aborted on Ctrl-C; long commands stop and report what they have. */
  signal?: AbortSignal;
}

/** A mistake in how the command was called, or a file that cannot be read: exit 2. */
export class UsageError extends Error {}

/** A command's module: its usage and what it does. Its name and summary are listed in commands/index.ts. */
export interface Command {
  usage: string;
  /** Resolves to the exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}
