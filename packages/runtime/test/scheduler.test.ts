import { describe, expect, it } from 'vitest';
import { Runtime, nanos, toMs } from '../src/index.js';

describe('the scheduler', () => {
  it('runs timed events in time order, and ties in the order they were scheduled', () => {
    const rt = new Runtime();
    const log: string[] = [];
    rt.at(20, undefined, (s: string) => log.push(`${rt.now}:${s}`), 'c');
    rt.at(10, undefined, (s: string) => log.push(`${rt.now}:${s}`), 'a');
    rt.at(20, undefined, (s: string) => log.push(`${rt.now}:${s}`), 'd');
    rt.at(10, undefined, (s: string) => log.push(`${rt.now}:${s}`), 'b');
    rt.run();
    expect(log).toEqual(['10:a', '10:b', '20:c', '20:d']);
  });

  it('runs every event due at an instant before the continuations those events queue', () => {
    const rt = new Runtime();
    const log: string[] = [];
    rt.at(5, undefined, () => {
      log.push('first');
      rt.wake(undefined, () => log.push('woken by first'), undefined);
    }, undefined);
    rt.at(5, undefined, () => log.push('second'), undefined);
    rt.run();
    expect(log).toEqual(['first', 'second', 'woken by first']);
  });

  it('refuses a negative delay', () => {
    expect(() => new Runtime().at(-1, undefined, () => {}, undefined)).toThrow(RangeError);
  });

  it('stops at `until` with the clock there, and goes on from it', () => {
    const rt = new Runtime();
    const log: number[] = [];
    for (const t of [10, 20, 30]) rt.at(t, undefined, () => log.push(rt.now), undefined);
    rt.run(20);
    expect(log).toEqual([10, 20]);
    expect(rt.now).toBe(20);
    rt.run(25);
    expect(rt.now).toBe(25);
    rt.run();
    expect(log).toEqual([10, 20, 30]);
    expect(rt.idle).toBe(true);
  });

  it('stop() returns from run after the current event', () => {
    const rt = new Runtime();
    const log: number[] = [];
    rt.at(1, undefined, () => {
      log.push(1);
      rt.stop();
    }, undefined);
    rt.at(2, undefined, () => log.push(2), undefined);
    rt.run();
    expect(log).toEqual([1]);
    rt.run();
    expect(log).toEqual([1, 2]);
  });

  it('counts the events it dispatched', () => {
    const rt = new Runtime();
    rt.spawn((p) => p.sleep(5, () => {}));
    rt.run();
    expect(rt.events).toBe(2);
  });

  it('converts milliseconds to whole nanoseconds and back', () => {
    expect(nanos(0.0003)).toBe(300);
    expect(nanos(1.5)).toBe(1_500_000);
    expect(toMs(2_500_000)).toBe(2.5);
  });
});

describe('processes', () => {
  it('sleep resumes after the delay of virtual time', () => {
    const rt = new Runtime();
    const at: number[] = [];
    rt.spawn((p) => p.sleep(nanos(3), () => at.push(p.now)));
    rt.run();
    expect(at).toEqual([3_000_000]);
  });

  it('a killed process never resumes', () => {
    const rt = new Runtime();
    const log: string[] = [];
    const victim = rt.spawn((p) => p.sleep(10, () => log.push('victim woke')));
    rt.spawn((p) => p.sleep(5, () => victim.kill()));
    rt.spawn((p) => p.sleep(20, () => log.push('other woke')));
    rt.run();
    expect(log).toEqual(['other woke']);
  });

  it('gives each process its own random stream, the same for the same seed', () => {
    const draws = (seed: number): number[][] => {
      const rt = new Runtime({ seed });
      const out: number[][] = [];
      for (let i = 0; i < 2; i++) rt.spawn((p) => out.push([p.random(), p.random(), p.random()]));
      rt.run();
      return out;
    };
    const a = draws(7);
    expect(draws(7)).toEqual(a);
    expect(a[0]).not.toEqual(a[1]);
    expect(draws(8)).not.toEqual(a);
    for (const x of a.flat()) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws uniform integers below n', () => {
    const rt = new Runtime();
    const seen = new Set<number>();
    rt.spawn((p) => {
      for (let i = 0; i < 1000; i++) seen.add(p.randomInt(4));
    });
    rt.run();
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('scopes', () => {
  it('kill every process spawned in them, children included, and no other', () => {
    const rt = new Runtime();
    const machine = { dead: false };
    const log: string[] = [];
    rt.spawn((p) => {
      p.sleep(10, () => log.push('parent woke'));
      p.spawn((c) => c.sleep(10, () => log.push('child woke')));
    }, machine);
    rt.spawn((p) => p.sleep(10, () => log.push('outsider woke')));
    rt.at(5, undefined, () => (machine.dead = true), undefined);
    rt.run();
    expect(log).toEqual(['outsider woke']);
  });
});

describe('cancelling timed events', () => {
  it('removes a pending event, anywhere in the heap, and keeps the order of the rest', () => {
    const rt = new Runtime();
    const log: number[] = [];
    const timers = [50, 10, 40, 20, 30, 60, 5].map((t) => rt.at(t, undefined, () => log.push(t), undefined)!);
    rt.cancel(timers[2]!);
    rt.cancel(timers[6]!);
    rt.run();
    expect(log).toEqual([10, 20, 30, 50, 60]);
  });

  it('does nothing to an event that already ran', () => {
    const rt = new Runtime();
    const log: number[] = [];
    const first = rt.at(1, undefined, () => log.push(1), undefined)!;
    rt.at(2, undefined, () => rt.cancel(first), undefined);
    rt.at(3, undefined, () => log.push(3), undefined);
    rt.run();
    expect(log).toEqual([1, 3]);
  });

  it('cannot cancel a zero delay, which is queued for now', () => {
    expect(new Runtime().at(0, undefined, () => {}, undefined)).toBeUndefined();
  });
});

describe('seeding', () => {
  it('starts well mixed even for small seeds: first draws spread over [0, 1)', () => {
    const firsts: number[] = [];
    for (let seed = 0; seed < 200; seed++) {
      const rt = new Runtime({ seed });
      rt.spawn((p) => firsts.push(p.random()));
      rt.run();
    }
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
    expect(Math.max(...firsts)).toBeLessThan(0.999);
  });
});
