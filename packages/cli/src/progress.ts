// A line of progress on a terminal's stderr, rewritten in place; nothing when stderr is not a
// terminal. Every long command shows its progress through this.
import type { CliIO } from './io.js';

export interface ProgressLine {
  show(text: string): void;
  /** Erases the line, if one was shown. */
  clear(): void;
}

/** Shows nothing until `afterMs` have passed, so that quick runs print no progress at all. */
export function progressLine(io: CliIO, afterMs = 0): ProgressLine {
  const started = Date.now();
  let shown = false;
  return {
    show: (text) => {
      if (!io.isTTY || Date.now() - started < afterMs) return;
      io.stderr(`\r${text}\x1b[K`);
      shown = true;
    },
    clear: () => {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
