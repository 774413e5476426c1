// The timed events of the runtime: a binary min-heap keyed by (time, sequence), so that events
// due at the same instant always run in the order they were scheduled. Each event knows its
// place in the heap, so a timer that lost its select is removed at once: the heap then holds
// only timers that may still fire, and their records die young.
import type { Owner } from './owner.js';
import type { Nanos } from './time.js';

export interface TimedEvent {
  time: Nanos;
  seq: number;
  fn: (arg: any) => void;
  arg: unknown;
  /** The process the event belongs to; the event is dropped if it died meanwhile. */
  owner: Owner;
  /** Index in the heap; -1 once popped or removed. */
  pos: number;
}

function before(a: TimedEvent, b: TimedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export class EventQueue {
  private heap: TimedEvent[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): Nanos {
    return this.heap.length === 0 ? Infinity : this.heap[0]!.time;
  }

  push(e: TimedEvent): void {
    this.heap.push(e);
    this.up(e, this.heap.length - 1);
  }

  pop(): TimedEvent | undefined {
    const top = this.heap[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  /** Takes a pending event out; nothing happens if it already ran or was removed. */
  remove(e: TimedEvent): void {
    if (e.pos >= 0) this.removeAt(e.pos);
  }

  private removeAt(i: number): void {
    const h = this.heap;
    const gone = h[i]!;
    gone.pos = -1;
    const last = h.pop()!;
    if (i === h.length) return;
    if (i > 0 && before(last, h[(i - 1) >> 1]!)) this.up(last, i);
    else this.down(last, i);
  }

  private up(e: TimedEvent, i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!before(e, p)) break;
      h[i] = p;
      p.pos = i;
      i = parent;
    }
    h[i] = e;
    e.pos = i;
  }

  private down(e: TimedEvent, i: number): void {
    const h = this.heap;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r]!, h[l]!) ? r : l;
      const child = h[c]!;
      if (!before(child, e)) break;
      h[i] = child;
      child.pos = i;
      i = c;
    }
    h[i] = e;
    e.pos = i;
  }
}
