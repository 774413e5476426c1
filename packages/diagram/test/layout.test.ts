// The geometry every diagram must have, for every example under every grouping: nodes
// apart, one edge per call running orthogonally from its source to its target around the
// other nodes, labels clear of nodes and inside the canvas, members inside their group.
import type { Model } from '@topo/model';
import { allCalls, components } from '@topo/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, call, parallel, routes } from '@topo/model/testing';
import { createElk, DEFAULT_GROUP_BY, GROUP_BY_VALUES, layoutDiagram, type Box, type GroupBy, type Layout, type Point } from '../src/index.js';
import { textWidth } from '../src/text-metrics.js';
import { FONTS } from '../src/typography.js';
import { contains, loadExample, overlaps, segmentCrosses } from './helpers.js';

const elk = createElk();
afterAll(() => elk.terminateWorker());

/** Self-calls, repeated calls, calls upward and in a cycle, a lone component, a group of one. */
function awkwardModel(): Model {
  return buildModel({
    name: 'awkward',
    regions: ['us-east-1', 'eu-west-1'],
    services: [
      { name: 'gate', layer: 'edge', steps: [routes([0.5, 'a'], [0.5, 'b'])] },
      {
        name: 'a',
        layer: 'esl',
        team: 't',
        steps: [call('a', { timeoutMs: 5 }), call('b', { timeoutMs: 5 }), call('b', { timeoutMs: 6 }), parallel(call('db', { timeoutMs: 7 }))],
      },
      { name: 'b', layer: 'sal', team: 't', regions: ['eu-west-1'], steps: [call('gate', { timeoutMs: 1 }), call('c', { share: 0.3 })] },
      { name: 'c', layer: 'sal', steps: [call('b', { timeoutMs: 2 })] },
      { name: 'loner' },
    ],
    datastores: [{ name: 'db', engine: 's3' }],
    petals: [
      { name: 'p1', region: 'us-east-1', members: ['a'] },
      { name: 'p2', region: 'eu-west-1', members: ['a', 'b'] },
    ],
  });
}

const models: Record<string, () => Promise<Model>> = {
  netflix: async () => (await loadExample('netflix')).model,
  petalith: async () => (await loadExample('petalith')).model,
  tangled: async () => (await loadExample('tangled')).model,
  'retry-storm': async () => (await loadExample('retry-storm')).model,
  awkward: async () => awkwardModel(),
};

const canvas = (l: Layout): Box => ({ x: 0, y: 0, width: l.width, height: l.height });
const near = (p: Point, box: Box, tolerance = 1.5) =>
  p.x >= box.x - tolerance &&
  p.x <= box.x + box.width + tolerance &&
  p.y >= box.y - tolerance &&
  p.y <= box.y + box.height + tolerance;

describe.each(Object.keys(models))('the %s diagram', (name) => {
  let model: Model;
  const layouts = new Map<GroupBy, Layout>();
  beforeAll(async () => {
    model = await models[name]!();
    for (const groupBy of GROUP_BY_VALUES) layouts.set(groupBy, await layoutDiagram(model, { groupBy, elk }));
  });

  describe.each(GROUP_BY_VALUES)('grouped by %s', (groupBy) => {
    const layout = () => layouts.get(groupBy)!;

    it('draws every service, datastore and cache once, no two overlapping', () => {
      const nodes = layout().nodes;
      expect(nodes.map((n) => n.id).sort()).toEqual(components(model).map((c) => c.name).sort());
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) expect(overlaps(nodes[i]!, nodes[j]!), `${nodes[i]!.id} / ${nodes[j]!.id}`).toBe(false);
    });

    it('draws one edge per call, from its source to its target, in right angles', () => {
      const edges = layout().edges;
      expect(edges.map((e) => e.callId).sort((a, b) => a - b)).toEqual(allCalls(model).map((c) => c.id).sort((a, b) => a - b));
      const box = new Map(layout().nodes.map((n) => [n.id, n]));
      const junctions = layout().junctions;
      for (const e of edges) {
        expect(e.points.length).toBeGreaterThanOrEqual(2);
        const first = e.points[0]!;
        // An edge starts on its source, or on the junction its parallel group or routes fork at.
        const fork = junctions.find((j) => j.owner === e.source && near(first, j));
        expect(fork !== undefined || near(first, box.get(e.source)!), `edge ${e.callId} starts at its source`).toBe(true);
        expect(near(e.points.at(-1)!, box.get(e.target)!), `edge ${e.callId} ends at its target`).toBe(true);
        for (let i = 1; i < e.points.length; i++) {
          const [a, b] = [e.points[i - 1]!, e.points[i]!];
          expect(Math.abs(a.x - b.x) < 0.2 || Math.abs(a.y - b.y) < 0.2, `edge ${e.callId} segment ${i} is orthogonal`).toBe(true);
        }
      }
    });

    it('routes edges around the nodes they do not connect', () => {
      for (const e of layout().edges)
        for (const n of layout().nodes) {
          if (n.id === e.source || n.id === e.target) continue;
          for (let i = 1; i < e.points.length; i++)
            expect(segmentCrosses(e.points[i - 1]!, e.points[i]!, n), `edge ${e.source}→${e.target} crosses ${n.id}`).toBe(false);
        }
    });

    it('keeps nodes, labels, groups and the legend inside the canvas, and labels off the nodes', () => {
      const l = layout();
      const labels = l.edges.flatMap((e) => (e.label ? [e.label] : []));
      expect(labels).toHaveLength(l.edges.length);
      for (const b of [...l.nodes, ...labels, ...l.groups, ...l.junctions, ...l.legend.map((i) => i.box)])
        expect(contains(canvas(l), b), JSON.stringify(b)).toBe(true);
      for (const label of labels) for (const n of l.nodes) expect(overlaps(label, n), `${label.text} on ${n.id}`).toBe(false);
      for (const n of l.nodes) if (n.badge) expect(contains(n, n.badge)).toBe(true);
    });

    it('puts each group around its members and no one else', () => {
      const l = layout();
      if (groupBy === 'none') expect(l.groups).toEqual([]);
      for (const g of l.groups) {
        expect(g.members.length).toBeGreaterThan(0);
        expect(g.label.x + textWidth(g.label.text, FONTS.groupLabel), `label of ${g.id}`).toBeLessThanOrEqual(g.x + g.width);
        for (const n of l.nodes) {
          if (g.members.includes(n.id)) expect(contains(g, n), `${n.id} in ${g.id}`).toBe(true);
          else expect(overlaps(g, n), `${n.id} outside ${g.id}`).toBe(false);
        }
      }
      for (let i = 0; i < l.groups.length; i++)
        for (let j = i + 1; j < l.groups.length; j++) expect(overlaps(l.groups[i]!, l.groups[j]!)).toBe(false);
    });

    it('puts each label on its own line, which breaks around it (but a self-call, beside its loop)', () => {
      for (const e of layout().edges.filter((e) => e.source !== e.target)) {
        const label = e.label!;
        const cy = label.y + label.height / 2;
        const carried = e.points.slice(1).some((p, i) => {
          const q = e.points[i]!;
          return q.y === p.y && Math.abs(p.y - cy) <= 1.5 && Math.min(p.x, q.x) <= label.x + label.width && label.x <= Math.max(p.x, q.x);
        });
        expect(carried, `${e.source}→${e.target} label ${label.text}`).toBe(true);
      }
    });

    it('runs no edge along a group border, where it would read as part of the frame', () => {
      const l = layout();
      for (const e of l.edges)
        for (const [a, b] of e.points.slice(1).map((p, i) => [e.points[i]!, p] as const)) {
          if (a.y !== b.y) continue;
          for (const g of l.groups.filter((g) => g.kind !== 'layer')) {
            const along = Math.min(Math.max(a.x, b.x), g.x + g.width) - Math.max(Math.min(a.x, b.x), g.x);
            if (along < 40) continue;
            for (const border of [g.y, g.y + g.height])
              expect(Math.abs(a.y - border), `${e.source}→${e.target} along ${g.id}`).toBeGreaterThanOrEqual(20);
          }
        }
    });

    it('gives a label on a group the group\'s fill, and no other label', () => {
      const l = layout();
      for (const e of l.edges) {
        const centre = { x: e.label!.x + e.label!.width / 2, y: e.label!.y + e.label!.height / 2, width: 0, height: 0 };
        expect(e.label!.within).toBe(l.groups.find((g) => contains(g, centre))?.kind);
      }
    });
  });
});

describe('grouping', () => {
  it('draws the layers as lanes, left to right: edge, esl, sal, then the data', async () => {
    const { model } = await loadExample('netflix');
    const layout = await layoutDiagram(model, { groupBy: 'layer', elk });
    expect(layout.groups.map((g) => g.kind)).toEqual(['layer', 'layer', 'layer', 'layer']);
    const byX = [...layout.groups].sort((a, b) => a.x - b.x).map((g) => g.members.sort().join(','));
    expect(byX).toEqual(['wwwproxy', 'homepage,login', 'subscriber,videoMetadata', 'subscriberCache,subscriberDb,videoDb']);
  });

  it('keeps the flow left to right without groups too', async () => {
    const { model } = await loadExample('netflix');
    const layout = await layoutDiagram(model, { groupBy: 'none', elk });
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x('wwwproxy')).toBeLessThan(x('login'));
    expect(Math.max(x('login'), x('homepage'))).toBeLessThan(Math.min(x('subscriber'), x('videoMetadata')));
    expect(Math.max(x('subscriber'), x('videoMetadata'))).toBeLessThan(x('subscriberDb'));
  });

  it('boxes petals by default, a component in two petals in the first', async () => {
    expect(DEFAULT_GROUP_BY).toBe('petal');
    const layout = await layoutDiagram(awkwardModel(), { elk });
    expect(layout.groups.map((g) => [g.id, g.members])).toEqual([
      ['group:petal:p1', ['a']],
      ['group:petal:p2', ['b']],
    ]);
  });
});

describe('the layout engine', () => {
  it('runs in a worker, leaving the event loop free while it works', async () => {
    const { syntheticModel } = await import('./fixtures/synthetic.js');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await layoutDiagram(syntheticModel(200), { groupBy: 'none', elk });
    clearInterval(timer);
    const elapsed = performance.now() - started;
    // On the main thread, the timer could not fire until the layout was done.
    expect(elapsed).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThan(2);
  });

  it('gives up when aborted, mid-layout or before', async () => {
    const { syntheticModel } = await import('./fixtures/synthetic.js');
    const controller = new AbortController();
    const layout = layoutDiagram(syntheticModel(500), { groupBy: 'none', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('enough')), 20);
    await expect(layout).rejects.toThrow('enough');
    await expect(layoutDiagram(syntheticModel(5), { signal: AbortSignal.abort(new Error('never')) })).rejects.toThrow('never');
  });

  it('starts and stops a worker of its own when given none', async () => {
    const { model } = await loadExample('retry-storm');
    const layout = await layoutDiagram(model);
    expect(layout.nodes).toHaveLength(4);
  });
});

describe('an edit that changes no size', () => {
  const shop = (timeoutMs: number, description?: string) =>
    buildModel({
      name: 'shop',
      ...(description ? { description } : {}),
      services: [{ name: 'web', layer: 'edge', steps: [call('api', { timeoutMs })] }, { name: 'api' }],
    });
  /** The engine, counting the layouts it is asked for. */
  const counting = () => {
    let layouts = 0;
    // The shared engine underneath, its layout counted.
    const engine: typeof elk = Object.assign(Object.create(elk) as typeof elk, { layout: (...args: Parameters<typeof elk.layout>) => (layouts++, elk.layout(...args)) });
    return { engine, layouts: () => layouts };
  };
  /** The edges but their words (label and tooltip), which come from the calls drawn. */
  const withoutLabels = (l: Layout) => l.edges.map((e) => ({ ...e, tooltip: [], label: e.label && { ...e.label, text: '' } }));

  it('reuses the layout and draws the new text; one that changes a size is laid out again', async () => {
    // 300ms and 800ms are as wide; 3000ms is wider.
    expect(textWidth('300ms', FONTS.edgeLabel)).toBe(textWidth('800ms', FONTS.edgeLabel));
    const { engine, layouts } = counting();
    const first = await layoutDiagram(shop(300), { elk: engine });
    const second = await layoutDiagram(shop(800), { elk: engine });
    expect(layouts()).toBe(1);
    expect(second.edges[0]!.label!.text).toBe('800ms');
    expect(withoutLabels(second)).toEqual(withoutLabels(first));
    expect(second.nodes).toEqual(first.nodes);
    // The header is the model's: a description moves everything down, laid out or not.
    const described = await layoutDiagram(shop(800, 'after the edit'), { elk: engine });
    expect(layouts()).toBe(1);
    expect(described.nodes[0]!.y).toBeGreaterThan(first.nodes[0]!.y);
    await layoutDiagram(shop(3000), { elk: engine });
    expect(layouts()).toBe(2);
  });
});
