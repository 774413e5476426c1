// The processes blocked on one side of a channel, oldest first: (owner, select, continuation,
// value) entries in a ring, so that blocking allocates nothing.
import type { Owner } from './owner.js';
import { Ring } from './ring.js';

export interface SelectState {
  done: boolean;
}

/** A waiter can still be resumed: its process lives and its select, if any, has not fired. */
export function live(owner: Owner, sel: SelectState | undefined): boolean {
  return (owner === undefined || !owner.dead) && (sel === undefined || !sel.done);
}

export class WaiterQueue extends Ring {
  /** Room for one waiter at first: senders seldom queue, and receivers queue only behind the one a channel holds itself. */
  constructor() {
    super(4, 1);
  }

  push(owner: Owner, sel: SelectState | undefined, k: (value: any) => void, value: unknown): void {
    const i = this.pushIndex();
    this.slots[i] = owner;
    this.slots[i + 1] = sel;
    this.slots[i + 2] = k;
    this.slots[i + 3] = value;
  }

  /** Drops waiters whose process died or whose select already fired; true if a live one is left. */
  hasLive(): boolean {
    while (this.count > 0) {
      if (live(this.slots[this.head] as Owner, this.slots[this.head + 1] as SelectState | undefined)) return true;
      this.dropHead();
    }
    return false;
  }

  // The accessors below read the head; call them only after hasLive() returned true.
  headOwner(): Owner {
    return this.slots[this.head] as Owner;
  }

  headK(): (value: any) => void {
    return this.slots[this.head + 2] as (value: any) => void;
  }

  headValue(): unknown {
    return this.slots[this.head + 3];
  }

  /** Removes the head, closing the select it belongs to. */
  take(): void {
    const sel = this.slots[this.head + 1] as SelectState | undefined;
    if (sel !== undefined) sel.done = true;
    this.dropHead();
  }

  /** Removes the entry of a closed select, keeping the order of the rest. */
  removeSelect(sel: SelectState): void {
    for (let j = 0; j < this.count; j++) {
      if (this.slots[this.index(j) + 1] !== sel) continue;
      this.removeAt(j);
      return;
    }
  }
}
