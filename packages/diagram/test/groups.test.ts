import { describe, expect, it } from 'vitest';
import { buildModel } from '@topo/model/testing';
import { groupsOf } from '../src/groups.js';

const model = buildModel({
  name: 'm',
  regions: ['us-east-1', 'eu-west-1'],
  services: [
    { name: 'edge', layer: 'edge', team: 'web' },
    { name: 'api', layer: 'esl', team: 'web', regions: ['eu-west-1'] },
    { name: 'data', layer: 'sal', regions: ['eu-west-1', 'us-east-1'] },
    { name: 'plain' },
  ],
  datastores: [{ name: 'db', engine: 'mysql', team: 'dba' }],
  caches: [{ name: 'hot', engine: 'redis' }],
  petals: [
    { name: 'one', region: 'us-east-1', members: ['edge', 'data', 'nobody'] },
    { name: 'two', region: 'eu-west-1', members: ['data', 'api'] },
    { name: 'empty', region: 'eu-west-1', members: ['nobody'] },
  ],
});

const summary = (groupBy: Parameters<typeof groupsOf>[1]) => groupsOf(model, groupBy).map((g) => [g.label, g.members]);

describe('groupsOf', () => {
  it('by layer: one lane per layer, datastores and caches together', () => {
    expect(summary('layer')).toEqual([
      ['edge', ['edge']],
      ['esl', ['api']],
      ['sal', ['data']],
      ['no layer', ['plain']],
      ['data', ['db', 'hot']],
    ]);
    expect(groupsOf(model, 'layer')[1]!.tooltip).toEqual(['edge service layer (esl): 1 member']);
    expect(groupsOf(model, 'layer').every((g) => g.lane)).toBe(true);
  });

  it('by region: one box per set of regions, in the order the regions were declared', () => {
    expect(summary('region')).toEqual([
      ['us-east-1 + eu-west-1', ['edge', 'data', 'plain', 'db', 'hot']],
      ['eu-west-1', ['api']],
    ]);
  });

  it('by team: components without a team stay outside', () => {
    expect(summary('team')).toEqual([
      ['team web', ['edge', 'api']],
      ['team dba', ['db']],
    ]);
  });

  it('by petal: unknown members skipped, a member of two petals in the first, empty petals not drawn', () => {
    expect(summary('petal')).toEqual([
      ['petal one · us-east-1', ['edge', 'data']],
      ['petal two · eu-west-1', ['api']],
    ]);
    expect(groupsOf(model, 'petal')[0]!.petal).toBe('one');
  });

  it('none: no boxes', () => {
    expect(groupsOf(model, 'none')).toEqual([]);
  });
});
