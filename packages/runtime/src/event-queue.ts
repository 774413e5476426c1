// The timed events of the runtime: a min-heap keyed by (time, sequence), so that events due at
// the same instant always run in the order they were scheduled. Each event knows its place in
// the heap, so a timer that lost its select is removed at once: the heap then holds only timers
// that may still fire, and their records die young.
//
// The heap is 4-ary (half the levels of a binary heap), and the events' times sit beside it in
// an array of their own, in the same order: sifting compares numbers in one packed array
// instead of reading each event it passes (the profile's hot spot was those reads). Keys are
// unique, so any heap pops the same order.
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

export class EventQueue {
  private readonly heap: TimedEvent[] = [];
  /** `times[i]` is `heap[i].time`. */
  private readonly times: Nanos[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): Nanos {
    return this.times.length === 0 ? Infinity : this.times[0]!;
  }

  push(e: TimedEvent): void {
    this.heap.push(e);
    this.times.push(e.time);
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

  /** True when the event at `i` comes before `e`. */
  private precedes(i: number, e: TimedEvent): boolean {
    const t = this.times[i]!;
    return t < e.time || (t === e.time && this.heap[i]!.seq < e.seq);
  }

  private removeAt(i: number): void {
    const h = this.heap;
    h[i]!.pos = -1;
    const last = h.pop()!;
    this.times.pop();
    if (i === h.length) return;
    if (i > 0 && !this.precedes((i - 1) >> 2, last)) this.up(last, i);
    else this.down(last, i);
  }

  /** Moves the event at `from` to `to`. */
  private move(from: number, to: number): void {
    const moved = this.heap[from]!;
    this.heap[to] = moved;
    this.times[to] = this.times[from]!;
    moved.pos = to;
  }

  private place(e: TimedEvent, i: number): void {
    this.heap[i] = e;
    this.times[i] = e.time;
    e.pos = i;
  }

  private up(e: TimedEvent, i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 2;
      if (this.precedes(parent, e)) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(e, i);
  }

  private down(e: TimedEvent, i: number): void {
    const t = this.times;
    const n = t.length;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // The earliest of up to four children: by time, and by sequence between equal times.
      let c = first;
      const end = Math.min(first + 4, n);
      for (let j = first + 1; j < end; j++) {
        if (t[j]! < t[c]! || (t[j] === t[c] && this.heap[j]!.seq < this.heap[c]!.seq)) c = j;
      }
      if (!this.precedes(c, e)) break;
      this.move(c, i);
      i = c;
    }
    this.place(e, i);
  }
}
