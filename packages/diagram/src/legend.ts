// The legend under the picture: one item per convention the picture uses (routes,
// parallel groups, conditional calls, edge labels), in rows that wrap at the given width.
import { RESILIENCE_GLYPH } from './call-labels.js';
import type { LayoutEdge, LayoutJunction, LegendGlyph, LegendItem } from './layout-types.js';
import { textWidth } from './text-metrics.js';
import { ascent, FONTS, LEGEND_ROW_HEIGHT } from './typography.js';

const GLYPH_HEIGHT = 12;
/** The label glyph is a sample edge with a label on it. */
export const LABEL_SAMPLE = '150ms ×2';
const GLYPH_WIDTH: Record<LegendGlyph, number> = {
  route: 28,
  parallel: 28,
  conditional: 28,
  label: Math.ceil(textWidth(LABEL_SAMPLE, FONTS.edgeLabel)) + 24,
};
const TEXT_GAP = 6;
const ITEM_GAP = 22;

const TEXTS: Record<LegendGlyph, string> = {
  route: 'each request takes one route',
  parallel: 'calls made in parallel',
  conditional: 'on some requests only (share, on miss)',
  label: 'timeout × attempts',
};

/** What the label item says when some call carries the resilience glyph. */
const LABEL_WITH_RESILIENCE = `${TEXTS.label}; ${RESILIENCE_GLYPH} breaker, retry budget, bulkhead or fallback`;

function glyphsUsed(edges: LayoutEdge[], junctions: LayoutJunction[]): LegendGlyph[] {
  const used: LegendGlyph[] = [];
  if (junctions.some((j) => j.kind === 'route')) used.push('route');
  if (junctions.some((j) => j.kind === 'parallel')) used.push('parallel');
  if (edges.some((e) => e.dashed)) used.push('conditional');
  if (edges.length > 0) used.push('label');
  return used;
}

/** Items laid out from (left, top), wrapping before `maxWidth`; and the height they take. */
export function legendFor(
  edges: LayoutEdge[],
  junctions: LayoutJunction[],
  left: number,
  top: number,
  maxWidth: number,
): { items: LegendItem[]; height: number } {
  const items: LegendItem[] = [];
  let x = left;
  let row = 0;
  const guarded = edges.some((e) => e.label?.text.startsWith(RESILIENCE_GLYPH));
  for (const glyph of glyphsUsed(edges, junctions)) {
    const text = glyph === 'label' && guarded ? LABEL_WITH_RESILIENCE : TEXTS[glyph];
    const width = GLYPH_WIDTH[glyph] + TEXT_GAP + textWidth(text, FONTS.legend);
    if (x > left && x + width > left + maxWidth) {
      x = left;
      row += 1;
    }
    const middle = top + row * LEGEND_ROW_HEIGHT + LEGEND_ROW_HEIGHT / 2;
    items.push({
      glyph,
      box: { x, y: middle - GLYPH_HEIGHT / 2, width: GLYPH_WIDTH[glyph], height: GLYPH_HEIGHT },
      text: { text, x: x + GLYPH_WIDTH[glyph] + TEXT_GAP, y: Math.round((middle + ascent('legend') / 2) * 10) / 10 },
    });
    x += width + ITEM_GAP;
  }
  return { items, height: items.length === 0 ? 0 : (row + 1) * LEGEND_ROW_HEIGHT };
}
