// The workload of spigo's own benchmark (`spigo -a fsm -p N`), on this runtime: N processes,
// each with a buffered inbox, each receiving five messages — a hello from a root process, then
// one from each of the four processes before it in a ring, which it greets after its hello.
import { Runtime, type Channel } from '../src/index.js';

export interface Greeting {
  from: number;
}

/** Runs the workload; returns the messages delivered (5 × n) and the events dispatched. */
export function spigoWorkload(n: number, seed = 1): { delivered: number; events: number } {
  const rt = new Runtime({ seed });
  const inbox: Channel<Greeting>[] = [];
  let delivered = 0;
  for (let i = 0; i < n; i++) inbox.push(rt.chan<Greeting>(5));
  for (let i = 0; i < n; i++) {
    rt.spawn((p) => {
      let got = 0;
      let sent = 0;
      const gotOne = (): void => {
        delivered++;
        if (++got === 1) greetNext();
        else if (got < 5) p.recv(inbox[i]!, gotOne);
      };
      const greetNext = (): void => {
        if (sent === 4) p.recv(inbox[i]!, gotOne);
        else p.send(inbox[(i + 1 + sent++) % n]!, { from: i }, greetNext);
      };
      p.recv(inbox[i]!, gotOne);
    });
  }
  rt.spawn((p) => {
    let i = 0;
    const next = (): void => {
      if (i < n) p.send(inbox[i++]!, { from: -1 }, next);
    };
    next();
  });
  rt.run();
  return { delivered, events: rt.events };
}
