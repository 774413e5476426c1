// Layout + render of made-up tiered architectures (≈1.3 calls per component). Goals
// (issue 5): 100 nodes ≤ 500 ms, 1,000 nodes ≤ 5 s. "warm": on one long-lived worker, as
// the language server keeps it; "fresh": a worker started for the one picture, as the CLI.
import { afterAll, bench, describe } from 'vitest';
import type { Model } from '@topo/model';
import { createElk, layoutDiagram, renderSvg, type ElkApi, type GroupBy } from '../src/index.js';
import { RECENT_LAYOUTS } from '../src/layout.js';
import { syntheticModel } from '../test/fixtures/synthetic.js';

const elk = createElk();
afterAll(() => elk.terminateWorker());

/** The same model with every component in one of 20 teams. */
function inTeams(model: Model): Model {
  const copy = structuredClone(model);
  [...copy.services, ...copy.datastores, ...copy.caches].forEach((c, i) => (c.team = `team${i % 20}`));
  return copy;
}

/**
 * Models of one size and shape with other calls (seeds), taken in turn: the layout cache
 * (layout.ts) keeps the last RECENT_LAYOUTS, so no run is answered from it.
 */
function inTurn(size: number, teams: boolean): () => Model {
  const models = Array.from({ length: RECENT_LAYOUTS + 1 }, (_, i) => (teams ? inTeams(syntheticModel(size, i + 1)) : syntheticModel(size, i + 1)));
  let next = 0;
  return () => models[next++ % models.length]!;
}
const models = { 100: inTurn(100, false), 1000: inTurn(1000, false) };
const teamModels = { 100: inTurn(100, true), 1000: inTurn(1000, true) };

/**
 * Without an engine, layoutDiagram starts a worker of its own and stops it after. A picture
 * without a box for every component throws: the benchmark fails rather than time it.
 */
const draw = async (model: Model, groupBy: GroupBy, engine: ElkApi | undefined) => {
  const layout = await layoutDiagram(model, { groupBy, elk: engine });
  const components = model.services.length + model.datastores.length + model.caches.length;
  if (layout.nodes.length !== components) throw new Error(`${layout.nodes.length} boxes for ${components} components`);
  if (!renderSvg(layout).startsWith('<svg')) throw new Error('no SVG');
};

describe('layout + render, warm worker', () => {
  bench('100 nodes', () => draw(models[100](), 'none', elk), { time: 3000, warmupIterations: 10, throws: true });
  bench('100 nodes in 20 team boxes', () => draw(teamModels[100](), 'team', elk), { time: 3000, warmupIterations: 10, throws: true });
  bench('1,000 nodes', () => draw(models[1000](), 'none', elk), { time: 0, iterations: 3, warmupIterations: 2, throws: true });
  bench('1,000 nodes in 20 team boxes', () => draw(teamModels[1000](), 'team', elk), { time: 0, iterations: 2, warmupIterations: 1, throws: true });
});

describe('layout + render, fresh worker', () => {
  bench('100 nodes', () => draw(models[100](), 'none', undefined), { time: 0, iterations: 5, warmupIterations: 0, throws: true });
  bench('1,000 nodes', () => draw(models[1000](), 'none', undefined), { time: 0, iterations: 2, warmupIterations: 0, throws: true });
});
