// drawDiagram: the picture every surface shows, with the findings marked on it, and a message
// instead of an error for a model too large to draw.
import type { Finding } from '@topo/model';
import { describe, expect, it } from 'vitest';
import { buildModel, call } from '@topo/model/testing';
import { drawDiagram, MAX_DIAGRAM_NODES } from '../src/index.js';
import { syntheticModel } from './fixtures/synthetic.js';

describe('drawDiagram', () => {
  it('lays the model out and renders it, marking the findings', async () => {
    const model = buildModel({ name: 'm', services: [{ name: 'front', steps: [call('store')] }], datastores: [{ name: 'store', engine: 'cassandra' }] });
    const front = model.services[0]!;
    const finding: Finding = { code: 'test', severity: 'warning', message: 'look here', loc: front.loc! };
    const drawn = await drawDiagram(model, [finding], { colors: 'light' });
    expect(drawn.message).toBeUndefined();
    expect(drawn.layout!.nodes.map((n) => n.id).sort()).toEqual(['front', 'store']);
    expect(drawn.layout!.nodes.find((n) => n.id === 'front')?.mark).toBe('warning');
    expect(drawn.svg).toMatch(/^<svg/);
    expect(drawn.svg).toContain('look here');
  });

  it('answers a model too large with the message that says why, and no picture', async () => {
    const drawn = await drawDiagram(syntheticModel(MAX_DIAGRAM_NODES + 1), []);
    expect(drawn).toEqual({ message: expect.stringMatching(/at most \d+ components .*split the architecture/) });
  });
});
