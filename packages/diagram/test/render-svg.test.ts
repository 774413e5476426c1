// The SVG: its markup contract, its determinism, its theming, and a snapshot of netflix.
import type { Model } from '@topo/model';
import { allCalls, components } from '@topo/model';
import { parseModelFromString } from '@topo/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElk, drawDiagram, layoutDiagram, renderSvg, THEME_TOKENS, type Layout } from '../src/index.js';
import { elementsWithClass, loadExample, numberAttr, parseSvg } from './helpers.js';

const elk = createElk();
afterAll(() => elk.terminateWorker());

let netflix: Model;
let layout: Layout;
beforeAll(async () => {
  netflix = (await loadExample('netflix')).model;
  layout = await layoutDiagram(netflix, { elk });
});

describe('the markup contract', () => {
  it('is well-formed XML with a viewBox the size of the canvas', () => {
    const doc = parseSvg(renderSvg(layout));
    const svg = doc.documentElement!;
    expect(svg.tagName).toBe('svg');
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${layout.width} ${layout.height}`);
  });

  it('has a <g class="node" data-id> per component, holding a rect at its absolute box', () => {
    const doc = parseSvg(renderSvg(layout));
    const nodes = elementsWithClass(doc, 'g', 'node');
    expect(nodes.map((n) => n.getAttribute('data-id')).sort()).toEqual(components(netflix).map((c) => c.name).sort());
    for (const g of nodes) {
      const rect = g.getElementsByTagName('rect')[0]!;
      const node = layout.nodes.find((n) => n.id === g.getAttribute('data-id'))!;
      expect(['x', 'y', 'width', 'height'].map((a) => numberAttr(rect, a))).toEqual([node.x, node.y, node.width, node.height]);
    }
  });

  it('has a <g class="edge" data-source data-target> per call', () => {
    const doc = parseSvg(renderSvg(layout));
    const edges = elementsWithClass(doc, 'g', 'edge').map((e) => `${e.getAttribute('data-source')}→${e.getAttribute('data-target')}`);
    expect(edges.sort()).toEqual(allCalls(netflix).map((c) => `${c.from}→${c.target}`).sort());
  });

  it('escapes what the model says', async () => {
    const { model } = await parseModelFromString('architecture odd "a <b> & \\"c\\" \'d\'"\nservice web\n');
    const svg = (await drawDiagram(model, [], { elk })).svg!;
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;');
    expect(parseSvg(svg).getElementsByTagName('text')[0]!.textContent).toBe('odd');
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same model, layout after layout', async () => {
    const again = await layoutDiagram((await loadExample('netflix')).model, { elk });
    expect(renderSvg(again)).toBe(renderSvg(layout));
    const fresh = await layoutDiagram(netflix); // on a worker of its own
    expect(renderSvg(fresh)).toBe(renderSvg(layout));
  });

  it('writes numbers with at most two decimals', () => {
    expect(renderSvg(layout)).not.toMatch(/\d\.\d{3}/);
  });
});

describe('colours and fonts', () => {
  it('come from --topo-* variables with light and dark defaults, and VS Code theme classes', () => {
    const svg = renderSvg(layout);
    expect(svg).toContain('@media (prefers-color-scheme: dark)');
    expect(svg).toContain('.vscode-dark svg.topo');
    expect(svg).toContain('.vscode-light svg.topo');
    for (const t of THEME_TOKENS) expect(svg).toContain(`--topo-${t.name}: ${t.light};`);
    for (const t of THEME_TOKENS) expect(svg).toContain(`--topo-${t.name}: ${t.dark};`);
    expect(svg).toContain('font-family: var(--topo-font)');
  });

  it('are written out for renderers without CSS variables', () => {
    for (const colors of ['light', 'dark'] as const) {
      const svg = renderSvg(layout, { colors });
      expect(svg).not.toContain('var(');
      expect(svg).not.toContain('@media');
      const background = THEME_TOKENS.find((t) => t.name === 'background')![colors];
      expect(svg).toContain(`.topo .canvas { fill: ${background}; }`);
    }
  });
});

describe('the netflix example', () => {
  it('matches the snapshot', async () => {
    // The snapshot is the picture at the top of the package's README.
    await expect(renderSvg(layout)).toMatchFileSnapshot('../docs/netflix.svg');
  });
});
