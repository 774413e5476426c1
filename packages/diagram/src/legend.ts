// The legend under the picture: one item per convention the picture uses (routes,
// parallel groups, conditional calls, edge labels) and per severity of the findings marked
// on it, in rows that wrap at the given width.
import { RESILIENCE_GLYPH } from './call-labels.js';
import type {
  LayoutEdge,
  LayoutGroup,
  LayoutJunction,
  LayoutNode,
  LegendGlyph,
  LegendItem,
  Mark,
  MarkedThing,
} from './layout-types.js';
import { textWidth } from './text-metrics.js';
import { ascent, FONTS, LEGEND_ROW_HEIGHT } from './typography.js';

/** What the legend explains: the picture's parts as laid out. */
export interface Drawn {
  edges: LayoutEdge[];
  junctions: LayoutJunction[];
  nodes: LayoutNode[];
  groups: LayoutGroup[];
}

const GLYPH_HEIGHT = 12;
/** The label glyph is a sample edge with a label on it. */
export const LABEL_SAMPLE = '150ms ×2';
/** A finding's glyph shows each thing it is on, side by side: a short edge, a node's `!`, a frame. */
export const FINDING_PART_WIDTH: Record<MarkedThing, number> = { call: 28, node: 14, petal: 18 };
export const FINDING_PART_GAP = 5;
const GLYPH_WIDTH: Record<Exclude<LegendGlyph, 'finding'>, number> = {
  route: 28,
  parallel: 28,
  conditional: 28,
  label: Math.ceil(textWidth(LABEL_SAMPLE, FONTS.edgeLabel)) + 24,
};
const TEXT_GAP = 6;
const ITEM_GAP = 22;

const TEXTS: Record<Exclude<LegendGlyph, 'finding'>, string> = {
  route: 'each request takes one route',
  parallel: 'calls made in parallel',
  conditional: 'on some requests only (share, on miss)',
  label: 'timeout × attempts',
};

/** What the label item says when some call carries the resilience glyph. */
const LABEL_WITH_RESILIENCE = `${TEXTS.label}; ${RESILIENCE_GLYPH} breaker, retry budget, bulkhead or fallback`;

const MARKS: Mark[] = ['error', 'warning', 'info'];

interface Entry {
  glyph: LegendGlyph;
  width: number;
  text: string;
  finding?: LegendItem['finding'];
}

function conventions(drawn: Drawn): Entry[] {
  const { edges, junctions } = drawn;
  const used: Exclude<LegendGlyph, 'finding'>[] = [];
  if (junctions.some((j) => j.kind === 'route')) used.push('route');
  if (junctions.some((j) => j.kind === 'parallel')) used.push('parallel');
  if (edges.some((e) => e.dashed)) used.push('conditional');
  if (edges.length > 0) used.push('label');
  const guarded = edges.some((e) => e.label?.text.startsWith(RESILIENCE_GLYPH));
  return used.map((glyph) => ({
    glyph,
    width: GLYPH_WIDTH[glyph],
    text: glyph === 'label' && guarded ? LABEL_WITH_RESILIENCE : TEXTS[glyph],
  }));
}

/** `a call or service`, `a call, service or petal`. */
function aOneOf(words: string[]): string {
  return `a ${words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`}`;
}

/** One entry per severity marked on the picture, naming what it is marked on. */
function findingEntries(drawn: Drawn): Entry[] {
  return MARKS.flatMap((mark): Entry[] => {
    const calls = drawn.edges.some((e) => e.mark === mark);
    const nodeKinds = [...new Set(drawn.nodes.filter((n) => n.mark === mark).map((n) => n.kind))];
    const petals = drawn.groups.some((g) => g.mark === mark);
    const on: MarkedThing[] = [
      ...(calls ? (['call'] as const) : []),
      ...(nodeKinds.length > 0 ? (['node'] as const) : []),
      ...(petals ? (['petal'] as const) : []),
    ];
    if (on.length === 0) return [];
    const words = [...(calls ? ['call'] : []), ...nodeKinds, ...(petals ? ['petal'] : [])];
    const width = on.reduce((w, thing) => w + FINDING_PART_WIDTH[thing], 0) + FINDING_PART_GAP * (on.length - 1);
    return [{ glyph: 'finding', width, text: `${mark} found on ${aOneOf(words)}`, finding: { mark, on } }];
  });
}

/** Items laid out from (left, top), wrapping before `maxWidth`; and the height they take. */
export function legendFor(drawn: Drawn, left: number, top: number, maxWidth: number): { items: LegendItem[]; height: number } {
  const items: LegendItem[] = [];
  let x = left;
  let row = 0;
  for (const entry of [...conventions(drawn), ...findingEntries(drawn)]) {
    const width = entry.width + TEXT_GAP + textWidth(entry.text, FONTS.legend);
    if (x > left && x + width > left + maxWidth) {
      x = left;
      row += 1;
    }
    const middle = top + row * LEGEND_ROW_HEIGHT + LEGEND_ROW_HEIGHT / 2;
    items.push({
      glyph: entry.glyph,
      box: { x, y: middle - GLYPH_HEIGHT / 2, width: entry.width, height: GLYPH_HEIGHT },
      text: { text: entry.text, x: x + entry.width + TEXT_GAP, y: Math.round((middle + ascent('legend') / 2) * 10) / 10 },
      ...(entry.finding ? { finding: entry.finding } : {}),
    });
    x += width + ITEM_GAP;
  }
  return { items, height: items.length === 0 ? 0 : (row + 1) * LEGEND_ROW_HEIGHT };
}
