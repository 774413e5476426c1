// renderSvg: a Layout → SVG text. Pure and deterministic: the same layout gives the same
// bytes. Markup contract for tests and tools: each node is <g class="node" data-id>
// holding a <rect> with absolute x, y, width and height; each edge is <g class="edge"
// data-source data-target>; the document is well-formed XML with a viewBox.
import type {
  Layout,
  LayoutEdge,
  LayoutGroup,
  LayoutJunction,
  LayoutNode,
  LegendItem,
  Mark,
  Marked,
  MarkedThing,
  TextLine,
} from './layout-types.js';
import { FINDING_PART_GAP, FINDING_PART_WIDTH, LABEL_SAMPLE } from './legend.js';
import { chipPaths, cylinderPaths, diamondPath, p, roundedPolyline, tagPath } from './shapes.js';
import { el, escapeXml, num } from './svg-text.js';
import { styleSheet, type ColorMode } from './theme.js';
import { CYLINDER_RY, TAG_DEPTH } from './typography.js';

export interface RenderOptions {
  /** `css` (default): colours from --topo-* variables that follow the viewer's theme;
   *  `light` or `dark`: one palette written out, for renderers without CSS variables. */
  colors?: ColorMode;
}

const MARKS: (Mark | undefined)[] = [undefined, 'error', 'warning', 'info'];

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function markClass(m: Marked): string | undefined {
  return m.mark && `mark-${m.mark}`;
}

/** The tooltip: why it is coloured first, then what it is. */
function title(m: Marked, lines: string[]): string {
  return el('title', {}, escapeXml([...m.messages, ...lines].join('\n')));
}

function text(cls: string, line: TextLine, anchor?: 'middle'): string {
  return el('text', { class: cls, x: line.x, y: line.y, 'text-anchor': anchor }, escapeXml(line.text));
}

function kindClass(n: LayoutNode): string {
  if (n.shape === 'edge-service') return 'kind-edge-service';
  if (n.kind !== 'service') return `kind-${n.kind}`;
  return n.layer === 'esl' || n.layer === 'sal' ? `kind-${n.layer}` : 'kind-service';
}

function nodeShape(n: LayoutNode): string {
  const box = { x: n.x, y: n.y, width: n.width, height: n.height };
  const bounds = el('rect', { class: 'bounds', ...box });
  switch (n.shape) {
    case 'service':
      return el('rect', { class: 'shape', ...box, rx: 6 });
    case 'edge-service':
      return bounds + el('path', { class: 'shape', d: tagPath(n) });
    case 'datastore': {
      const c = cylinderPaths(n);
      return bounds + el('path', { class: 'shape', d: c.body }) + el('path', { class: 'rim', d: c.rim });
    }
    case 'cache': {
      const c = chipPaths(n);
      return bounds + el('path', { class: 'pins', d: c.pins }) + el('path', { class: 'shape', d: c.body });
    }
  }
}

/** A round `!` (or `i`) centred on (cx, cy); coloured by the mark of the element around it. */
function markIcon(cx: number, cy: number, mark: Mark): string {
  return el(
    'g',
    { class: 'mark-icon' },
    el('circle', { cx, cy, r: 7 }) + el('text', { x: cx, y: cy + 3.5, 'text-anchor': 'middle' }, mark === 'info' ? 'i' : '!'),
  );
}

/** A marked node carries the icon on its corner: the colour alone would not do for everyone. */
function nodeMarkIcon(n: LayoutNode): string {
  if (!n.mark) return '';
  return markIcon(n.x + (n.shape === 'edge-service' ? TAG_DEPTH : 2), n.y + (n.shape === 'datastore' ? CYLINDER_RY : 2), n.mark);
}

function renderNode(n: LayoutNode): string {
  const badge =
    n.badge &&
    el(
      'g',
      { class: 'badge' },
      el('rect', { x: n.badge.x, y: n.badge.y, width: n.badge.width, height: n.badge.height, rx: n.badge.height / 2 }) +
        el(
          'text',
          { x: n.badge.x + n.badge.width / 2, y: n.badge.y + n.badge.height - 4, 'text-anchor': 'middle' },
          escapeXml(n.badge.text),
        ),
    );
  return el(
    'g',
    { class: classes('node', kindClass(n), markClass(n)), 'data-id': n.id },
    title(n, n.tooltip) +
      nodeShape(n) +
      text('caption', n.caption) +
      text('name', n.name) +
      text('detail', n.detail) +
      (badge ?? '') +
      nodeMarkIcon(n),
  );
}

function arrowId(m: Mark | undefined): string {
  return m ? `topo-arrow-${m}` : 'topo-arrow';
}

function renderEdge(e: LayoutEdge): string {
  return el(
    'g',
    {
      class: classes('edge', e.dashed && 'conditional', markClass(e)),
      'data-source': e.source,
      'data-target': e.target,
      'data-call': e.callId,
    },
    title(e, e.tooltip) + el('path', { class: 'line', d: roundedPolyline(e.points), 'marker-end': `url(#${arrowId(e.mark)})` }),
  );
}

function renderEdgeLabel(e: LayoutEdge): string {
  if (!e.label) return '';
  const l = e.label;
  return el(
    'g',
    { class: classes('edge-label', l.within && (l.within === 'petal' ? 'on-petal' : 'on-group'), markClass(e)), 'data-source': e.source, 'data-target': e.target, 'data-call': e.callId },
    title(e, e.tooltip) +
      el('rect', { class: 'label-background', x: l.x, y: l.y, width: l.width, height: l.height, rx: 3 }) +
      text('label', { text: l.text, x: l.x + l.width / 2, y: l.y + l.height - 4 }, 'middle'),
  );
}

function renderJunction(j: LayoutJunction, owner: LayoutNode | undefined): string {
  const cy = j.y + j.height / 2;
  const stub = owner ? el('line', { class: 'stub', x1: owner.x + owner.width, y1: cy, x2: j.x, y2: cy }) : '';
  const mark =
    j.kind === 'parallel'
      ? el('rect', { class: 'junction-mark parallel', x: j.x, y: j.y, width: j.width, height: j.height, rx: 1 })
      : el('path', { class: 'junction-mark route', d: diamondPath(j) });
  return el('g', { class: `junction ${j.kind}`, 'data-owner': j.owner }, el('title', {}, escapeXml(j.tooltip)) + stub + mark);
}

function renderGroup(g: LayoutGroup): string {
  return el(
    'g',
    { class: classes('group', g.kind, markClass(g)), 'data-id': g.id },
    title(g, g.tooltip) +
      el('rect', { class: 'frame', x: g.x, y: g.y, width: g.width, height: g.height, rx: 8 }) +
      text('group-label', g.label),
  );
}

function legendGlyph(item: LegendItem): string {
  const { x, y, width, height } = item.box;
  const cy = y + height / 2;
  const arrow = `url(#${arrowId(undefined)})`;
  switch (item.glyph) {
    case 'route':
      return (
        el('path', { class: 'junction-mark route', d: diamondPath({ x, y, width: 11, height }) }) +
        el('path', { class: 'line', d: `M ${p(x + 11, cy)} H ${num(x + width)}`, 'marker-end': arrow })
      );
    case 'parallel':
      return (
        el('rect', { class: 'junction-mark parallel', x, y, width: 4, height, rx: 1 }) +
        el('path', { class: 'line', d: `M ${p(x + 4, cy)} H ${num(x + width)}`, 'marker-end': arrow })
      );
    case 'conditional':
      return el('path', { class: 'line dashed', d: `M ${p(x, cy)} H ${num(x + width)}`, 'marker-end': arrow });
    case 'label':
      return (
        el('path', { class: 'line', d: `M ${p(x, cy)} H ${num(x + width)}`, 'marker-end': arrow }) +
        el('rect', { class: 'label-background', x: x + 6, y: y - 2, width: width - 16, height: height + 4 }) +
        el('text', { class: 'sample', x: x + 6 + (width - 16) / 2, y: y + height - 2, 'text-anchor': 'middle' }, escapeXml(LABEL_SAMPLE))
      );
    case 'finding':
      return item.finding ? findingGlyph(item.finding.mark, item.finding.on, x, y, height) : '';
  }
}

/** Each thing the finding is on, side by side, drawn as the picture draws it marked. */
function findingGlyph(mark: Mark, on: MarkedThing[], left: number, y: number, height: number): string {
  const cy = y + height / 2;
  let x = left;
  return on
    .map((thing) => {
      const width = FINDING_PART_WIDTH[thing];
      const part =
        thing === 'call'
          ? el('path', { class: 'line', d: `M ${p(x, cy)} H ${num(x + width)}`, 'marker-end': `url(#${arrowId(mark)})` })
          : thing === 'node'
            ? markIcon(x + width / 2, cy, mark)
            : el('rect', { class: 'frame', x, y, width, height, rx: 3 });
      x += width + FINDING_PART_GAP;
      return part;
    })
    .join('');
}

function renderLegend(items: LegendItem[]): string {
  return el(
    'g',
    { class: 'legend' },
    items
      .map((i) =>
        el('g', { class: classes('legend-item', i.glyph, i.finding && `mark-${i.finding.mark}`) }, legendGlyph(i) + text('legend-text', i.text)),
      )
      .join(''),
  );
}

function arrowMarkers(): string {
  return MARKS.map((m) =>
    el(
      'marker',
      {
        id: arrowId(m),
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 8,
        markerHeight: 8,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      },
      el('path', { class: m ? `arrow-${m}` : 'arrow', d: 'M 0 0 L 10 5 L 0 10 Z' }),
    ),
  ).join('');
}

export function renderSvg(layout: Layout, options: RenderOptions = {}): string {
  const nodesById = new Map(layout.nodes.map((n) => [n.id, n]));
  const layer = (cls: string, items: string[]) => el('g', { class: cls }, items.join('\n'));
  const body = [
    el('title', {}, escapeXml(layout.title.text)),
    el('style', {}, `\n${styleSheet(options.colors ?? 'css')}\n`),
    el('defs', {}, arrowMarkers()),
    el('rect', { class: 'canvas', x: 0, y: 0, width: layout.width, height: layout.height }),
    text('title', layout.title),
    layout.subtitle ? text('subtitle', layout.subtitle) : '',
    layer('groups', layout.groups.map(renderGroup)),
    layer('edges', layout.edges.map(renderEdge)),
    layer('junctions', layout.junctions.map((j) => renderJunction(j, nodesById.get(j.owner)))),
    layer('nodes', layout.nodes.map(renderNode)),
    layer('edge-labels', layout.edges.map(renderEdgeLabel)),
    layout.legend.length > 0 ? renderLegend(layout.legend) : '',
  ];
  return (
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        class: 'topo',
        width: layout.width,
        height: layout.height,
        viewBox: `0 0 ${layout.width} ${layout.height}`,
        role: 'img',
      },
      `\n${body.filter(Boolean).join('\n')}\n`,
    ) + '\n'
  );
}
