// The spigo importer, package by package: what each spigo actor becomes in Topo, and the
// generated text checked by the language (parse, lower, analysis).
import { describe, expect, it } from 'vitest';
import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { createTopoServices, formatText, parseModelFromString } from '@topo/language';
import { callCost, needOf, planTimeoutBudgetFixes, type Model, type Service } from '@topo/model';
import { importSpigo, parseSpigoJson, SpigoImportError } from '../src/spigo/index.js';
import { RESERVED_WORDS } from '../src/names.js';
import { splitInProportion } from '../src/shares.js';

type Json = Record<string, unknown>;

const svc = (name: string, pkg: string, count: number, dependencies: string[] = [], regions = 1): Json => ({ name, package: pkg, count, regions, dependencies });
const www = (...deps: string[]) => svc('www', 'denominator', 0, deps, 0);
const arch = (services: Json[], extra: Json = {}): Json => ({ arch: 't', version: 'arch-0.0', victim: '', services, ...extra });

async function load(json: unknown) {
  const result = importSpigo(json);
  const { model, findings } = await parseModelFromString(result.text);
  return { ...result, model, findings, codes: findings.map((f) => f.code) };
}

const service = (m: Model, name: string) => m.services.find((s) => s.name === name)!;
const component = (m: Model, name: string) => [...m.services, ...m.datastores, ...m.caches].find((c) => c.name === name);
const perZone = (m: Model, name: string) => component(m, name)!.placement.map((p) => `${p.region}.${p.zone}=${p.count}`);
/** The comment lines right above the line starting with `head`, joined into one text. */
function commentAbove(text: string, head: string): string {
  const lines = text.split('\n');
  const comments: string[] = [];
  for (let i = lines.findIndex((l) => l.startsWith(head)) - 1; i >= 0 && lines[i]!.startsWith('// '); i--) comments.unshift(lines[i]!.slice(3));
  return comments.join(' ');
}
const calls = (s: Service) => s.calls.map((c) => [c.target, c.group, c.routeShare ?? null, c.onMiss ?? null]);

describe('regions and zones', () => {
  it("declares spigo's region with its three zones and spreads instances round-robin over them", async () => {
    const { model, codes } = await load(arch([svc('app', 'karyon', 4), www('app')]));
    expect(model.regions.map((r) => [r.name, r.provider, r.zones.join(',')])).toEqual([['us-east-1', 'aws', 'zoneA,zoneB,zoneC']]);
    expect(perZone(model, 'app')).toEqual(['us-east-1.zoneA=2', 'us-east-1.zoneB=1', 'us-east-1.zoneC=1']);
    expect(codes).toEqual([]);
  });

  it('declares as many of spigo’s regions as the widest service uses, and lists regions only for services in fewer', async () => {
    const { model, text, codes } = await load(arch([svc('db', 'store', 3, [], 1), svc('app', 'karyon', 3, ['db'], 2), www('app')]));
    expect(model.regions.map((r) => r.name)).toEqual(['us-east-1', 'us-west-2']);
    expect(component(model, 'db')!.regions).toEqual(['us-east-1']);
    expect(service(model, 'app').regions).toEqual(['us-east-1', 'us-west-2']);
    expect(text).toContain('datastore db: mysql {\n  regions us-east-1\n');
    expect(text).not.toMatch(/service app \{[^}]*regions/);
    expect(codes).toEqual([]);
  });

  it('gives a cross-zone node (count 0) one instance per zone, and says so', async () => {
    const { model, text } = await load(arch([svc('app', 'karyon', 3), svc('lb', 'elb', 0, ['app']), www('lb')]));
    expect(perZone(model, 'lb')).toEqual(['us-east-1.zoneA=1', 'us-east-1.zoneB=1', 'us-east-1.zoneC=1']);
    expect(commentAbove(text, 'service lb')).toContain('spigo runs one cross-zone node per region (count 0); Topo has one in each zone');
    expect(commentAbove(text, 'service app')).not.toContain('cross-zone');
  });

  it('places a global node (regions 0) in every zone of every region, and says so', async () => {
    const { model, text, codes } = await load(arch([svc('db', 'store', 3, [], 2), svc('dns', 'karyon', 5, ['db'], 0), www('dns')]));
    expect(perZone(model, 'dns')).toHaveLength(6);
    expect(service(model, 'dns').instancesPerRegion).toBe(3);
    expect(commentAbove(text, 'service dns')).toContain('spigo runs one global node, in no region or zone (regions 0)');
    expect(codes).toEqual([]);
  });
});

describe('forwarders: elb, zuul, karyon, monolith', () => {
  it.each(['elb', 'zuul', 'karyon', 'monolith'])('%s routes each request to one dependency, in proportion to instances', async (pkg) => {
    const { model, findings } = await load(arch([svc('a', 'karyon', 1), svc('b', 'karyon', 2), svc('f', pkg, 3, ['a', 'b']), www('f')]));
    expect(calls(service(model, 'f'))).toEqual([
      ['a', 'route', 0.33, null],
      ['b', 'route', 0.67, null],
    ]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('calls a single dependency instead of routing 100% to it', async () => {
    const { model, text } = await load(arch([svc('a', 'karyon', 3), svc('f', 'zuul', 3, ['a']), www('f')]));
    expect(calls(service(model, 'f'))).toEqual([['a', 'sequential', null, null]]);
    expect(text).not.toContain('route');
  });

  it('weighs a cross-zone target as the one node spigo runs', async () => {
    const { model } = await load(arch([svc('a', 'karyon', 2), svc('lb', 'elb', 0, ['a']), svc('f', 'zuul', 3, ['lb', 'a']), www('f')]));
    expect(service(model, 'f').calls.map((c) => c.routeShare)).toEqual([0.33, 0.67]);
  });

  it('has no calls without dependencies', async () => {
    const { model } = await load(arch([svc('a', 'karyon', 3), www('a')]));
    expect(service(model, 'a').calls).toEqual([]);
  });
});

describe('route shares add up to exactly 100%', () => {
  it.each([
    [[1, 2], ['33', '67']],
    [[1, 1, 1], ['34', '33', '33']],
    [[18, 24], ['43', '57']],
    [[1, 3], ['25', '75']],
    [[1, 999], ['0.1', '99.9']],
    [[1, 99_999], ['0.001', '99.999']],
    [[5], ['100']],
  ])('%j → %j', (weights, shares) => {
    expect(splitInProportion(100, weights)).toEqual(shares);
    const thousandths = shares.map((s) => Math.round(Number(s) * 1000));
    expect(thousandths.reduce((a, b) => a + b, 0)).toBe(100_000);
  });
});

describe('staash: a read-through chain', () => {
  it('asks its caches first, then the next store on a miss, and stops after a store that always answers', async () => {
    const services = [
      svc('ring', 'priamCassandra', 3, ['ring']),
      svc('kv', 'store', 3),
      svc('disk', 'volume', 3),
      svc('mem', 'cache', 3),
      svc('dal', 'staash', 3, ['ring', 'kv', 'disk', 'mem']),
      www('dal'),
    ];
    const { model, text, warnings, codes } = await load(arch(services));
    expect(calls(service(model, 'dal'))).toEqual([
      ['mem', 'sequential', null, null],
      ['disk', 'sequential', null, 'mem'],
    ]);
    expect(commentAbove(text, 'service dal')).toContain('spigo then asks ring and kv when disk has no value; a Topo datastore always answers, so it stops there');
    expect(warnings).toEqual(["staash 'dal' asks 'ring', 'kv' only when 'disk' has no value, which Topo cannot say; left out"]);
    expect(codes).toEqual([]);
  });

  it('puts a store whose name says cache in front of cassandra, as netflixoss has it', async () => {
    const services = [svc('cassSub', 'priamCassandra', 6, ['cassSub', 'eureka']), svc('evcacheSub', 'store', 3), svc('sub', 'staash', 6, ['cassSub', 'evcacheSub']), www('sub')];
    const { model, warnings } = await load(arch(services));
    expect(calls(service(model, 'sub'))).toEqual([
      ['evcacheSub', 'sequential', null, null],
      ['cassSub', 'sequential', null, 'evcacheSub'],
    ]);
    expect(model.caches.map((c) => [c.name, c.engine])).toEqual([['evcacheSub', 'evcache']]);
    expect(warnings).toEqual([]);
  });

  it('reads through to a single store without `on miss`', async () => {
    const { model } = await load(arch([svc('ring', 'priamCassandra', 3, ['ring']), svc('dal', 'staash', 3, ['ring']), www('dal')]));
    expect(calls(service(model, 'dal'))).toEqual([['ring', 'sequential', null, null]]);
  });

  it('asks another staash layer last, and leaves out dependencies staash never asks', async () => {
    const services = [svc('ring', 'priamCassandra', 3, ['ring']), svc('low', 'staash', 3, ['ring']), svc('app', 'karyon', 3), svc('mem', 'cache', 3), svc('top', 'staash', 3, ['app', 'low', 'mem']), www('top')];
    const { model, warnings, codes } = await load(arch(services));
    expect(calls(service(model, 'top'))).toEqual([
      ['mem', 'sequential', null, null],
      ['low', 'sequential', null, 'mem'],
    ]);
    expect(warnings).toEqual(["staash 'top' never sends requests to 'app' (karyon); left out"]);
    expect(codes).toEqual([]);
  });
});

describe('cassandra: priamCassandra and riak', () => {
  it.each(['priamCassandra', 'riak'])('%s is a cassandra datastore replicating once per zone, reading and writing at ONE', async (pkg) => {
    const { model, text, codes } = await load(arch([svc('ring', pkg, 6, ['ring', 'eureka']), svc('dal', 'staash', 3, ['ring']), www('dal')]));
    expect(model.datastores.map((d) => [d.name, d.engine, d.instancesPerRegion, d.replication, d.read, d.write])).toEqual([['ring', 'cassandra', 6, 3, 'ONE', 'ONE']]);
    expect(commentAbove(text, 'datastore ring')).toContain("depends on eureka, spigo's service registry: discovery is built into Topo");
    expect(codes).toEqual([]);
  });

  it('has as many copies as zones with a node, and Topo warns below three', async () => {
    const { model, codes } = await load(arch([svc('ring', 'priamCassandra', 2, ['ring']), svc('dal', 'staash', 3, ['ring']), www('dal')]));
    expect(model.datastores[0]!.replication).toBe(2);
    expect(codes).toEqual(['replication-factor']);
  });

  it('keeps one copy when its nodes do not know each other (no dependency on itself)', async () => {
    const { model, text } = await load(arch([svc('ring', 'priamCassandra', 6), svc('dal', 'staash', 3, ['ring']), www('dal')]));
    expect(model.datastores[0]!.replication).toBe(1);
    expect(commentAbove(text, 'datastore ring')).toContain('it does not list itself as a dependency, so its nodes know no peers to copy writes to');
  });
});

describe('stores: store, cache, volume', () => {
  it.each([
    ['store', 'kv', 'datastore', 'mysql'],
    ['store', 'rds-mysql', 'datastore', 'mysql'],
    ['store', 'orders-postgres', 'datastore', 'postgres'],
    ['volume', 'disk', 'datastore', 'mysql'],
    ['store', 'memcache', 'cache', 'memcached'],
    ['store', 'sessionRedis', 'cache', 'redis'],
    ['store', 'evcacheSubscriber', 'cache', 'evcache'],
    ['cache', 'mem', 'cache', 'memcached'],
  ])('%s %s is a %s of %s', async (pkg, name, kind, engine) => {
    const { model, codes } = await load(arch([svc(name, pkg, 3), svc('app', 'karyon', 3, [name]), www('app')]));
    const c = component(model, name)!;
    expect([c.kind, 'engine' in c ? c.engine : undefined, c.instancesPerRegion]).toEqual([kind, engine, 3]);
    expect(codes).toEqual([]);
  });

  it('copies to every peer when it lists itself, one copy otherwise', async () => {
    const { model, text } = await load(arch([svc('a', 'store', 2, ['a']), svc('b', 'store', 2), svc('app', 'karyon', 3, ['a', 'b']), www('app')]));
    expect(model.datastores.map((d) => [d.name, d.replication])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(text).toContain('datastore b: mysql {\n  instances 2\n}');
  });

  it('says so when a cache lists itself, as Topo caches do not replicate', async () => {
    const { text } = await load(arch([svc('mem', 'cache', 3, ['mem']), svc('app', 'karyon', 3, ['mem']), www('app')]));
    expect(commentAbove(text, 'cache mem')).toContain('lists itself as a dependency: its nodes copy writes to each other, which a Topo cache does not model');
  });

  it('leaves out what a store depends on, with a warning', async () => {
    const { model, warnings, text } = await load(arch([svc('a', 'store', 2), svc('b', 'store', 2, ['a']), svc('app', 'karyon', 3, ['a', 'b']), www('app')]));
    expect(model.datastores).toHaveLength(2);
    expect(warnings).toEqual(["service 'b' (store) depends on 'a'; a Topo datastore makes no calls, so that is left out"]);
    expect(commentAbove(text, 'datastore b')).toContain('spigo lists a as a dependency of this store; a Topo datastore makes no calls');
  });
});

describe('eureka, denominator and victim', () => {
  it('declares no eureka: a dependency on it is discovery, and an eureka service is not deployed', async () => {
    const { model, warnings } = await load(arch([svc('registry', 'eureka', 3), svc('app', 'karyon', 3, ['eureka', 'registry']), www('app')]));
    expect(model.services.map((s) => s.name)).toEqual(['app']);
    expect(service(model, 'app').calls).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('makes the denominator a scenario loading its entry at spigo’s rate, and the victim a chaos kill halfway', async () => {
    const { model, text } = await load(arch([svc('app', 'karyon', 3), svc('lb', 'elb', 0, ['app']), www('lb')], { victim: 'app' }));
    expect(model.scenarios).toEqual([
      expect.objectContaining({ name: 'www', loads: [expect.objectContaining({ rps: 100, target: 'lb', durationMs: 10_000 })], chaos: [expect.objectContaining({ kind: 'kill', count: 1, target: 'app', atMs: 5000 })] }),
    ]);
    expect(model.services.map((s) => s.name)).toEqual(['app', 'lb']);
    expect(commentAbove(text, 'scenario www')).toContain('one in three of them a write');
  });

  it('has no chaos without a victim', async () => {
    const { model } = await load(arch([svc('app', 'karyon', 3), www('app')]));
    expect(model.scenarios[0]!.chaos).toEqual([]);
  });

  it('splits the load over several entries by their instances', async () => {
    const { model } = await load(arch([svc('a', 'karyon', 1), svc('b', 'karyon', 3), www('a', 'b')]));
    expect(model.scenarios[0]!.loads.map((l) => [l.target, l.rps])).toEqual([
      ['a', 25],
      ['b', 75],
    ]);
  });

  it('puts the denominator spigo starts (the last service) first, and says the others are not started by spigo', async () => {
    const services = [svc('a', 'karyon', 3), svc('b', 'karyon', 3), svc('api', 'denominator', 0, ['a'], 0), www('b')];
    const { model, text } = await load(arch(services));
    expect(model.scenarios.map((s) => [s.name, s.loads[0]!.target])).toEqual([
      ['www', 'b'],
      ['api', 'a'],
    ]);
    expect(commentAbove(text, 'scenario api')).toContain("spigo itself starts only the last service listed (www); this scenario sends api's traffic instead");
    expect(commentAbove(text, 'scenario www')).not.toContain('spigo itself starts');
  });

  it('warns when there is no denominator, and writes no scenario', async () => {
    const { model, warnings } = await load(arch([svc('app', 'karyon', 3)]));
    expect(model.scenarios).toEqual([]);
    expect(warnings).toEqual(['no denominator: the file has no scenario, and a simulation loads every entry']);
  });

  it('warns about what it cannot load or kill', async () => {
    const { model, warnings } = await load(arch([svc('kv', 'store', 3), svc('app', 'karyon', 3), www('app', 'kv')], { victim: 'www' }));
    expect(model.scenarios[0]!.loads.map((l) => l.target)).toEqual(['app']);
    expect(model.scenarios[0]!.chaos).toEqual([]);
    expect(warnings).toEqual([
      "the victim 'www' is a denominator, which Topo does not deploy; no chaos",
      "denominator 'www' sends to 'kv', which is no Topo service to load; left out",
    ]);
  });

  it('leaves out a dependency on a denominator, with a warning', async () => {
    const { model, warnings } = await load(arch([svc('app', 'karyon', 3, ['www']), www('app')]));
    expect(service(model, 'app').calls).toEqual([]);
    expect(warnings).toEqual(["service 'app' depends on the denominator 'www', which is no service in Topo; that dependency is left out"]);
  });
});

describe('layers and owners', () => {
  it('puts entries at the edge, services that call only data in sal, the rest in esl', async () => {
    const services = [svc('kv', 'store', 3), svc('dal', 'staash', 3, ['kv']), svc('leaf', 'karyon', 3), svc('mid', 'karyon', 3, ['dal', 'leaf']), svc('lb', 'elb', 0, ['mid']), www('lb')];
    const { model, codes } = await load(arch(services));
    expect(model.services.map((s) => [s.name, s.layer])).toEqual([
      ['dal', 'sal'],
      ['leaf', 'sal'],
      ['mid', 'esl'],
      ['lb', 'edge'],
    ]);
    expect(codes).toEqual([]);
  });

  it('has the one caller of a store own it, and leaves a store with several callers shared', async () => {
    const services = [svc('own', 'store', 3), svc('shared', 'store', 3), svc('a', 'karyon', 3, ['own', 'shared']), svc('b', 'karyon', 3, ['shared']), svc('f', 'zuul', 3, ['a', 'b']), www('f')];
    const { model, text, codes } = await load(arch(services));
    expect(service(model, 'a').owns).toEqual(['own']);
    expect(service(model, 'b').owns).toEqual([]);
    expect(commentAbove(text, 'datastore shared')).toContain('shared by a and b');
    expect(commentAbove(text, 'datastore own')).not.toContain('shared');
    expect(codes).toEqual(['shared-datastore', 'shared-datastore']);
  });
});

describe('timeouts', () => {
  const chain = [
    svc('ring', 'priamCassandra', 6, ['ring']),
    svc('mem', 'cache', 3),
    svc('dal', 'staash', 3, ['ring', 'mem']),
    svc('s1', 'karyon', 3, ['dal']),
    svc('s2', 'karyon', 3, ['s1']),
    svc('s3', 'karyon', 3, ['s2', 'dal']),
    svc('proxy', 'zuul', 3, ['s3', 's1']),
    svc('lb', 'elb', 0, ['proxy']),
    www('lb'),
  ];

  it('covers every target’s need and the edge’s deadline, so no budget needs a fix', async () => {
    const { model, codes } = await load(arch(chain));
    const byName = new Map([...model.services, ...model.datastores, ...model.caches].map((c) => [c.name, c]));
    for (const call of model.services.flatMap((s) => s.calls)) {
      expect(call.timeoutMs, `${call.from} → ${call.target}`).toBeGreaterThanOrEqual(needOf(byName.get(call.target)!).ms);
    }
    const lb = service(model, 'lb');
    expect(lb.deadlineMs).toBeGreaterThanOrEqual(needOf(lb).ms);
    expect(planTimeoutBudgetFixes(model)).toEqual([]);
    expect(codes).toEqual([]);
  });

  it('shrinks from the edge: each call waits longer than any call its target makes', async () => {
    const { model } = await load(arch(chain));
    for (const call of model.services.flatMap((s) => s.calls)) {
      const below = model.services.find((s) => s.name === call.target)?.calls ?? [];
      for (const inner of below) expect(call.timeoutMs!).toBeGreaterThan(callCost(inner).ms);
    }
    expect(model.services.find((s) => s.name === 'lb')!.deadlineMs).toBeGreaterThan(model.services.find((s) => s.name === 'lb')!.calls[0]!.timeoutMs!);
  });

  it('writes readable values', async () => {
    const { text } = await load(arch(chain));
    const values = [...text.matchAll(/(?:timeout|deadline) (\d\S*)/g)].map((m) => m[1]!);
    expect(values.length).toBeGreaterThan(5);
    // 1, 1.5, 2, 2.5, 3, 4 … 9 times a power of ten: 150ms, 2.5s, 8ms.
    const significant = (v: string) => v.replace(/(ms|s)$/, '').replace('.', '').replace(/^0+|0+$/g, '');
    for (const v of values) expect(['1', '15', '2', '25', '3', '4', '5', '6', '7', '8', '9'], v).toContain(significant(v));
  });

  it('allows for a round trip to another region when the target is not in the caller’s', async () => {
    const cross = await load(arch([svc('kv', 'store', 3, [], 1), svc('app', 'karyon', 3, ['kv'], 2), www('app')]));
    const local = await load(arch([svc('kv', 'store', 3, [], 2), svc('app', 'karyon', 3, ['kv'], 2), www('app')]));
    expect(service(cross.model, 'app').calls[0]!.timeoutMs).toBeGreaterThanOrEqual(4 * 35);
    expect(service(local.model, 'app').calls[0]!.timeoutMs).toBeLessThan(35);
  });

  it('gives calls around a cycle timeouts too, leaving only dependency-cycle to report', async () => {
    const { model, codes } = await load(arch([svc('a', 'karyon', 3, ['b']), svc('b', 'karyon', 3, ['a']), svc('f', 'zuul', 3, ['a']), www('f')]));
    expect(model.services.flatMap((s) => s.calls).every((c) => c.timeoutMs !== undefined)).toBe(true);
    expect(codes).toEqual(['dependency-cycle', 'dependency-cycle']);
  });
});

describe('names', () => {
  it('reserves exactly the keywords the grammar does not accept as names', () => {
    const grammar = createTopoServices(EmptyFileSystem).Topo.Grammar;
    const keywords = (node: GrammarAST.Grammar | GrammarAST.AbstractRule) =>
      AstUtils.streamAllContents(node)
        .filter(GrammarAST.isKeyword)
        .map((k) => k.value)
        .filter((v) => /^[_a-zA-Z][\w-]*$/.test(v))
        .toSet();
    const names = keywords(grammar.rules.find((r) => r.name === 'KeywordName')!);
    expect([...RESERVED_WORDS].sort()).toEqual([...keywords(grammar)].filter((k) => !names.has(k)).sort());
  });

  it('renames what is not a Topo name, keeps the rest, and warns', async () => {
    const services = [svc('cache', 'karyon', 3), svc('1st api', 'karyon', 3), svc('a b', 'store', 3), svc('a-b', 'store', 3), svc('edge', 'zuul', 3, ['cache', '1st api', 'a b', 'a-b']), www('edge')];
    const { model, warnings, codes } = await load(arch(services, { arch: 'my arch' }));
    expect(model.name).toBe('my-arch');
    expect([...model.services, ...model.datastores].map((c) => c.name).sort()).toEqual(['a-b', 'a-b-2', 'cache-karyon', 'edge', 'karyon-1st-api']);
    expect(service(model, 'edge').calls.map((c) => c.target)).toEqual(['cache-karyon', 'karyon-1st-api', 'a-b-2', 'a-b']);
    expect(warnings).toEqual([
      "service 'cache' is not a Topo name; it is called cache-karyon",
      "service '1st api' is not a Topo name; it is called karyon-1st-api",
      "service 'a b' is not a Topo name; it is called a-b-2",
    ]);
    expect(codes).toEqual([]);
  });

  it('keeps a description with quotes and backslashes', async () => {
    const description = 'the "big" one \\ with a backslash';
    const { model } = await load(arch([svc('app', 'karyon', 3), www('app')], { description }));
    expect(model.description).toBe(description);
  });

  it('names the architecture after the file when it has no arch', () => {
    const json = { services: [svc('app', 'karyon', 3), www('app')] };
    expect(importSpigo(json, { fileName: 'dir/shop_arch.json' }).text).toContain('\narchitecture shop\n');
  });
});

describe('comments and warnings for what Topo cannot say', () => {
  it("writes spigo's container fields as a comment", async () => {
    const app = { ...svc('app', 'monolith', 3), machine: 'ecs:4', container: 'me/app', process: 'node' };
    const { text, warnings } = await load(arch([app, www('app')]));
    expect(commentAbove(text, 'service app')).toContain("spigo's container fields: machine ecs:4, container me/app, process node; Topo models instances, not containers");
    expect(warnings).toEqual([]);
  });

  it('warns about fields spigo does not read', () => {
    const { warnings } = importSpigo(arch([{ ...svc('app', 'karyon', 3), colour: 'red' }, www('app')], { owner: 'me' }));
    expect(warnings).toEqual(['"owner" is not a field spigo reads; ignored', `service 'app': "colour" is not a field spigo reads; ignored`]);
  });
});

describe('the text', () => {
  it('is in house style: formatting it changes nothing', async () => {
    const services = [
      svc('ring', 'riak', 6, ['ring', 'eureka']),
      svc('mem', 'store', 3, ['mem']),
      svc('disk', 'volume', 0),
      svc('dal', 'staash', 6, ['ring', 'mem', 'disk']),
      { ...svc('app', 'monolith', 9, ['dal', 'mem']), machine: 'ecs:1' },
      svc('proxy', 'zuul', 3, ['app']),
      svc('lb', 'elb', 0, ['proxy'], 2),
      www('lb'),
    ];
    const { text, findings } = await load(arch(services, { description: 'everything', victim: 'app' }));
    expect(await formatText(text)).toBe(text);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('input it refuses', () => {
  const good = () => arch([svc('app', 'karyon', 3), www('app')]);
  const withService = (patch: Json) => arch([{ ...svc('app', 'karyon', 3), ...patch }, www('app')]);
  const without = (field: string) => {
    const s = svc('app', 'karyon', 3);
    delete s[field];
    return arch([s, www('app')]);
  };

  it.each([
    ['a list', [1, 2], 'a spigo architecture is a JSON object with "arch" and "services", not a list', undefined],
    ['no services', { arch: 't' }, 'the architecture has no "services" list', undefined],
    ['services not a list', { arch: 't', services: {} }, '"services" is a list, not an object', undefined],
    ['no arch, no file name', { services: [] }, 'the architecture has no "arch" (its name)', undefined],
    ['a service that is not an object', { arch: 't', services: ['app'] }, 'services[0] is not a service object but "app"', undefined],
    ['a service without a name', arch([{ package: 'karyon', count: 1 }]), 'services[0] has no "name"', undefined],
    ['a missing package', without('package'), `service 'app' has no "package"`, 'app'],
    ['a missing count', without('count'), `service 'app' has no "count" (instances per region)`, 'app'],
    ['a count in quotes', withService({ count: '9' }), `service 'app' has "count": "9", not a whole number ≥ 0`, 'app'],
    ['a negative count', withService({ count: -1 }), `service 'app' has "count": -1, not a whole number ≥ 0`, 'app'],
    ['a fractional count', withService({ count: 1.5 }), `service 'app' has "count": 1.5, not a whole number ≥ 0`, 'app'],
    ['too many regions', withService({ regions: 7 }), `service 'app' has "regions": 7, but spigo knows 6 regions`, 'app'],
    ['dependencies that are no list', withService({ dependencies: 'db' }), `service 'app' has "dependencies" that are not a list of names: "db"`, 'app'],
    ['an unknown package', withService({ package: 'pirate' }), `service 'app' has the unknown package 'pirate'; spigo's packages are denominator, elb, zuul`, 'app'],
    ['a name used twice', arch([svc('app', 'karyon', 3), svc('app', 'zuul', 3)]), `service 'app' is declared twice`, 'app'],
    ['an unknown dependency', withService({ dependencies: ['db'] }), `service 'app' depends on 'db', which is not a service of the architecture`, 'app'],
    ['a service named eureka', arch([svc('eureka', 'karyon', 3)]), `service 'eureka' takes the name spigo keeps for its registry`, 'eureka'],
    ['an unknown victim', { ...good(), victim: 'ghost' }, `the victim 'ghost' is not a service of the architecture`, 'ghost'],
    ['an arch that is not text', { ...good(), arch: 3 }, 'the architecture has a "arch" that is 3, not text', undefined],
  ])('%s', (_, json, message, serviceName) => {
    let error: unknown;
    try {
      importSpigo(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpigoImportError);
    expect((error as SpigoImportError).message).toContain(message);
    expect((error as SpigoImportError).message).not.toContain('\n');
    expect((error as SpigoImportError).service).toBe(serviceName);
  });

  it('accepts what Go would read as zero or empty: no regions, null dependencies', async () => {
    const { model } = await load(arch([{ name: 'app', package: 'karyon', count: 3, dependencies: null }, www('app')]));
    expect(service(model, 'app').instancesPerRegion).toBe(3);
  });

  it('says where JSON text stops making sense', () => {
    expect(() => parseSpigoJson('{"arch": "t", "services": [')).toThrow(SpigoImportError);
    expect(() => parseSpigoJson('{"arch": "t", "services": [')).toThrow(/^not valid JSON: /);
    expect(parseSpigoJson('{"arch": "t"}')).toEqual({ arch: 't' });
  });
});
