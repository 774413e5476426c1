// Well-known datastores and caches, by the words of a name: an image (`redis:7-alpine`,
// `bitnami/postgresql:16`, `examples-bookinfo-mongodb:1.20`) or a traced service (`mysql`,
// `redis-cart`) becomes a Topo cache or datastore of the matching engine. Tools around a store
// (exporters, operators) are not the store.
import type { CacheEngine, DatastoreEngine } from '@topo/model';

export type StoreKind =
  | { kind: 'cache'; engine: CacheEngine; what: string }
  | { kind: 'datastore'; engine: DatastoreEngine; what: string };

const STORES: [RegExp, StoreKind][] = [
  [/^(redis|valkey|keydb)$/, { kind: 'cache', engine: 'redis', what: 'Redis' }],
  [/^memcached$/, { kind: 'cache', engine: 'memcached', what: 'memcached' }],
  [/^(postgres|postgresql)$/, { kind: 'datastore', engine: 'postgres', what: 'PostgreSQL' }],
  [/^(mysql|mysqldb|mariadb)$/, { kind: 'datastore', engine: 'mysql', what: 'MySQL' }],
  [/^(cassandra|scylla)$/, { kind: 'datastore', engine: 'cassandra', what: 'Cassandra' }],
  // Topo has no document store: MongoDB is the nearest, a database of one primary and copies.
  [/^(mongo|mongodb)$/, { kind: 'datastore', engine: 'mysql', what: 'MongoDB, modelled as mysql (Topo has no document store)' }],
];

const TOOLS = /(^|[-_])(exporter|operator|sentinel|proxy|backup|migrat\w*|client|cli|ui|admin)([-_]|$)/;

/** The store an image or service name says it is; undefined for any other name. */
export function storeNamed(image: string): StoreKind | undefined {
  const name = image.replace(/@.*$/, '').replace(/:[^/]*$/, '').split('/').pop()!.toLowerCase();
  if (TOOLS.test(name)) return undefined;
  const words = name.split(/[-_.]/);
  for (const [pattern, store] of STORES) if (words.some((w) => pattern.test(w))) return store;
  return undefined;
}
