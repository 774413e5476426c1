// The scheduler: a virtual clock, the timed events (a heap keyed by time and sequence) and the
// ready queue of continuations due now. Everything runs on one thread in one deterministic order.
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { Channel } from './channel.js';
import { EventQueue, type TimedEvent } from './event-queue.js';
import type { Owner } from './owner.js';
import { Process } from './process.js';
import type { Nanos } from './time.js';


/**
 * Continuations due at the current instant, in a ring of parallel arrays so that waking a
 * process allocates nothing.
 */
class ReadyQueue {
  private owners: Owner[] = new Array(1024);
  private fns: ((arg: any) => void)[] = new Array(1024);
  private args: unknown[] = new Array(1024);
  private head = 0;
  length = 0;

  push(owner: Owner, fn: (arg: any) => void, arg: unknown): void {
    if (this.length === this.fns.length) this.grow();
    const i = (this.head + this.length) & (this.fns.length - 1);
    this.owners[i] = owner;
    this.fns[i] = fn;
    this.args[i] = arg;
    this.length++;
  }

  /** Runs the oldest continuation unless its process died; returns false when empty. */
  runOne(): boolean {
    if (this.length === 0) return false;
    const i = this.head;
    const owner = this.owners[i];
    const fn = this.fns[i]!;
    const arg = this.args[i];
    this.owners[i] = undefined;
    this.fns[i] = undefined as never;
    this.args[i] = undefined;
    this.head = (i + 1) & (this.fns.length - 1);
    this.length--;
    if (owner === undefined || !owner.dead) fn(arg);
    return true;
  }

  private grow(): void {
    const n = this.fns.length;
    const owners: Owner[] = new Array(n * 2);
    const fns: ((arg: any) => void)[] = new Array(n * 2);
    const args: unknown[] = new Array(n * 2);
    for (let j = 0; j < this.length; j++) {
      const i = (this.head + j) & (n - 1);
      owners[j] = this.owners[i];
      fns[j] = this.fns[i]!;
      args[j] = this.args[i];
    }
    this.owners = owners;
    this.fns = fns;
    this.args = args;
    this.head = 0;
  }
}

/**
 * The generator's 128-bit state from a seed, through SplitMix32: xoroshiro seeded with a small
 * number directly starts in a poorly mixed state (its first output for seed 1 is 2^32 - 2).
 */
function seedState(seed: number): number[] {
  let x = seed | 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  };
  return [next(), next(), next(), next()];
}

/** A scheduled timed event, as returned by `at`. */
export type Timer = object;

export interface RuntimeOptions {
  /** Seed of the random streams; the same seed gives the same run. */
  seed?: number;
}

export class Runtime {
  /** The virtual clock, in integer nanoseconds. */
  now: Nanos = 0;
  /** Events dispatched so far: timed events and continuations. */
  events = 0;
  private readonly timed = new EventQueue();
  private readonly ready = new ReadyQueue();
  private seq = 0;
  private nextId = 0;
  private stopped = false;
  /** The stream handed to the next process that asks for one; jumped 2^64 draws each time. */
  private readonly streams: JumpableRandomGenerator;

  constructor(options: RuntimeOptions = {}) {
    this.streams = xoroshiro128plusFromState(seedState(options.seed ?? 1));
  }

  /**
   * Starts a process at the current instant; `body` runs once the current continuation ends.
   * A process spawned in a scope dies when the scope's `dead` becomes true.
   */
  spawn(body: (p: Process) => void, scope?: Owner): Process {
    const p = new Process(this, this.nextId++, scope);
    this.ready.push(p, body, p);
    return p;
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

  /**
   * Schedules `fn(arg)` `delay` from now on behalf of `owner` (dropped if the owner dies).
   * Returns a handle for `cancel`, except for a zero delay, which queues it for now.
   */
  at<A>(delay: Nanos, owner: Owner, fn: (arg: A) => void, arg: A): Timer | undefined {
    if (!(delay >= 0)) throw new RangeError(`negative or invalid delay: ${delay}`);
    if (delay === 0) {
      this.ready.push(owner, fn, arg);
      return undefined;
    }
    const e: TimedEvent = { time: this.now + Math.round(delay), seq: this.seq++, fn, arg, owner, pos: -1 };
    this.timed.push(e);
    return e;
  }

  /** Unschedules a timed event; no effect if it already ran. */
  cancel(timer: Timer): void {
    this.timed.remove(timer as TimedEvent);
  }

  /** Queues a continuation for the current instant. */
  wake<A>(owner: Owner, fn: (arg: A) => void, arg: A): void {
    this.ready.push(owner, fn, arg);
  }

  /** A fresh independent random stream (used by processes, and by anything else that needs one). */
  stream(): JumpableRandomGenerator {
    const s = this.streams.clone();
    this.streams.jump();
    return s;
  }

  /**
   * Runs events in (time, sequence) order until none is left, the next one is later than
   * `until`, or `stop()` is called. The clock then rests at the last event run (or `until`).
   */
  run(until: Nanos = Infinity): void {
    this.stopped = false;
    const ready = this.ready;
    const timed = this.timed;
    for (;;) {
      while (ready.runOne()) {
        this.events++;
        if (this.stopped) return;
      }
      const t = timed.peekTime();
      if (t > until) {
        if (until !== Infinity && until > this.now) this.now = until;
        return;
      }
      if (t === Infinity) return;
      this.now = t;
      // Every event due now was scheduled before the clock got here, so it precedes (in
      // sequence) any continuation those events queue: run them all before the ready queue.
      while (timed.peekTime() === t) {
        const e = timed.pop()!;
        this.events++;
        if (e.owner === undefined || !e.owner.dead) e.fn(e.arg);
        if (this.stopped) return;
      }
    }
  }

  /** Makes `run` return after the current continuation. */
  stop(): void {
    this.stopped = true;
  }

  /** True when nothing is scheduled. */
  get idle(): boolean {
    return this.ready.length === 0 && this.timed.size === 0;
  }

  /** The time of the next timed event (Infinity when none). */
  get nextEventTime(): Nanos {
    return this.ready.length > 0 ? this.now : this.timed.peekTime();
  }
}
