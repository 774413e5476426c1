import { describe, expect, it } from 'vitest';
import { afterCase, Runtime, recvCase, request, type Channel, type Message } from '../src/index.js';

describe('rendezvous channels', () => {
  it('block the sender until a receiver takes the value; the waiting side resumes first', () => {
    const rt = new Runtime();
    const ch = rt.chan<string>();
    const log: string[] = [];
    rt.spawn((p) => p.send(ch, 'x', () => log.push(`sent at ${p.now}`)));
    rt.spawn((p) => p.sleep(10, () => p.recv(ch, (v) => log.push(`got ${v} at ${p.now}`))));
    rt.run();
    expect(log).toEqual(['sent at 10', 'got x at 10']);
  });

  it('block the receiver until a sender comes; the waiting receiver resumes first', () => {
    const rt = new Runtime();
    const ch = rt.chan<string>();
    const log: string[] = [];
    rt.spawn((p) => p.recv(ch, (v) => log.push(`got ${v} at ${p.now}`)));
    rt.spawn((p) => p.sleep(7, () => p.send(ch, 'y', () => log.push(`sent at ${p.now}`))));
    rt.run();
    expect(log).toEqual(['got y at 7', 'sent at 7']);
  });

  it('serve blocked senders and receivers first come, first served', () => {
    const rt = new Runtime();
    const ch = rt.chan<number>();
    const got: string[] = [];
    for (const v of [1, 2, 3]) rt.spawn((p) => p.sleep(v, () => p.send(ch, v, () => {})));
    for (const name of ['a', 'b', 'c']) rt.spawn((p) => p.sleep(10, () => p.recv(ch, (v) => got.push(`${name}${v}`))));
    rt.run();
    expect(got).toEqual(['a1', 'b2', 'c3']);
  });

  it('serve several blocked receivers in order, past one that died and one whose select timed out', () => {
    const rt = new Runtime();
    const ch = rt.chan<string>();
    const got: string[] = [];
    const first = rt.spawn((p) => p.recv(ch, (v) => got.push(`first ${v}`)));
    rt.spawn((p) => p.select([recvCase(ch, (v) => got.push(`select ${v}`)), afterCase(2, () => got.push('timeout'))]));
    for (const name of ['a', 'b']) rt.spawn((p) => p.recv(ch, (v) => got.push(`${name} ${v}`)));
    rt.spawn((p) => p.sleep(5, () => {
      first.kill();
      p.send(ch, 'x', () => p.send(ch, 'y', () => {}));
    }));
    rt.spawn((p) => p.sleep(9, () => p.recv(ch, (v) => got.push(`late ${v}`))));
    rt.spawn((p) => p.sleep(10, () => p.send(ch, 'z', () => {})));
    rt.run();
    expect(got).toEqual(['timeout', 'a x', 'b y', 'late z']);
  });

  it('never hand a value to a receiver that died', () => {
    const rt = new Runtime();
    const ch = rt.chan<number>();
    const log: string[] = [];
    const dead = rt.spawn((p) => p.recv(ch, (v) => log.push(`dead got ${v}`)));
    rt.spawn((p) => p.sleep(1, () => {
      dead.kill();
      p.send(ch, 1, () => log.push(`sent at ${p.now}`));
    }));
    rt.spawn((p) => p.sleep(5, () => p.recv(ch, (v) => log.push(`live got ${v}`))));
    rt.run();
    expect(log).toEqual(['sent at 5', 'live got 1']);
  });
});

describe('buffered channels', () => {
  it('accept sends up to capacity without a receiver, then block', () => {
    const rt = new Runtime();
    const ch = rt.chan<number>(2);
    const sentAt: number[] = [];
    rt.spawn((p) => {
      let i = 0;
      const next = (): void => {
        if (i < 3) p.send(ch, i++, () => {
          sentAt.push(p.now);
          next();
        });
      };
      next();
    });
    rt.spawn((p) => p.sleep(50, () => p.recv(ch, () => {})));
    rt.run();
    expect(sentAt).toEqual([0, 0, 50]);
  });

  it('deliver in send order, the blocked sender taking the freed place at the back', () => {
    const rt = new Runtime();
    const ch = rt.chan<number>(2);
    const got: number[] = [];
    for (const v of [1, 2, 3, 4]) rt.spawn((p) => p.send(ch, v, () => {}));
    rt.spawn((p) => p.sleep(10, () => {
      const take = (): void => p.recv(ch, (v) => {
        got.push(v);
        if (got.length < 4) take();
      });
      take();
    }));
    rt.run();
    expect(got).toEqual([1, 2, 3, 4]);
    expect(ch.length).toBe(0);
  });

  it('keep send order in an unbounded buffer that outgrows its first allocation, across wrap-around', () => {
    const rt = new Runtime();
    const ch = rt.chan<number>(Infinity);
    const got: number[] = [];
    let sent = 0;
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 7; i++) ch.offer(sent++);
      for (let i = 0; i < 4; i++) ch.recv(undefined, (v) => got.push(v));
    }
    while (ch.length > 0) ch.recv(undefined, (v) => got.push(v));
    rt.run();
    expect(got).toEqual(Array.from({ length: sent }, (_, i) => i));
  });

  it('offer sends only when it would not block', () => {
    const rt = new Runtime();
    const ch = rt.chan<number>(1);
    expect(ch.offer(1)).toBe(true);
    expect(ch.offer(2)).toBe(false);
    expect(ch.length).toBe(1);
    expect(rt.chan<number>(0).offer(1)).toBe(false);
  });

  it('refuse a negative capacity', () => {
    expect(() => new Runtime().chan(-1)).toThrow(RangeError);
  });
});

describe('messages with a reply channel', () => {
  it('carry the channel the answer goes to', () => {
    const rt = new Runtime();
    const server = rt.chan<Message<number, number>>();
    const answers: number[] = [];
    rt.spawn((p) => {
      const serve = (): void => p.recv(server, (m) => p.sleep(3, () => p.send(m.reply!, m.payload * 2, serve)));
      serve();
    });
    rt.spawn((p) => request(p, server, 21, (reply: Channel<number>) => p.recv(reply, (v) => answers.push(v, p.now))));
    rt.run();
    expect(answers).toEqual([42, 3]);
  });

  it('let the server answer a caller that stopped listening without blocking', () => {
    const rt = new Runtime();
    const server = rt.chan<Message<string, string>>();
    let served = 0;
    rt.spawn((p) => {
      const serve = (): void => p.recv(server, (m) => p.send(m.reply!, 'late', () => {
        served++;
        serve();
      }));
      serve();
    });
    rt.spawn((p) => request(p, server, 'a', () => request(p, server, 'b', () => {})));
    rt.run();
    expect(served).toBe(2);
  });
});
