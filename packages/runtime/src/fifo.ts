// A channel's buffer: values in the order they were sent.
import { Ring } from './ring.js';

export class Fifo<T> extends Ring {
  /** `expected`: how many values it will likely hold, to allocate once. */
  constructor(expected: number) {
    super(1, expected);
  }

  push(item: T): void {
    const i = this.pushIndex(); // first: it may replace the array
    this.slots[i] = item;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head] as T;
    this.dropHead();
    return item;
  }
}
