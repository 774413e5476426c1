// Availability rules: single-zone, replication-factor, consistency-level, and the catalog
// check unknown-instance-type.
import { describe, expect, test } from 'vitest';
import { expectAnnotated, only } from './topo.js';

describe('single-zone', () => {
  test('fires on instances when every instance in a region sits in one zone', async () => {
    const findings = await expectAnnotated(`
      region r {
        zones a, b, c
      }
      cache sessions: redis {
        instances 1 of r5.large                     // @expect single-zone
      }
      service pinned {
        zones a
        instances 4 of m5.large                     // @expect single-zone
      }
      service spread {
        instances 2 of m5.large
      }
      service restricted {
        zones a, c
      }
      datastore managed: dynamodb
      datastore ring: cassandra {
        instances 3 of i3.large
      }
    `);
    expect(findings.map((f) => f.message)).toEqual([
      "pinned runs in one zone of a region (r: 4 instances, all in zone a): losing that zone takes pinned down there; spread its instances over the region's zones",
      "sessions runs in one zone of a region (r: its only instance, in zone a): losing that zone takes sessions down there; spread its instances over the region's zones",
    ]);
  });

  test('without instances, it is reported on the name', async () => {
    await expectAnnotated(`
      service pinned {                              // @expect single-zone
        zones b
      }
    `);
  });

  test('looks at each region', async () => {
    const findings = await expectAnnotated(`
      region wide {
        zones a, b, c
      }
      region narrow {
        zones a
      }
      service s {
        instances 3 of m5.large                     // @expect single-zone
      }
      service t {
        regions wide
        instances 3 of m5.large
      }
    `);
    expect(only(findings, 'single-zone').message).toBe(
      's runs in one zone of a region (narrow: 3 instances, all in zone a): losing that zone takes s down there; declare another zone for narrow and spread its instances over them',
    );
  });
});

describe('replication-factor', () => {
  test('fires on a cassandra datastore with fewer than three copies', async () => {
    await expectAnnotated(`
      datastore two: cassandra {
        replication 2                               // @expect replication-factor
        write ONE
      }
      datastore three: cassandra {
        replication 3
      }
      datastore defaulted: cassandra
      datastore rdbms: mysql {
        replication 1
      }
    `);
  });
});

describe('consistency-level', () => {
  test('fires when losing one replica blocks the level', async () => {
    const findings = await expectAnnotated(`
      datastore three: cassandra {
        replication 3
        read ALL                                    // @expect consistency-level
        write QUORUM
      }
      datastore two: cassandra {
        replication 2                               // @expect replication-factor
        read QUORUM                                 // @expect consistency-level
        write ONE
      }
      datastore one: cassandra {
        replication 1                               // @expect replication-factor
        read ONE                                    // @expect consistency-level
        write ONE                                   // @expect consistency-level
      }
      datastore five: cassandra {
        replication 5
        read QUORUM
        write ALL                                   // @expect consistency-level
      }
      datastore rdbms: postgres {
        read ALL
      }
    `);
    expect(findings.find((f) => f.code === 'consistency-level')!.message).toBe('read ALL waits for 3 of 3 replicas: losing one replica (one zone) blocks every read of three');
  });

  test('a default level that fails is reported where the replication is set', async () => {
    const findings = await expectAnnotated(`
      datastore two: cassandra {
        replication 2                               // @expect replication-factor consistency-level
      }
    `);
    expect(only(findings, 'consistency-level').message).toBe('write QUORUM waits for 2 of 2 replicas: losing one replica (one zone) blocks every write of two');
  });
});

describe('unknown-instance-type', () => {
  test('fires on a type outside the catalog, for services, datastores and caches', async () => {
    const text = `
      service a {
        instances 3 of m5.huge                      // @expect unknown-instance-type
      }
      datastore d: mysql {
        instances 3 of x2.large                     // @expect unknown-instance-type
      }
      cache c: redis {
        instances 3 of cache_m5                     // @expect unknown-instance-type
      }
      service b {
        instances 3 of n2-standard-4
      }
    `;
    const findings = await expectAnnotated(text);
    const f = findings[0]!;
    expect(f.message).toBe('m5.huge is not in the built-in catalog: carbon for a uses per-vCPU defaults, so its numbers are guesses');
    expect(f.loc.start.character).toBe(text.split('\n')[2]!.indexOf('m5.huge'));
  });
});
