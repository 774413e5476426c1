// Channels: rendezvous (capacity 0) or buffered, with FIFO queues of blocked senders and
// receivers. A select waits on each of its channels with one shared state; the first case to
// fire closes it, and the select removes its other entries.
import { Fifo } from './fifo.js';
import type { Owner } from './owner.js';
import type { Scheduler } from './scheduler.js';
import { live, WaiterQueue, type SelectState } from './waiter-queue.js';

export class Channel<T> {
  // Queues are allocated on first use: most channels only ever see one kind of waiter, and a
  // simulation may hold hundreds of thousands of channels.
  private buffer: Fifo<T> | undefined;
  private receivers: WaiterQueue | undefined;
  private senders: WaiterQueue | undefined;
  // The oldest blocked receiver, while no other waits: most channels have one receiver at a
  // time (a process's inbox, a reply), and it then needs no queue. Set only when `receivers`
  // is empty, so it always comes before the queue's entries.
  private receiverOwner: Owner;
  private receiverSel: SelectState | undefined;
  private receiverK: ((value: T) => void) | undefined;

  constructor(
    private readonly rt: Scheduler,
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
    if (this.receiverK !== undefined) {
      if (live(this.receiverOwner, this.receiverSel)) return true;
      this.dropReceiver();
    }
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
    if (this.hasReceiver()) {
      if (this.receiverK !== undefined) {
        if (this.receiverSel !== undefined) this.receiverSel.done = true;
        this.rt.wake(this.receiverOwner, this.receiverK, value);
        this.dropReceiver();
      } else {
        const r = this.receivers!;
        this.rt.wake(r.headOwner(), r.headK(), value);
        r.take();
      }
      return true;
    }
    if (this.length < this.capacity) {
      (this.buffer ??= new Fifo<T>(Math.min(this.capacity, 16))).push(value);
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
      this.addReceiver(owner, undefined, k);
    }
  }

  /** Sends without blocking: false (and nothing sent) when no receiver waits and the buffer is full. */
  offer(value: T): boolean {
    return this.put(value);
  }

  /** Queues one case of a select that had no ready case. */
  wait(owner: Owner, sel: SelectState, asSender: boolean, k: (value: any) => void, value: unknown): void {
    if (asSender) (this.senders ??= new WaiterQueue()).push(owner, sel, k, value);
    else this.addReceiver(owner, sel, k);
  }

  /** Takes the entry of a select that fired elsewhere out of this channel. */
  forget(sel: SelectState, asSender: boolean): void {
    if (asSender) this.senders?.removeSelect(sel);
    else if (this.receiverK !== undefined && this.receiverSel === sel) this.dropReceiver();
    else this.receivers?.removeSelect(sel);
  }

  private addReceiver(owner: Owner, sel: SelectState | undefined, k: (value: T) => void): void {
    if (this.receiverK === undefined && (this.receivers === undefined || this.receivers.length === 0)) {
      this.receiverOwner = owner;
      this.receiverSel = sel;
      this.receiverK = k;
    } else {
      (this.receivers ??= new WaiterQueue()).push(owner, sel, k, undefined);
    }
  }

  private dropReceiver(): void {
    this.receiverOwner = this.receiverSel = this.receiverK = undefined;
  }
}
