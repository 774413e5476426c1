// What travels with a call: a client request's context (down every call it causes), an
// attempt's state shared by caller and server, and the answer that comes back.

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

/** Shared by a caller and the instance serving its attempt: the caller sets `gaveUpNs` when it gives up. */
export interface AttemptState {
  /** When the caller gave up on the attempt; Infinity while it waits. */
  gaveUpNs: number;
}

/** The state of an attempt just sent: its caller waits. */
export const waiting = (): AttemptState => ({ gaveUpNs: Infinity });

/** Whether the attempt's caller still waits for its answer. */
export const callerWaits = (attempt: AttemptState): boolean => attempt.gaveUpNs === Infinity;

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
