import { describe, expect, it } from 'vitest';
import { WaiterQueue } from '../src/waiter-queue.js';

const k = (): void => {};

function drain(q: WaiterQueue): unknown[] {
  const out: unknown[] = [];
  while (q.hasLive()) {
    out.push(q.headValue());
    q.take();
  }
  return out;
}

describe('the waiter queue', () => {
  it('keeps first-in first-out order across growth and wrap-around', () => {
    const q = new WaiterQueue();
    for (let i = 0; i < 3; i++) q.push(undefined, undefined, k, i);
    expect(q.hasLive()).toBe(true);
    q.take();
    for (let i = 3; i < 20; i++) q.push(undefined, undefined, k, i);
    expect(drain(q)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(q.length).toBe(0);
  });

  it('skips waiters of dead processes and of selects that fired elsewhere', () => {
    const q = new WaiterQueue();
    const dead = { dead: true };
    const fired = { done: true };
    q.push(dead, undefined, k, 'dead');
    q.push(undefined, fired, k, 'fired');
    q.push({ dead: false }, { done: false }, k, 'live');
    expect(drain(q)).toEqual(['live']);
  });

  it('closes the select of the waiter it hands out', () => {
    const q = new WaiterQueue();
    const sel = { done: false };
    q.push(undefined, sel, k, 1);
    q.hasLive();
    q.take();
    expect(sel.done).toBe(true);
  });

  it('removes the entry of a select and only that one', () => {
    const q = new WaiterQueue();
    const sels = [{ done: false }, { done: false }, { done: false }];
    sels.forEach((s, i) => q.push(undefined, s, k, i));
    q.removeSelect(sels[1]!);
    expect(q.length).toBe(2);
    q.removeSelect({ done: false });
    expect(q.length).toBe(2);
    expect(drain(q)).toEqual([0, 2]);
  });
});
