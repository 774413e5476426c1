// A process: a chain of continuations with an identity, a random stream of its own and a
// life. Every operation takes the continuation to run when it completes; a killed process's
// pending continuations are dropped, wherever they wait.
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type { Channel } from './channel.js';
import type { Owner } from './owner.js';
import type { Scheduler, Timer } from './scheduler.js';
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

/**
 * A select that found no case ready, waiting on all of them: the first to fire closes it and
 * withdraws the others (their channel entries and timers). One object holds what the cases
 * share, so each case costs only its continuation.
 */
class Waiting implements SelectState {
  done = false;
  private timers: Timer[] | undefined;

  constructor(
    private readonly p: Process,
    private readonly cases: readonly Case[],
  ) {}

  /** Waits on case `i`: queues it on its channel, or starts its timer. */
  wait(i: number): void {
    const c = this.cases[i]!;
    if (c.op !== 'after') {
      c.ch.wait(this.p, this, c.op === 'send', (value: unknown) => this.fire(i, value), c.op === 'send' ? c.value : undefined);
      return;
    }
    const timer = this.p.rt.at(c.delay, this.p, () => {
      if (this.done) return;
      this.done = true;
      this.fire(i, undefined);
    }, undefined);
    if (timer !== undefined) (this.timers ??= []).push(timer);
  }

  /** Case `fired` was taken (a channel closed the select, or its timer did): withdraws the others, then continues. */
  private fire(fired: number, value: unknown): void {
    const cases = this.cases;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      if (i !== fired && c.op !== 'after') c.ch.forget(this, c.op === 'send');
    }
    if (this.timers !== undefined) for (const t of this.timers) this.p.rt.cancel(t);
    (cases[fired]!.k as (value: unknown) => void)(value);
  }
}

/** Starts a process at the current instant, in `scope`; `body` runs once the current continuation ends. */
export function start(rt: Scheduler, body: (p: Process) => void, scope: Owner): Process {
  const p = new Process(rt, rt.nextProcessId(), scope);
  rt.wake(p, body, p);
  return p;
}

export class Process {
  private killed = false;
  private rng: JumpableRandomGenerator | undefined;

  constructor(
    readonly rt: Scheduler,
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
    const waiting = new Waiting(this, cases);
    for (let i = 0; i < cases.length; i++) waiting.wait(i);
  }

  /** Starts another process now, in this process's scope. */
  spawn(body: (p: Process) => void): Process {
    return start(this.rt, body, this.scope);
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
