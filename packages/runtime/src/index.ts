export { Runtime } from './runtime.js';
export type { Scheduler, RuntimeOptions, Timer } from './scheduler.js';
export { Channel } from './channel.js';
export { Process, recvCase, sendCase, afterCase, type Case } from './process.js';
export { request, type Message } from './message.js';
export { nanos, toMs, NS_PER_MS, type Nanos } from './time.js';
export type { Owner } from './owner.js';
