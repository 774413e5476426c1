// Channels: rendezvous (capacity 0) or buffered, with FIFO queues of blocked senders and
// receivers. A select waits on each of its channels with one shared state; the first case to
// fire closes it, and the select removes its other entries.
import { Fifo } from './fifo.js';
import type { Owner } from './owner.js';
import type { Runtime } from './runtime.js';
import { WaiterQueue, type SelectState } from './waiter-queue.js';

export class Channel<T> {
  // Queues are allocated on first use: most channels only ever see one kind of waiter, and a
  // simulation may hold hundreds of thousands of channels.
  private buffer: Fifo<T> | undefined;
  private receivers: WaiterQueue | undefined;
  private senders: WaiterQueue | undefined;

  constructor(
    private readonly rt: Runtime,
    readonly capacity: number,
  ) {
    if (!(capacity >= 0)) throw new RangeError(`channel capacity must be ≥ 0, got ${capacity}`);
  }

  /** Values buffered, not yet received. */
  get length(): number {
    return this.buffer === undefined ? 0 : this.buffer.length;
  }

  /** True when a live process is blocked receiving (so a send would hand over at once). */
  hasReceiver(): boolean {
    return this.receivers !== undefined && this.receivers.hasLive();
  }

  /** True when a receive would complete now. */
  canReceive(): boolean {
    return this.length > 0 || (this.senders !== undefined && this.senders.hasLive());
  }

  /** True when a send would complete now. */
  canSend(): boolean {
    return this.length < this.capacity || this.hasReceiver();
  }

  /**
   * Sends `value`; `k` runs once it is taken (rendezvous) or buffered. A receiver that was
   * waiting resumes before the sender.
   */
  send(owner: Owner, value: T, k: () => void): void {
    if (this.put(value)) this.rt.wake(owner, k, undefined);
    else (this.senders ??= new WaiterQueue()).push(owner, undefined, k, value);
  }

  /** Hands `value` to a waiting receiver or buffers it; false when neither is possible. */
  private put(value: T): boolean {
    const r = this.receivers;
    if (r !== undefined && r.hasLive()) {
      this.rt.wake(r.headOwner(), r.headK(), value);
      r.take();
      return true;
    }
    if (this.length < this.capacity) {
      (this.buffer ??= new Fifo<T>(this.capacity)).push(value);
      return true;
    }
    return false;
  }

  /** Receives a value into `k`. A sender that was waiting resumes before the receiver. */
  recv(owner: Owner, k: (value: T) => void): void {
    const s = this.senders;
    const sender = s !== undefined && s.hasLive();
    if (this.length > 0) {
      const value = this.buffer!.shift() as T;
      if (sender) {
        // The blocked sender's value takes the freed place at the back of the buffer.
        this.buffer!.push(s.headValue() as T);
        this.rt.wake(s.headOwner(), s.headK(), undefined);
        s.take();
      }
      this.rt.wake(owner, k, value);
    } else if (sender) {
      const value = s.headValue() as T;
      this.rt.wake(s.headOwner(), s.headK(), undefined);
      s.take();
      this.rt.wake(owner, k, value);
    } else {
      (this.receivers ??= new WaiterQueue()).push(owner, undefined, k, undefined);
    }
  }

  /** Sends without blocking: false (and nothing sent) when no receiver waits and the buffer is full. */
  offer(value: T): boolean {
    return this.put(value);
  }

  /** Queues one case of a select that had no ready case. */
  wait(owner: Owner, sel: SelectState, asSender: boolean, k: (value: any) => void, value: unknown): void {
    if (asSender) (this.senders ??= new WaiterQueue()).push(owner, sel, k, value);
    else (this.receivers ??= new WaiterQueue()).push(owner, sel, k, undefined);
  }

  /** Takes the entry of a select that fired elsewhere out of this channel. */
  forget(sel: SelectState, asSender: boolean): void {
    (asSender ? this.senders : this.receivers)?.removeSelect(sel);
  }
}
