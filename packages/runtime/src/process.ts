// A process: a chain of continuations with an identity, a random stream of its own and a
// life. Every operation takes the continuation to run when it completes; a killed process's
// pending continuations are dropped, wherever they wait.
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type { Channel } from './channel.js';
import type { Owner } from './owner.js';
import type { Runtime, Timer } from './runtime.js';
import type { SelectState } from './waiter-queue.js';
import type { Nanos } from './time.js';

/** One alternative of a select: a receive, a send, or a timer, and what to do when it is the one taken. */
export type Case<T = any> =
  | { op: 'recv'; ch: Channel<T>; k: (value: T) => void }
  | { op: 'send'; ch: Channel<T>; value: T; k: () => void }
  | { op: 'after'; delay: Nanos; k: () => void };

export function recvCase<T>(ch: Channel<T>, k: (value: T) => void): Case<T> {
  return { op: 'recv', ch, k };
}

export function sendCase<T>(ch: Channel<T>, value: T, k: () => void): Case<T> {
  return { op: 'send', ch, value, k };
}

/**
 * A timeout: taken when `delay` passes before any other case. Cheaper than receiving from
 * `rt.after(delay)`: no channel, and nothing to deliver when another case wins.
 */
export function afterCase(delay: Nanos, k: () => void): Case {
  return { op: 'after', delay, k };
}

function ready(c: Case): boolean {
  return c.op === 'recv' ? c.ch.canReceive() : c.op === 'send' ? c.ch.canSend() : false;
}

/** Withdraws a select's other cases once one fired: its channel entries and its timers. */
function withdraw(rt: Runtime, cases: readonly Case[], fired: number, sel: SelectState, timers: Timer[] | undefined): void {
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (i !== fired && c.op !== 'after') c.ch.forget(sel, c.op === 'send');
  }
  if (timers !== undefined) for (const t of timers) rt.cancel(t);
}

export class Process {
  private killed = false;
  private rng: JumpableRandomGenerator | undefined;

  constructor(
    readonly rt: Runtime,
    readonly id: number,
    /** The process dies when its scope does (a machine that fails takes its processes with it). */
    readonly scope?: Owner,
  ) {}

  get dead(): boolean {
    return this.killed || (this.scope !== undefined && this.scope.dead);
  }

  /** The clock, for convenience. */
  get now(): Nanos {
    return this.rt.now;
  }

  send<T>(ch: Channel<T>, value: T, k: () => void): void {
    ch.send(this, value, k);
  }

  recv<T>(ch: Channel<T>, k: (value: T) => void): void {
    ch.recv(this, k);
  }

  /** Resumes `k` after `delay` of virtual time. */
  sleep(delay: Nanos, k: () => void): void {
    this.rt.at(delay, this, k, undefined);
  }

  /**
   * Waits on several operations and performs exactly one. When several are ready at once the
   * one taken is drawn uniformly from this process's stream (fair, as in Go); otherwise the
   * first to become ready is taken.
   */
  select(cases: readonly Case[]): void {
    let readyCount = 0;
    for (const c of cases) if (ready(c)) readyCount++;
    if (readyCount > 0) {
      let pick = readyCount === 1 ? 0 : Math.floor(this.random() * readyCount);
      for (const c of cases) {
        if (!ready(c) || pick-- > 0) continue;
        if (c.op === 'recv') c.ch.recv(this, c.k);
        else if (c.op === 'send') c.ch.send(this, c.value, c.k);
        return;
      }
    }
    const rt = this.rt;
    const sel: SelectState = { done: false };
    let timers: Timer[] | undefined;
    cases.forEach((c, fired) => {
      if (c.op === 'after') {
        const timer = rt.at(c.delay, this, () => {
          if (sel.done) return;
          sel.done = true;
          withdraw(rt, cases, fired, sel, timers);
          c.k();
        }, undefined);
        if (timer !== undefined) (timers ??= []).push(timer);
        return;
      }
      const k = (value: unknown): void => {
        withdraw(rt, cases, fired, sel, timers);
        (c.k as (v: unknown) => void)(value);
      };
      c.ch.wait(this, sel, c.op === 'send', k, c.op === 'send' ? c.value : undefined);
    });
  }

  /** Starts another process now, in this process's scope. */
  spawn(body: (p: Process) => void): Process {
    return this.rt.spawn(body, this.scope);
  }

  /** Ends the process: nothing it waits for will resume it. */
  kill(): void {
    this.killed = true;
  }

  /** A uniform double in [0, 1) from this process's own stream. */
  random(): number {
    const rng = (this.rng ??= this.rt.stream());
    return ((rng.next() >>> 5) * 67108864 + (rng.next() >>> 6)) / 9007199254740992;
  }

  /** A uniform integer in [0, n). */
  randomInt(n: number): number {
    return Math.floor(this.random() * n);
  }
}
