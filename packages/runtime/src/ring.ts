// A growable queue of fixed-size entries stored flat in one array, oldest first. Queueing and
// dequeueing allocate nothing: with hundreds of thousands of processes, per-entry objects were
// most of the garbage collector's work. The ready queue, a channel's buffer and its waiters are
// rings. The array holds exactly the entries asked for until it first fills (a buffer of
// capacity 5 takes 5 slots), then doubles.
export class Ring {
  protected slots: unknown[];
  /** Slot index of the oldest entry. */
  protected head = 0;
  /** Entries held. */
  protected count = 0;

  /** `stride`: slots per entry; `entries`: room to make at first. */
  constructor(
    private readonly stride: number,
    entries: number,
  ) {
    this.slots = new Array(stride * entries);
  }

  get length(): number {
    return this.count;
  }

  /** The slot index of the entry `n` places after the oldest. */
  protected index(n: number): number {
    const i = this.head + n * this.stride;
    return i < this.slots.length ? i : i - this.slots.length;
  }

  /** Adds an entry at the back, making room if the ring is full; returns its slot index. */
  protected pushIndex(): number {
    if (this.count * this.stride === this.slots.length) this.grow();
    return this.index(this.count++);
  }

  /** Drops the oldest entry. */
  protected dropHead(): void {
    this.clear(this.head);
    const next = this.head + this.stride;
    this.head = next === this.slots.length ? 0 : next;
    this.count--;
  }

  /** Drops the entry `n` places after the oldest, keeping the order of the rest. */
  protected removeAt(n: number): void {
    for (let m = n; m < this.count - 1; m++) {
      const to = this.index(m);
      const from = this.index(m + 1);
      for (let f = 0; f < this.stride; f++) this.slots[to + f] = this.slots[from + f];
    }
    this.clear(this.index(this.count - 1));
    this.count--;
  }

  private clear(i: number): void {
    const slots = this.slots;
    for (let end = i + this.stride; i < end; i++) slots[i] = undefined;
  }

  /** Doubles the array, the entries moved to its start in order. */
  private grow(): void {
    const slots = this.slots;
    const next: unknown[] = new Array(Math.max(slots.length * 2, this.stride));
    const used = this.count * this.stride;
    // The entries run from head to the end of the array, then on from its start.
    const tail = Math.min(used, slots.length - this.head);
    for (let j = 0; j < tail; j++) next[j] = slots[this.head + j];
    for (let j = tail; j < used; j++) next[j] = slots[j - tail];
    this.slots = next;
    this.head = 0;
  }
}
