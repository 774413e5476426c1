import type { Finding, Loc, Severity } from '@topo/model';
import { parseModelFromString } from '@topo/language';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel, call } from '@topo/model/testing';
import { createElk, layoutDiagram, renderSvg } from '../src/index.js';
import { locContains, markFindings } from '../src/findings.js';
import { elementsWithClass, parseSvg } from './helpers.js';

const model = buildModel({
  name: 'm',
  services: [
    { name: 'front', layer: 'esl', steps: [call('back', { timeoutMs: 10 }), call('store')] },
    { name: 'back', layer: 'sal' },
  ],
  datastores: [{ name: 'store', engine: 'cassandra' }],
  petals: [{ name: 'p', region: 'us-east-1', members: ['front', 'back'] }],
});
const URI = model.uri;
const front = model.services[0]!;
const [toBack, toStore] = front.calls;

const finding = (severity: Severity, message: string, loc: Loc): Finding => ({ code: 'test', severity, message, loc });
const at = (line: number, from: number, to: number, uri = URI): Loc => ({
  uri,
  start: { line, character: from },
  end: { line, character: to },
});

describe('locContains', () => {
  const outer: Loc = { uri: URI, start: { line: 2, character: 4 }, end: { line: 5, character: 10 } };
  it('holds for the same range and for ranges inside, up to both ends', () => {
    expect(locContains(outer, outer)).toBe(true);
    expect(locContains(outer, at(2, 4, 9))).toBe(true);
    expect(locContains(outer, at(5, 0, 10))).toBe(true);
  });
  it('fails a character beyond either end, or in another file', () => {
    expect(locContains(outer, at(2, 3, 9))).toBe(false);
    expect(locContains(outer, at(5, 0, 11))).toBe(false);
    expect(locContains(outer, at(3, 0, 1, 'file:///other.topo'))).toBe(false);
  });
});

describe('markFindings', () => {
  it('puts a finding on the call whose source holds it, not on its service', () => {
    const marks = markFindings(model, [finding('error', 'too short', toBack!.loc!)]);
    expect(marks.calls.get(toBack!.id)).toEqual({ mark: 'error', messages: ['too short'] });
    expect(marks.calls.has(toStore!.id)).toBe(false);
    expect(marks.components.size).toBe(0);
  });

  it('puts a finding elsewhere in a service on the service', () => {
    const name = at(front.loc!.start.line, 8, 13);
    const marks = markFindings(model, [finding('warning', 'fan-out', name)]);
    expect(marks.components.get('front')).toEqual({ mark: 'warning', messages: ['fan-out'] });
    expect(marks.calls.size).toBe(0);
  });

  it('puts a finding in a petal, outside every component, on the petal', () => {
    const petal = model.petals[0]!.loc!;
    const marks = markFindings(model, [finding('error', 'too little memory', at(petal.start.line + 1, 2, 9))]);
    expect(marks.petals.get('p')?.mark).toBe('error');
    expect(marks.components.size + marks.calls.size).toBe(0);
  });

  it('leaves out hints and findings that belong to nothing drawn', () => {
    const marks = markFindings(model, [finding('hint', 'style', toBack!.loc!), finding('warning', 'elsewhere', at(999, 0, 1))]);
    expect(marks.calls.size + marks.components.size + marks.petals.size).toBe(0);
  });

  it('shows the worst severity and lists every message, worst first', () => {
    const marks = markFindings(model, [
      finding('info', 'bounded', toBack!.loc!),
      finding('warning', 'uniform', toBack!.loc!),
      finding('error', 'budget', toBack!.loc!),
    ]);
    expect(marks.calls.get(toBack!.id)).toEqual({ mark: 'error', messages: ['budget', 'uniform', 'bounded'] });
  });
});

describe('diagnostics on the picture', () => {
  const elk = createElk();
  afterAll(() => elk.terminateWorker());

  it('colours what the language reports on and says why in the tooltip', async () => {
    const { model: parsed, findings } = await parseModelFromString(
      [
        'architecture marked',
        'service front {',
        '  layer esl',
        '  call back',
        '  call other timeout 50ms',
        '}',
        'service back {',
        '  layer sal',
        '}',
        'service other {',
        '  layer sal',
        '}',
      ].join('\n'),
    );
    const missing = findings.find((f) => f.code === 'missing-timeout');
    expect(missing).toBeDefined();
    const doc = parseSvg(renderSvg(await layoutDiagram(parsed, { findings, elk })));
    const edges = elementsWithClass(doc, 'g', 'edge');
    const marked = edges.filter((e) => e.getAttribute('class')!.includes(`mark-${missing!.severity}`));
    expect(marked.map((e) => e.getAttribute('data-target'))).toEqual(['back']);
    expect(marked[0]!.getElementsByTagName('title')[0]!.textContent).toContain(missing!.message);
    const toOther = edges.find((e) => e.getAttribute('data-target') === 'other')!;
    expect(toOther.getAttribute('class')).toBe('edge');
    for (const node of elementsWithClass(doc, 'g', 'node')) expect(node.getAttribute('class')).not.toContain('mark-');
  });

  it('colours a node with a finding in its source, with a mark a colour-blind reader sees too', async () => {
    const name = at(front.loc!.start.line, 8, 13);
    const svg = renderSvg(await layoutDiagram(model, { findings: [finding('warning', 'knows too much', name)], elk }));
    const doc = parseSvg(svg);
    const nodes = elementsWithClass(doc, 'g', 'node');
    const marked = nodes.filter((n) => n.getAttribute('class')!.includes('mark-warning'));
    expect(marked.map((n) => n.getAttribute('data-id'))).toEqual(['front']);
    expect(marked[0]!.getElementsByTagName('title')[0]!.textContent).toMatch(/^knows too much\n/);
    const icons = elementsWithClass(doc, 'g', 'mark-icon');
    expect(icons.filter((i) => i.parentNode === marked[0])).toHaveLength(1);
  });

  it('explains in the legend each severity drawn and what it is drawn on, and nothing more', async () => {
    const petal = model.petals[0]!.loc!;
    const findings = [
      finding('error', 'too short', toBack!.loc!),
      finding('warning', 'knows too much', at(front.loc!.start.line, 8, 13)),
      finding('warning', 'uniform', toStore!.loc!),
      finding('info', 'too little memory', at(petal.start.line + 1, 2, 9)),
    ];
    const layout = await layoutDiagram(model, { findings, elk });
    const items = layout.legend.filter((i) => i.glyph === 'finding');
    expect(items.map((i) => [i.finding, i.text.text])).toEqual([
      [{ mark: 'error', on: ['call'] }, 'error found on a call'],
      [{ mark: 'warning', on: ['call', 'node'] }, 'warning found on a call or service'],
      [{ mark: 'info', on: ['petal'] }, 'info found on a petal'],
    ]);
    const doc = parseSvg(renderSvg(layout));
    const [error, warning] = elementsWithClass(doc, 'g', 'finding');
    expect(error!.getAttribute('class')).toBe('legend-item finding mark-error');
    expect(error!.getElementsByTagName('path')[0]!.getAttribute('marker-end')).toBe('url(#topo-arrow-error)');
    expect(elementsWithClass(doc, 'g', 'mark-icon').filter((i) => i.parentNode === warning)).toHaveLength(1);

    const unmarked = await layoutDiagram(model, { findings: [findings[0]!], elk });
    expect(unmarked.legend.filter((i) => i.glyph === 'finding').map((i) => i.finding!.mark)).toEqual(['error']);
  });

  it('draws nothing in a diagnostic colour without findings', async () => {
    const layout = await layoutDiagram(model, { elk });
    expect(layout.legend.map((i) => i.glyph)).not.toContain('finding');
    expect(renderSvg(layout)).not.toMatch(/class="[^"]*mark-/);
  });
});
