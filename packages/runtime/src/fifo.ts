// A growable ring buffer: O(1) push and shift without Array.prototype.shift's copying.
export class Fifo<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  /** `expected`: how many items it will likely hold, to allocate once (rounded up to a power of two). */
  constructor(expected = 2) {
    let size = 2;
    while (size < Math.min(expected, 64)) size *= 2;
    this.items = new Array(size);
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = item;
    this.count++;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return item;
  }

  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  private grow(): void {
    const old = this.items;
    const next: (T | undefined)[] = new Array(old.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.items = next;
    this.head = 0;
  }
}
