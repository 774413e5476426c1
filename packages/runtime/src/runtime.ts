// The runtime: the scheduler, and the processes and channels that run on it.
import { Channel } from './channel.js';
import type { Owner } from './owner.js';
import { Process, start } from './process.js';
import { Scheduler } from './scheduler.js';
import type { Nanos } from './time.js';

export class Runtime extends Scheduler {
  /**
   * Starts a process at the current instant; `body` runs once the current continuation ends.
   * A process spawned in a scope dies when the scope's `dead` becomes true.
   */
  spawn(body: (p: Process) => void, scope?: Owner): Process {
    return start(this, body, scope);
  }

  chan<T>(capacity = 0): Channel<T> {
    return new Channel<T>(this, capacity);
  }

  /** A channel that receives the clock's value once, `delay` from now (Go's time.After). */
  after(delay: Nanos): Channel<Nanos> {
    const ch = new Channel<Nanos>(this, 1);
    this.at(delay, undefined, () => ch.offer(this.now), undefined);
    return ch;
  }
}
