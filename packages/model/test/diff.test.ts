// The model diff: components and calls added, removed and changed with what changed; calls
// known by caller, target, group and order; findings known by rule, element and message.
import { parseModelFromString } from '@topo/language';
import { describe, expect, test } from 'vitest';
import { callIdentities, diffFindings, diffModels, type CheckedModel } from '@topo/model';
import { modelOf } from './topo.js';

const BASE = `
  service web {
    layer edge
    instances 3 of m5.large
    work 2ms
    call api timeout 100ms retries 2
    call api timeout 50ms
  }
  service api {
    layer esl
    call db read timeout 10ms
  }
  datastore db: cassandra
`;

describe('diffModels', () => {
  test('finds nothing between a model and itself', async () => {
    expect(diffModels(await modelOf(BASE), await modelOf(BASE))).toEqual({
      components: { added: [], removed: [], changed: [] },
      calls: { added: [], removed: [], changed: [] },
    });
  });

  test('reports changed properties in the language’s words and units', async () => {
    const after = BASE.replace('instances 3 of m5.large', 'instances 6 of m5.large\n    threads 64')
      .replace('work 2ms', 'work 2ms constant')
      .replace('layer esl', 'layer sal')
      .replace('call api timeout 100ms retries 2', 'call api timeout 40ms retries 1');
    const d = diffModels(await modelOf(BASE), await modelOf(after));
    expect(d.components.changed).toEqual([
      { name: 'web', kind: 'service', changes: [
        { property: 'instances', before: '3', after: '6' },
        { property: 'work', before: '2ms', after: '2ms constant' },
        { property: 'threads', before: '100', after: '64' },
      ] },
      { name: 'api', kind: 'service', changes: [{ property: 'layer', before: 'esl', after: 'sal' }] },
    ]);
    expect(d.calls.changed).toEqual([
      expect.objectContaining({ key: 'web → api', from: 'web', target: 'api', group: 'sequential', ordinal: 1, changes: [
        { property: 'timeout', before: '100ms', after: '40ms' },
        { property: 'retries', before: '2', after: '1' },
      ] }),
    ]);
  });

  test('adds and removes components by name and kind', async () => {
    const after = BASE.replace('datastore db: cassandra', 'cache db: memcached\ncache sessions: redis');
    const d = diffModels(await modelOf(BASE), await modelOf(after));
    expect(d.components.added).toEqual([{ name: 'db', kind: 'cache' }, { name: 'sessions', kind: 'cache' }]);
    expect(d.components.removed).toEqual([{ name: 'db', kind: 'datastore' }]);
  });

  test('knows two calls to one target by their order, whatever comes between', async () => {
    const after = BASE.replace('call api timeout 50ms', 'call db timeout 5ms\n    call api timeout 80ms');
    const d = diffModels(await modelOf(BASE), await modelOf(after));
    expect(d.calls.changed.map((c) => [c.key, c.changes])).toEqual([['web → api #2', [{ property: 'timeout', before: '50ms', after: '80ms' }]]]);
    expect(d.calls.added.map((c) => c.key)).toEqual(['web → db']);
    expect(d.calls.removed).toEqual([]);
  });

  test('a call moved into a parallel group or made a route is another call', async () => {
    const after = BASE.replace('call api timeout 50ms', 'parallel {\n call api timeout 50ms\n call db timeout 5ms\n}').replace('call api timeout 100ms retries 2', 'route 100% api timeout 100ms retries 2');
    const d = diffModels(await modelOf(BASE), await modelOf(after));
    expect(d.calls.removed.map((c) => c.key).sort()).toEqual(['web → api', 'web → api #2']);
    expect(d.calls.added.map((c) => c.key).sort()).toEqual(['web → api (parallel)', 'web → api (route)', 'web → db (parallel)']);
  });

  test('prints absent values as none, shares as percentages, and the zones instances sit in', async () => {
    const before = 'service a {\n  zones a\n  instances 1\n  call b\n}\nservice b {\n  route 80% c timeout 1s\n  route 20% d timeout 1s\n}\nservice c\nservice d';
    const after = 'service a {\n  instances 3\n  memory 16GB\n  call b timeout 1s\n}\nservice b {\n  route 60% c timeout 1s\n  route 40% d timeout 1s\n}\nservice c\nservice d';
    const d = diffModels(await modelOf(before), await modelOf(after));
    expect(d.components.changed).toEqual([
      { name: 'a', kind: 'service', changes: [
        { property: 'instances', before: '1', after: '3' },
        { property: 'memory', before: '8GB', after: '16GB' },
        { property: 'zones', before: 'a', after: 'a, b, c' },
      ] },
    ]);
    expect(d.calls.changed.map((c) => [c.key, c.changes])).toEqual([
      ['a → b', [{ property: 'timeout', before: 'none', after: '1s' }]],
      ['b → c (route)', [{ property: 'route', before: '80%', after: '60%' }]],
      ['b → d (route)', [{ property: 'route', before: '20%', after: '40%' }]],
    ]);
  });
});

test('callIdentities numbers repeated calls of one group to one target from 1', async () => {
  const model = await modelOf('service a {\n  call b\n  call c\n  call b\n  parallel {\n    call b\n  }\n}\nservice b\nservice c');
  expect([...callIdentities(model).values()].map((c) => c.key)).toEqual(['a → b', 'a → c', 'a → b #2', 'a → b (parallel)']);
});

describe('diffFindings', () => {
  const loadText = async (text: string, others: Record<string, string> = {}): Promise<CheckedModel> => parseModelFromString(text, 'file:///w/main.topo', others);

  test('lines that move do not make a finding new', async () => {
    const before = await loadText(BASE);
    const after = await loadText(`// a comment\n\n${BASE}`);
    expect(diffFindings(before, after)).toEqual({ introduced: [], resolved: [] });
  });

  test('names what a finding is on; a changed message is one resolved and one introduced', async () => {
    const before = await loadText(BASE);
    const after = await loadText(BASE.replace('call db read timeout 10ms', 'call db read').replace('call api timeout 50ms', 'call api timeout 70ms'));
    const { introduced, resolved } = diffFindings(before, after);
    expect(introduced.map((f) => [f.code, f.element])).toEqual([['missing-timeout', 'call api → db']]);
    expect(resolved).toEqual([]);

    const worse = await loadText(BASE.replace('work 2ms', 'work 2ms\n    deadline 10ms'));
    const worst = await loadText(BASE.replace('work 2ms', 'work 2ms\n    deadline 20ms'));
    const changed = diffFindings(worse, worst);
    expect(changed.introduced.map((f) => [f.code, f.element])).toEqual([['deadline-budget', 'service web']]);
    expect(changed.resolved.map((f) => [f.code, f.element])).toEqual([['deadline-budget', 'service web']]);
    expect(changed.introduced[0]!.message).not.toBe(changed.resolved[0]!.message);
  });

  test('a finding on no element is known by its file, relative to the entry', async () => {
    const before = await loadText('import "lib/shared.topo"\nservice a', { 'file:///w/lib/shared.topo': 'service b' });
    const after = await loadText('import "lib/shared.topo"\nservice a', { 'file:///w/lib/shared.topo': 'import "../main.topo"\nservice b' });
    // Both imports of the cycle are reported, each in its own file.
    expect(diffFindings(before, after).introduced.map((f) => [f.code, f.element])).toEqual([
      ['import-cycle', 'file lib/shared.topo'],
      ['import-cycle', 'file main.topo'],
    ]);
  });
});
