// The messages of the simulation: a client request's context, one attempt of a call as the
// job an instance serves, and the answer that goes back on the job's reply channel.
import type { Channel } from '@topo/runtime';
import type { Instance, Place } from './topology.js';

export interface RequestCtx {
  id: number;
  startNs: number;
  /** Arrived after warmup: its work counts in the statistics. */
  measured: boolean;
  /** Absolute deadline propagated from the edge (`budget propagate`); Infinity otherwise. */
  deadlineNs: number;
  /** Set when the request is traced. */
  traceId: string | undefined;
  /** Set when a call on its way failed and a `fallback` answered instead. */
  degraded: boolean;
}

/** Shared by a caller and the instance serving its attempt: the caller sets `abandoned` when it gives up. */
export interface AttemptState {
  abandoned: boolean;
}

export const enum JobKind {
  /** A call to a service, cache, managed datastore, or a Cassandra coordinator. */
  Call,
  /** One replica's read or write, sent by a Cassandra coordinator. */
  Replica,
}

export interface Job {
  kind: JobKind;
  req: RequestCtx;
  /** The instance it is sent to. */
  dest: Instance;
  write: boolean;
  /** Where the answer goes (none for Cassandra's asynchronous remote writes)... */
  reply: Channel<Reply> | undefined;
  /** ...and from where the caller sent it, for the way back. */
  from: Place;
  attempt: AttemptState;
  /** Span of the attempt that carries this job, parent of the spans it causes. */
  spanId: string | undefined;
  /** Calls nested above it: 0 for a client's request, 1 for the entry's calls, and so on (HOP_LIMIT). */
  depth: number;
  /** Set when it reaches an instance. */
  arrivedNs: number;
  /** The answer, while it travels back. */
  answer: Reply;
}

export interface Reply {
  ok: boolean;
  /** For a cache: whether it had the key. */
  hit: boolean;
  /** A failure of the hop limit somewhere below: no caller retries it (the chain would be as deep). */
  looped: boolean;
}

export const OK: Reply = { ok: true, hit: false, looped: false };
export const HIT: Reply = { ok: true, hit: true, looped: false };
export const FAILED: Reply = { ok: false, hit: false, looped: false };
export const LOOPED: Reply = { ok: false, hit: false, looped: true };

/**
 * An attempt that would be this deep a nested call (the entry's calls are the first) fails
 * at once: services that call each other in a cycle end, as HTTP's 508 Loop Detected.
 */
export const HOP_LIMIT = 64;
