// Coupling rules: dependency-cycle, layer-violation, sideways-dependency, shared-datastore,
// fan-out, whole-entity.
import { describe, expect, test } from 'vitest';
import { expectAnnotated, only } from './topo.js';

describe('dependency-cycle', () => {
  test('fires on each call between two services of one cycle, with the way back', async () => {
    const findings = await expectAnnotated(`
      service a {
        call b timeout 100ms                        // @expect dependency-cycle
        call x timeout 100ms
      }
      service b {
        call c timeout 50ms                         // @expect dependency-cycle
      }
      service c {
        call a timeout 20ms                         // @expect dependency-cycle
        call x timeout 10ms
      }
      service x
    `);
    expect(findings.filter((f) => f.code === 'dependency-cycle').map((f) => f.message)).toEqual([
      'a calls b, which leads back to it: a → b → c → a',
      'b calls c, which leads back to it: b → c → a → b',
      'c calls a, which leads back to it: c → a → b → c',
    ]);
  });

  test('a service calling itself', async () => {
    const findings = await expectAnnotated(`
      service a {
        call a timeout 100ms                        // @expect dependency-cycle
      }
    `);
    expect(only(findings, 'dependency-cycle').message).toBe('a calls itself');
  });

  test('two services sharing a datastore are no cycle', async () => {
    await expectAnnotated(`
      team t
      datastore db: mysql {
        team t
      }
      service a {
        team t
        call db timeout 10ms
        call b timeout 50ms
      }
      service b {
        team t
        call db timeout 10ms
      }
    `);
  });
});

describe('layer-violation', () => {
  test('fires on calls up the layers, never down or without layers', async () => {
    const findings = await expectAnnotated(`
      service e {
        layer edge
        call m timeout 100ms
        call d timeout 100ms
      }
      service m {
        layer esl
        call d timeout 20ms
        call m2 timeout 10ms
        call e2 timeout 10ms                        // @expect layer-violation
      }
      service m2 {
        layer esl
      }
      service d {
        layer sal
        call free timeout 10ms
        call m2 timeout 3ms                         // @expect layer-violation
      }
      service free {
        call e2 timeout 3ms
      }
      service e2 {
        layer edge
      }
    `);
    expect(findings.find((f) => f.code === 'layer-violation')!.message).toBe('m (esl) calls e2 (edge), a layer above it: calls go down, edge → esl → sal → data');
  });
});

describe('sideways-dependency', () => {
  test('fires on sal → sal, not on a sal calling itself', async () => {
    await expectAnnotated(`
      service p {
        layer sal
        call q timeout 10ms                         // @expect sideways-dependency
        call p timeout 10ms                         // @expect dependency-cycle
      }
      service q {
        layer sal
      }
    `);
  });
});

describe('shared-datastore', () => {
  test('a store with an owner or a team: fires on calls from outside the owner and its team', async () => {
    const findings = await expectAnnotated(`
      team billing
      team catalog
      team ops
      datastore ledger: mysql
      datastore audit: mysql {
        team ops
      }
      service invoices {
        team billing
        owns ledger
        call ledger timeout 10ms
      }
      service payments {
        team billing
        call ledger timeout 10ms
        call audit timeout 10ms                     // @expect shared-datastore
      }
      service shop {
        team catalog
        call ledger timeout 10ms                    // @expect shared-datastore
      }
      service loner {
        call ledger timeout 10ms                    // @expect shared-datastore
      }
      service watcher {
        team ops
        call audit timeout 10ms
      }
    `);
    expect(findings.filter((f) => f.code === 'shared-datastore').map((f) => f.message)).toContain(
      "shop reaches into ledger, which invoices owns: call the owner's service instead, or give shop its own datastore",
    );
    // audit has a team and no owner: there is no owner's service to call.
    expect(findings.filter((f) => f.code === 'shared-datastore').map((f) => f.message)).toContain(
      'payments reaches into audit, which team ops runs: call a service of team ops instead, or give payments its own datastore',
    );
  });

  test('a store without owner or team: fires on each call once two services call it', async () => {
    await expectAnnotated(`
      datastore oracle: postgres
      cache lonely: memcached
      service a {
        call oracle timeout 10ms                    // @expect shared-datastore
        call oracle timeout 10ms                    // @expect shared-datastore
        call lonely timeout 10ms
        call lonely timeout 10ms
      }
      service b {
        call oracle timeout 10ms                    // @expect shared-datastore
      }
    `);
  });
});

describe('fan-out', () => {
  const targets = (n: number) => Array.from({ length: n }, (_, i) => `service t${i}`).join('\n');
  const calls = (n: number) => Array.from({ length: n }, (_, i) => `call t${i} timeout 10ms`).join('\n');

  test('fires on the name of a service with more than seven distinct targets', async () => {
    const findings = await expectAnnotated(`
      service hub {                                 // @expect fan-out
        ${calls(8)}
      }
      ${targets(8)}
    `);
    expect(only(findings, 'fan-out').message).toMatch(/^hub calls 8 distinct targets, more than 7: t0, t1/);
  });

  test('exactly seven targets, or repeated calls to them, do not fire', async () => {
    await expectAnnotated(`
      service hub {
        ${calls(7)}
        parallel {
          ${calls(2)}
        }
      }
      ${targets(7)}
    `);
  });

  test('the limit is a setting', async () => {
    await expectAnnotated(`
      service hub {                                 // @expect fan-out
        ${calls(4)}
      }
      ${targets(4)}
    `, { maxFanOut: 3 });
  });
});

describe('whole-entity', () => {
  test('fires on a use of a whole entity, not of a facet', async () => {
    const findings = await expectAnnotated(`
      entity Video
      facet PresentationVideo of Video
      facet MerchableVideo of Video
      entity Visitor
      service www {
        uses PresentationVideo,
          Video,                                    // @expect whole-entity
          Visitor                                   // @expect whole-entity
      }
    `);
    expect(findings.map((f) => f.message)).toEqual([
      'www uses the whole entity Video: use the facet it needs (PresentationVideo, MerchableVideo), so that changes to the rest of Video do not reach it',
      'www uses the whole entity Visitor: declare a facet of Visitor with just what it needs, so that changes to the rest of Visitor do not reach it',
    ]);
  });
});
