// Every default of the language reference, in one place.
import type { Breaker, CacheEngine, Call, Consistency, DatastoreEngine, Network, Provider, Work } from './model.js';

export const DEFAULT_NETWORK: Readonly<Network> = {
  zoneMs: 0.1,
  crossZoneMs: 0.5,
  crossRegionMs: 35,
  petalMs: 0.0003,
  encodeMs: 0.02,
  discoveryMs: 10_000,
};

/** A region's provider and zones when the file does not say. */
export const DEFAULT_PROVIDER: Provider = 'aws';
export const DEFAULT_ZONES: readonly string[] = ['a', 'b', 'c'];

/** The region made up when a model declares none: aws, zones a, b, c, us-east-1's grid and PUE. */
export const IMPLICIT_REGION = { name: 'default', provider: DEFAULT_PROVIDER, zones: DEFAULT_ZONES, gridOf: 'us-east-1' };

export const DEFAULT_THREADS = 100;
export const DEFAULT_SERVICE_WORK_MS = 1;
export const DEFAULT_SERVICE_INSTANCE_TYPE = 'm5.large';
export const DEFAULT_CACHE_INSTANCE_TYPE = 'r5.large';
export const DEFAULT_CACHE_HIT = 0.8;
export const DEFAULT_DISTRIBUTION: Work['distribution'] = 'exponential';
/** Memory per service instance when neither `memory` nor a known instance type says (m5.large's). */
export const DEFAULT_MEMORY_GIB = 8;

export const DATASTORE_WORK_MS: Record<DatastoreEngine, number> = {
  cassandra: 0.5,
  mysql: 1,
  postgres: 1,
  dynamodb: 4,
  s3: 20,
};

export const DATASTORE_INSTANCE_TYPE: Record<DatastoreEngine, string | undefined> = {
  cassandra: 'i3.large',
  mysql: 'm5.large',
  postgres: 'm5.large',
  dynamodb: undefined,
  s3: undefined,
};

export const CACHE_WORK_MS: Record<CacheEngine, number> = { memcached: 0.2, redis: 0.2, evcache: 0.2 };

export function isManaged(engine: DatastoreEngine): boolean {
  return engine === 'dynamodb' || engine === 's3';
}

export const DEFAULT_REPLICATION = 3;

/** Copies per region: cassandra's replication factor, one for the others. */
export function defaultReplication(engine: DatastoreEngine): number {
  return engine === 'cassandra' ? DEFAULT_REPLICATION : 1;
}

export const DEFAULT_READ: Consistency = 'ONE';
export const DEFAULT_WRITE: Consistency = 'QUORUM';
export const DEFAULT_PETAL_REPLICAS = 3;
/** A call retries on a different instance unless it says `retry same`. */
export const DEFAULT_RETRY: Call['retry'] = 'different';
export const DEFAULT_SCENARIO_DURATION_MS = 60_000;
export const DEFAULT_SCENARIO_SEED = 1;
/**
 * The largest seed: the runtime takes a seed's low 32 bits (scheduler.ts, seedState), so a
 * larger one would give the run of a smaller one.
 */
export const MAX_SEED = 2 ** 32 - 1;
/** A scenario measures from its start unless it says `warmup`. */
export const DEFAULT_WARMUP_MS = 0;
/** A `load` or `users` line starts with the scenario unless it says `from`. */
export const DEFAULT_LOAD_FROM_MS = 0;
/** Without any scenario: this load into every entry, for the default duration. */
export const DEFAULT_LOAD_RPS = 100;

/** `autoscale MIN..MAX at U` alone: it looks every minute, and a new instance serves a minute after it starts. */
export const DEFAULT_AUTOSCALE_EVERY_MS = 60_000;
export const DEFAULT_AUTOSCALE_WARMUP_MS = 60_000;

/** `breaker` alone: Hystrix's defaults, 50% of at least 20 attempts in a rolling 10 s, open 5 s. */
export const DEFAULT_BREAKER: Readonly<Breaker> = { threshold: 0.5, volume: 20, windowMs: 10_000, openMs: 5_000 };
/** Envoy's retry budget: the retries in flight allowed whatever the percentage (`min_retry_concurrency`)... */
export const RETRY_BUDGET_MIN_RETRIES = 3;
/** ...and its default percentage of active requests, which the quick fix writes. */
export const DEFAULT_RETRY_BUDGET = 0.2;

/** Right-sizing aims each component's busy threads at this share of its threads, unless told otherwise. */
export const DEFAULT_RIGHT_SIZING_TARGET = 0.6;
