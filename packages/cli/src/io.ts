// What a command may touch of the outside world, so tests can run commands in-process; and
// the errors a command throws to end with a message and an exit code (failure.ts).
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** True when stderr is a terminal: progress bars only then. */
  isTTY: boolean;
  /** Aborted on Ctrl-C; long commands stop and report what they have. */
  signal?: AbortSignal;
}

/** The exit codes, as the README documents them. */
export const EXIT = {
  ok: 0,
  /** The input has errors (or cannot be built, or is too large to simulate), or the findings fail the check. */
  failed: 1,
  /** Bad usage, or a file that cannot be read or written. */
  usage: 2,
  /** A bug of topo's own. */
  internal: 3,
  /** Stopped by Ctrl-C. */
  interrupted: 130,
} as const;

/** A mistake in how the command was called, or a file that cannot be read or written: exit 2. */
export class UsageError extends Error {}

/** The input cannot be used as it is (its problems printed before, when there are several): exit 1. */
export class InputError extends Error {}

/** An option as a command defines it, for the parser and for `--help`. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** What the value is, in the help: `N`, `FILE`, `text|json`. */
  value?: string;
  /** What it does, in a few words. */
  help: string;
  /** The value taken when the option is not given: the parser's, shown in the help. */
  default?: string | number;
  /** The default in words, when it is not a value (`the file's first scenario`). */
  otherwise?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A command's module: its usage and what it does. Its name and summary are listed in commands/index.ts. */
export interface Command {
  usage: string;
  /** Its options, for the parser and for `--help`. */
  options: OptionSpecs;
  /** Resolves to the exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}
