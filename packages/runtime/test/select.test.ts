import { describe, expect, it } from 'vitest';
import { afterCase, Runtime, recvCase, sendCase, type Process } from '../src/index.js';

describe('select', () => {
  it('takes the one ready case at once', () => {
    const rt = new Runtime();
    const a = rt.chan<string>(1);
    const b = rt.chan<string>(1);
    b.offer('from b');
    const log: string[] = [];
    rt.spawn((p) => p.select([recvCase(a, (v) => log.push(`a ${v}`)), recvCase(b, (v) => log.push(`b ${v}`))]));
    rt.run();
    expect(log).toEqual(['b from b']);
  });

  it('waits for the first case to become ready and withdraws the others', () => {
    const rt = new Runtime();
    const a = rt.chan<string>();
    const b = rt.chan<string>();
    const log: string[] = [];
    rt.spawn((p) => p.select([recvCase(a, (v) => log.push(`a ${v}`)), recvCase(b, (v) => log.push(`b ${v}`))]));
    rt.spawn((p) => p.sleep(5, () => p.send(a, 'one', () => log.push('a sent'))));
    // Nobody receives on b any more: this send must stay blocked.
    rt.spawn((p) => p.sleep(6, () => p.send(b, 'two', () => log.push('b sent'))));
    rt.run();
    expect(log).toEqual(['a one', 'a sent']);
    expect(b.canSend()).toBe(false);
  });

  it('can wait to send as well as to receive', () => {
    const rt = new Runtime();
    const out = rt.chan<number>();
    const inn = rt.chan<number>();
    const log: string[] = [];
    rt.spawn((p) => p.select([sendCase(out, 1, () => log.push('sent')), recvCase(inn, (v) => log.push(`got ${v}`))]));
    rt.spawn((p) => p.sleep(3, () => p.recv(out, (v) => log.push(`other got ${v} at ${p.now}`))));
    rt.run();
    expect(log).toEqual(['sent', 'other got 1 at 3']);
  });

  it('is fair: with both cases always ready each is taken about half the time', () => {
    const rt = new Runtime({ seed: 3 });
    const a = rt.chan<number>(1);
    const b = rt.chan<number>(1);
    const counts = { a: 0, b: 0 };
    rt.spawn((p: Process) => {
      let left = 10_000;
      const loop = (): void => {
        a.offer(0);
        b.offer(0);
        if (left-- === 0) return;
        p.select([recvCase(a, () => (counts.a++, loop())), recvCase(b, () => (counts.b++, loop()))]);
      };
      loop();
    });
    rt.run();
    expect(counts.a + counts.b).toBe(10_000);
    expect(counts.a).toBeGreaterThan(4_800);
    expect(counts.b).toBeGreaterThan(4_800);
  });

  it('times out with after() when nothing comes in time, and not when something does', () => {
    const outcome = (replyAt: number): string[] => {
      const rt = new Runtime();
      const reply = rt.chan<string>(1);
      const log: string[] = [];
      rt.spawn((p) => p.select([recvCase(reply, (v) => log.push(`${v} at ${p.now}`)), recvCase(rt.after(100), (t) => log.push(`timeout at ${t}`))]));
      rt.spawn((p) => p.sleep(replyAt, () => p.send(reply, 'reply', () => {})));
      rt.run();
      return log;
    };
    expect(outcome(99)).toEqual(['reply at 99']);
    expect(outcome(101)).toEqual(['timeout at 100']);
    // A reply and the timer at the same instant: the timer was scheduled first, so it wins.
    expect(outcome(100)).toEqual(['timeout at 100']);
  });
});

describe('select with a timer case', () => {
  const outcome = (replyAt: number): string[] => {
    const rt = new Runtime();
    const reply = rt.chan<string>(1);
    const log: string[] = [];
    rt.spawn((p) => p.select([recvCase(reply, (v) => log.push(`${v} at ${p.now}`)), afterCase(100, () => log.push(`timeout at ${p.now}`))]));
    rt.spawn((p) => p.sleep(replyAt, () => p.send(reply, 'reply', () => {})));
    rt.run();
    return log;
  };

  it('takes the reply that comes in time, and the timer never fires after it', () => {
    expect(outcome(99)).toEqual(['reply at 99']);
  });

  it('times out when nothing comes in time, and withdraws the receive', () => {
    expect(outcome(101)).toEqual(['timeout at 100']);
  });

  it('is never ready at once: a ready channel case wins even over a zero delay', () => {
    const rt = new Runtime();
    const ch = rt.chan<number>(1);
    ch.offer(1);
    const log: string[] = [];
    rt.spawn((p) => p.select([afterCase(0, () => log.push('timer')), recvCase(ch, () => log.push('channel'))]));
    rt.run();
    expect(log).toEqual(['channel']);
  });

  it('dies with its process', () => {
    const rt = new Runtime();
    const log: string[] = [];
    const p = rt.spawn((q) => q.select([afterCase(10, () => log.push('timer')), recvCase(rt.chan<number>(), () => log.push('channel'))]));
    rt.at(5, undefined, () => p.kill(), undefined);
    rt.run();
    expect(log).toEqual([]);
  });
});

describe('determinism', () => {
  /** Processes passing messages around a ring with random delays and random selects. */
  function trace(seed: number): string {
    const rt = new Runtime({ seed });
    const n = 20;
    const chans = Array.from({ length: n }, () => rt.chan<number>(2));
    const log: string[] = [];
    for (let i = 0; i < n; i++) {
      rt.spawn((p) => {
        let hops = 0;
        const loop = (): void => {
          if (hops++ === 30) return;
          p.select([
            recvCase(chans[i]!, (v) => {
              log.push(`${p.now} ${i}<${v}`);
              p.sleep(1 + p.randomInt(1000), () => p.send(chans[(i + 1 + p.randomInt(3)) % n]!, i, loop));
            }),
            recvCase(rt.after(500 + p.randomInt(500)), () => {
              log.push(`${p.now} ${i} idle`);
              p.send(chans[p.randomInt(n)]!, i, loop);
            }),
          ]);
        };
        loop();
      });
    }
    rt.run();
    return log.join('\n');
  }

  it('gives the same run for the same seed, and another for another seed', () => {
    const a = trace(42);
    expect(a.split('\n').length).toBeGreaterThan(100);
    expect(trace(42)).toBe(a);
    expect(trace(43)).not.toBe(a);
  });
});
