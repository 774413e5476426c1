// Font sizes and the spacing inside shapes, shared by the layout (which measures) and the
// renderer (which draws), so what ELK was told is what the SVG shows.
import type { FontSpec } from './text-metrics.js';

export const FONTS = {
  title: { size: 16, bold: true },
  subtitle: { size: 12 },
  caption: { size: 9, bold: true },
  name: { size: 13, bold: true },
  detail: { size: 11 },
  badge: { size: 9 },
  edgeLabel: { size: 10.5 },
  groupLabel: { size: 11, bold: true },
  legend: { size: 10.5 },
} satisfies Record<string, FontSpec>;

export type FontRole = keyof typeof FONTS;

/** Inner padding of a node; the edge-service tag and the cache's pins add their own. */
export const NODE_PAD_X = 12;
export const NODE_PAD_Y = 9;
export const NODE_MIN_WIDTH = 132;
export const BADGE_HEIGHT = 14;
export const BADGE_PAD_X = 5;
/** Gap between a badge and the right edge of its node. */
export const BADGE_INSET = 8;
/** How far the edge-service tag's point reaches in from the left. */
export const TAG_DEPTH = 10;
/** Half-height of the ellipses that close a datastore's cylinder. */
export const CYLINDER_RY = 7;
/** Length of the memory-chip pins along a cache's top and bottom. */
export const PIN_LENGTH = 4;
export const EDGE_LABEL_PAD_X = 4;
export const EDGE_LABEL_HEIGHT = 15;
export const GROUP_LABEL_HEIGHT = 22;
/** Space between a group's frame and its members. */
export const GROUP_PAD = 14;
export const LEGEND_ROW_HEIGHT = 20;
export const LEGEND_GAP = 14;
export const MARGIN = 16;

/** Distance from a line's top to its baseline, roughly the font's ascent. */
export function ascent(role: FontRole): number {
  return FONTS[role].size * 0.76;
}
