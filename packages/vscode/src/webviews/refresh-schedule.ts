// When a preview asks the server again. The server says a file's model changed after each
// rebuild, so as the user types; asking at every change would show states typed past (half
// a name, a call to nobody) and, on a big file, lay each one out. So a refresh waits until
// the typing has paused — a little longer than the user's own gaps between keystrokes: a
// fast typist sees the result soon after the last key, a slow one is not interrupted
// mid-word —, runs one at a time, and one under way when its file is edited again stops.

/** The quiet after a lone edit (undo, paste, the first key after a pause): no rhythm to go by. */
const LONE_EDIT_QUIET_MS = 150;
/** The typing has paused after this many times its typical gap between keystrokes… */
const GAP_FACTOR = 2;
/**
 * …within these bounds. Keystrokes can reach the extension in bunches, with gaps that say
 * little of the rhythm: 100 ms at least. A gap longer than the longest quiet was a pause.
 */
const MIN_QUIET_MS = 100;
const MAX_QUIET_MS = 300;
/** The rhythm is that of the burst's last few gaps. */
const RHYTHM_GAPS = 4;

/** The rhythm of the edits: when has the typing paused? Times in ms (Date.now()). */
export class TypingPause {
  private last = Number.NEGATIVE_INFINITY;
  private gaps: number[] = [];

  edited(now: number): void {
    const gap = now - this.last;
    this.last = now;
    this.gaps = gap > MAX_QUIET_MS ? [] : [...this.gaps, gap].slice(-RHYTHM_GAPS);
  }

  /** How long the typing must stay quiet after its last edit to count as paused. */
  quiet(): number {
    if (this.gaps.length === 0) return LONE_EDIT_QUIET_MS;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return Math.min(MAX_QUIET_MS, Math.max(MIN_QUIET_MS, GAP_FACTOR * median));
  }

  /** How long from `now` until the typing counts as paused: 0 once it has. */
  remaining(now: number): number {
    return Math.max(0, this.last + this.quiet() - now);
  }
}

/**
 * Runs a preview's refresh when due, never two at once (one due meanwhile follows it). An
 * edit of the file makes what is due or under way stale: the refresh's signal aborts, and
 * the model change the edit brings schedules the next.
 */
export class Refresher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | undefined;
  private again = false;

  constructor(private readonly refresh: (signal: AbortSignal) => Promise<void>) {}

  /** Refreshes in `delayMs` (instead of when one was due). */
  schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  /** Stops what is due or under way: an edit made it stale, or the panel closed. */
  stop(): void {
    clearTimeout(this.timer);
    this.again = false;
    this.running?.abort();
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    const running = new AbortController();
    this.running = running;
    try {
      await this.refresh(running.signal);
    } finally {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    }
  }
}
