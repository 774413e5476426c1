import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { buildModel, call, parallel, routes } from '@topo/model/testing';
import { buildElkGraph, DiagramTooLargeError, MAX_DIAGRAM_EDGES, MAX_DIAGRAM_NODES } from '../src/index.js';
import { syntheticModel } from './fixtures/synthetic.js';

const partition = (n: ElkNode) => Number(n.layoutOptions?.['elk.partitioning.partition']);

describe('the ELK graph', () => {
  const model = buildModel({
    name: 'm',
    services: [
      { name: 'gate', layer: 'edge', steps: [routes([0.5, 'a'], [0.5, 'b'])] },
      { name: 'a', layer: 'esl', steps: [parallel(call('b'), call('db')), parallel(call('db')), call('ghost')] },
      { name: 'b', layer: 'sal' },
      { name: 'free' },
    ],
    datastores: [{ name: 'db', engine: 'postgres' }],
  });
  const graph = buildElkGraph(model, 'none');
  const node = (id: string) => graph.elk.children!.find((c) => c.id === id)!;

  it('orders the layers by partition, with a hub between each two in use', () => {
    expect(['gate', 'a', 'free', 'b', 'db'].map((id) => partition(node(id)))).toEqual([0, 2, 4, 6, 8]);
    expect(graph.elk.children!.filter((c) => c.id.startsWith('hub:')).map(partition)).toEqual([1, 3, 5, 7]);
  });

  it('adds hubs only between the layers a model has', () => {
    const two = buildElkGraph(buildModel({ services: [{ name: 'x', layer: 'esl', steps: [call('y')] }], datastores: [{ name: 'y', engine: 's3' }] }), 'none');
    expect(two.elk.children!.filter((c) => c.id.startsWith('hub:')).map(partition)).toEqual([7]);
  });

  it('forks a parallel group of two or more, and a service routes, from a port', () => {
    expect(node('gate').ports!.map((p) => p.id)).toEqual(['port:gate:route:0']);
    expect(node('a').ports!.map((p) => p.id)).toEqual(['port:a:parallel:1']);
    expect(graph.junctions.map((j) => [j.kind, j.calls.map((c) => c.target)])).toEqual([
      ['route', ['a', 'b']],
      ['parallel', ['b', 'db']],
    ]);
    const sources = graph.elk.edges!.map((e) => e.sources[0]);
    expect(sources).toEqual(['port:gate:route:0', 'port:gate:route:0', 'port:a:parallel:1', 'port:a:parallel:1', 'a']);
  });

  it('leaves out calls to components the model does not have', () => {
    expect(graph.calls.map((c) => c.target)).toEqual(['a', 'b', 'b', 'db', 'db']);
    expect(graph.elk.edges!.some((e) => e.targets.includes('ghost'))).toBe(false);
  });

  it('sizes each node to fit what it says', () => {
    const long = buildElkGraph(buildModel({ services: [{ name: 'a-service-with-a-rather-long-name' }, { name: 's' }] }), 'none');
    const [wide, narrow] = long.elk.children!;
    expect(wide!.width).toBeGreaterThan(narrow!.width!);
    expect(narrow!.width).toBe(132); // the minimum
  });

  it('makes compound nodes for groups, but lanes for layers', () => {
    const teams = buildElkGraph(buildModel({ services: [{ name: 'a', team: 't' }, { name: 'b', team: 't' }, { name: 'c' }] }), 'team');
    expect(teams.elk.children!.map((c) => [c.id, (c.children ?? []).map((k) => k.id)])).toEqual([
      ['group:team:t', ['a', 'b']],
      ['c', []],
    ]);
    expect(teams.elk.layoutOptions!['elk.hierarchyHandling']).toBe('INCLUDE_CHILDREN');
    const layers = buildElkGraph(model, 'layer');
    expect(layers.elk.children!.every((c) => !c.children)).toBe(true);
    expect(layers.elk.layoutOptions!['elk.hierarchyHandling']).toBeUndefined();
  });

  it('keeps network-simplex node placement to small graphs', () => {
    expect(graph.elk.layoutOptions!['elk.layered.nodePlacement.strategy']).toBe('NETWORK_SIMPLEX');
    const big = buildElkGraph(syntheticModel(400), 'none');
    expect(big.elk.layoutOptions!['elk.layered.nodePlacement.strategy']).toBe('BRANDES_KOEPF');
    expect(big.elk.layoutOptions!['elk.layered.thoroughness']).toBe('1');
  });
});

describe('the size limit', () => {
  it('draws a model at the limit', () => {
    expect(() => buildElkGraph(syntheticModel(MAX_DIAGRAM_NODES), 'none')).not.toThrow();
  });

  it('gives up beyond it, saying why and what to do', () => {
    expect(() => buildElkGraph(syntheticModel(MAX_DIAGRAM_NODES + 1), 'none')).toThrow(DiagramTooLargeError);
    expect(() => buildElkGraph(syntheticModel(MAX_DIAGRAM_NODES + 1), 'none')).toThrow(
      new RegExp(`${MAX_DIAGRAM_NODES + 1} services, datastores and caches .* at most ${MAX_DIAGRAM_NODES}.*split`),
    );
  });

  it('counts calls too', () => {
    const chatty = buildModel({ services: [{ name: 's', steps: Array.from({ length: MAX_DIAGRAM_EDGES + 1 }, () => call('db')) }], datastores: [{ name: 'db', engine: 's3' }] });
    expect(() => buildElkGraph(chatty, 'none')).toThrow(DiagramTooLargeError);
  });
});
