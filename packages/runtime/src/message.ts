// The gotocol idea: a message carries the channel its answer goes to, so a process can serve
// whoever asks without knowing them, and routes can be changed by passing channels around.
import { Channel } from './channel.js';
import type { Process } from './process.js';
import type { Nanos } from './time.js';

export interface Message<P, R = unknown> {
  payload: P;
  /** Where the answer goes; buffered (capacity 1) so answering never blocks on a caller that left. */
  reply: Channel<R> | undefined;
  /** The clock when it was sent. */
  sent: Nanos;
}

/** Sends `payload` to `ch` with a fresh reply channel, and hands that channel to `k`. */
export function request<P, R>(p: Process, ch: Channel<Message<P, R>>, payload: P, k: (reply: Channel<R>) => void): void {
  const reply = new Channel<R>(p.rt, 1);
  p.send(ch, { payload, reply, sent: p.now }, () => k(reply));
}
