import { describe, expect, it } from 'vitest';
import { buildModel } from '@topo/model/testing';
import { nodeDraft } from '../src/node-content.js';

describe('a node', () => {
  const model = buildModel({
    name: 'm',
    services: [
      { name: 'fixed', instances: 9, type: 'm5.large' },
      {
        name: 'elastic',
        instances: 9,
        type: 'm5.large',
        autoscale: { min: 2, max: 40, target: 0.6, everyMs: 5_000, warmupMs: 10_000 },
      },
    ],
  });
  const [fixed, elastic] = model.services.map((s) => nodeDraft(s, model));

  it('says how many instances of which type', () => {
    expect(fixed!.detail.text).toBe('9 × m5.large');
  });

  it('says an autoscaled count is a range, and the autoscaler in full in the tooltip', () => {
    expect(elastic!.detail.text).toBe('2–40 × m5.large, autoscaled');
    expect(elastic!.tooltip).toContain('autoscale 2..40 at 60% every 5s warmup 10s, starting at 9');
    expect(elastic!.width).toBeGreaterThan(fixed!.width);
  });
});
