// The processes blocked on one side of a channel, oldest first. Entries are stored flat in one
// ring array (owner, select, continuation, value) so that blocking allocates nothing: with
// hundreds of thousands of processes, per-wait objects were most of the garbage collector's work.
import type { Owner } from './owner.js';

export interface SelectState {
  done: boolean;
}

const STRIDE = 4;

export class WaiterQueue {
  private slots: unknown[] = new Array(STRIDE * 2);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(owner: Owner, sel: SelectState | undefined, k: (value: any) => void, value: unknown): void {
    if (this.count * STRIDE === this.slots.length) this.grow();
    const i = ((this.head + this.count) & this.mask()) * STRIDE;
    this.slots[i] = owner;
    this.slots[i + 1] = sel;
    this.slots[i + 2] = k;
    this.slots[i + 3] = value;
    this.count++;
  }

  /** Drops waiters whose process died or whose select already fired; true if a live one is left. */
  hasLive(): boolean {
    while (this.count > 0) {
      const i = this.head * STRIDE;
      const owner = this.slots[i] as Owner;
      const sel = this.slots[i + 1] as SelectState | undefined;
      if ((owner === undefined || !owner.dead) && (sel === undefined || !sel.done)) return true;
      this.dropHead();
    }
    return false;
  }

  // The accessors below read the head; call them only after hasLive() returned true.
  headOwner(): Owner {
    return this.slots[this.head * STRIDE] as Owner;
  }

  headK(): (value: any) => void {
    return this.slots[this.head * STRIDE + 2] as (value: any) => void;
  }

  headValue(): unknown {
    return this.slots[this.head * STRIDE + 3];
  }

  /** Removes the head, closing the select it belongs to. */
  take(): void {
    const sel = this.slots[this.head * STRIDE + 1] as SelectState | undefined;
    if (sel !== undefined) sel.done = true;
    this.dropHead();
  }

  /** Removes the entry of a closed select, keeping the order of the rest. */
  removeSelect(sel: SelectState): void {
    const mask = this.mask();
    for (let j = 0; j < this.count; j++) {
      if (this.slots[((this.head + j) & mask) * STRIDE + 1] !== sel) continue;
      for (let m = j; m < this.count - 1; m++) {
        const to = ((this.head + m) & mask) * STRIDE;
        const from = ((this.head + m + 1) & mask) * STRIDE;
        for (let f = 0; f < STRIDE; f++) this.slots[to + f] = this.slots[from + f];
      }
      this.clear(((this.head + this.count - 1) & mask) * STRIDE);
      this.count--;
      return;
    }
  }

  private dropHead(): void {
    this.clear(this.head * STRIDE);
    this.head = (this.head + 1) & this.mask();
    this.count--;
  }

  /** Capacity in entries is a power of two, so ring positions wrap with a mask. */
  private mask(): number {
    return this.slots.length / STRIDE - 1;
  }

  private clear(i: number): void {
    this.slots[i] = this.slots[i + 1] = this.slots[i + 2] = this.slots[i + 3] = undefined;
  }

  private grow(): void {
    const mask = this.mask();
    const next: unknown[] = new Array(this.slots.length * 2);
    for (let j = 0; j < this.count; j++) {
      const from = ((this.head + j) & mask) * STRIDE;
      for (let f = 0; f < STRIDE; f++) next[j * STRIDE + f] = this.slots[from + f];
    }
    this.slots = next;
    this.head = 0;
  }
}
