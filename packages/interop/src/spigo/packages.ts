// spigo's packages (its actor types) and what each does with a request, from spigo's
// actors/*: the role decides how the importer maps a service to Topo.
export type SpigoRole =
  /** denominator: the DNS that generates the traffic. */
  | 'traffic'
  /** elb, zuul, karyon, monolith: each request goes on to one randomly picked instance of all the dependencies. */
  | 'forwarder'
  /** staash: tries its stores in a fixed order of package until one answers. */
  | 'read-through'
  /** priamCassandra (riak is simulated by it): a ring replicating writes to one node per other zone and region. */
  | 'cassandra'
  /** store, cache, volume: an in-memory key-value store that copies writes to its peers. */
  | 'store'
  /** eureka: the service registry; a dependency on it only means discovery. */
  | 'registry';

export const SPIGO_PACKAGES: Readonly<Record<string, SpigoRole>> = {
  denominator: 'traffic',
  elb: 'forwarder',
  zuul: 'forwarder',
  karyon: 'forwarder',
  monolith: 'forwarder',
  staash: 'read-through',
  priamCassandra: 'cassandra',
  riak: 'cassandra',
  store: 'store',
  cache: 'store',
  volume: 'store',
  eureka: 'registry',
};

/** The order in which staash looks a key up: caches, volumes, cassandra, stores, other staash layers. */
export const STAASH_LOOKUP_ORDER: readonly string[] = ['cache', 'volume', 'priamCassandra', 'riak', 'store', 'staash'];

/** spigo's region names (archaius.Conf.RegionNames): `regions N` deploys into the first N. */
export const SPIGO_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-southeast-2'];

/** spigo's zone names: every region has these three, and instances go round-robin over them. */
export const SPIGO_ZONES: readonly string[] = ['zoneA', 'zoneB', 'zoneC'];

/** spigo's defaults for a run: the denominator sends a request every 10ms for 10s, and Chaos Monkey strikes halfway. */
export const SPIGO_RUN = { rps: 100, durationMs: 10_000, chaosAtMs: 5_000 } as const;

/** The name spigo keeps for its registry: a dependency on it is not a service call. */
export const EUREKA = 'eureka';
