import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Refresher, TypingPause } from '../src/webviews/refresh-schedule.js';

describe('the pause in the typing a preview waits for', () => {
  /** A pause tracker that saw edits at these times (ms). */
  const editedAt = (...times: number[]) => {
    const typing = new TypingPause();
    for (const t of times) typing.edited(t);
    return typing;
  };

  it('is 150 ms after a lone edit', () => {
    expect(editedAt(1000).remaining(1000)).toBe(150);
    expect(editedAt(1000).remaining(1100)).toBe(50);
    expect(editedAt(1000).remaining(1200)).toBe(0);
  });

  it('follows the rhythm: twice the median of the last gaps between keystrokes', () => {
    expect(editedAt(0, 60, 130, 190).quiet()).toBe(120);
    expect(editedAt(0, 150, 300, 450).quiet()).toBe(300);
    // The median of the last four gaps (200, 60, 70, 60): one slow key does not make it wait long.
    expect(editedAt(0, 200, 260, 330, 390).quiet()).toBe(140);
  });

  it('waits 100 ms at least and 300 ms at most', () => {
    expect(editedAt(0, 5, 10, 15).quiet()).toBe(100);
    expect(editedAt(0, 250, 500).quiet()).toBe(300);
  });

  it('starts over after a pause longer than 300 ms: the next edit is a lone one', () => {
    expect(editedAt(0, 80, 160, 1000).quiet()).toBe(150);
    expect(editedAt(0, 80, 160, 1000, 1070).quiet()).toBe(140);
  });
});

describe('a preview\'s refreshes', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** A refresher whose refreshes finish when `finish()` is called, recording their signals. */
  function refresher() {
    const signals: AbortSignal[] = [];
    const finishers: Array<() => void> = [];
    const r = new Refresher((signal) => {
      signals.push(signal);
      return new Promise<void>((resolve) => finishers.push(resolve));
    });
    return { r, signals, finish: () => finishers.shift()!() };
  }

  it('run when due, the last schedule winning', async () => {
    const { r, signals } = refresher();
    r.schedule(100);
    await vi.advanceTimersByTimeAsync(60);
    r.schedule(100);
    await vi.advanceTimersByTimeAsync(60);
    expect(signals).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(40);
    expect(signals).toHaveLength(1);
  });

  it('never run two at once: one due meanwhile follows the first', async () => {
    const { r, signals, finish } = refresher();
    r.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    r.schedule(0);
    r.schedule(10);
    await vi.advanceTimersByTimeAsync(50);
    expect(signals).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(signals).toHaveLength(2);
    expect(signals.map((s) => s.aborted)).toEqual([false, false]);
  });

  it('abort the one under way when stopped, and drop the one that was to follow it', async () => {
    const { r, signals, finish } = refresher();
    r.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    r.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    r.stop();
    expect(signals[0]!.aborted).toBe(true);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(signals).toHaveLength(1);
  });

  it('drop one that was due when stopped, and run again when scheduled after', async () => {
    const { r, signals, finish } = refresher();
    r.schedule(50);
    r.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(signals).toHaveLength(0);
    r.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(signals).toHaveLength(1);
    finish();
  });

  it('start the next once the stopped one has returned', async () => {
    const { r, signals, finish } = refresher();
    r.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    r.stop();
    r.schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(signals).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(signals).toHaveLength(2);
    expect(signals[1]!.aborted).toBe(false);
  });
});
