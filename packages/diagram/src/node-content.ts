// What a node says — caption, name, instances, regions badge, tooltip — and how big it
// must be to say it, measured without a DOM.
import type { Component, Layer, Model } from '@topo/model';
import { formatAutoscale, formatDuration, formatShare, formatSize } from '@topo/model';
import type { NodeShape } from './layout-types.js';
import { textWidth } from './text-metrics.js';
import {
  ascent,
  BADGE_HEIGHT,
  BADGE_INSET,
  BADGE_PAD_X,
  CYLINDER_RY,
  FONTS,
  NODE_MIN_WIDTH,
  NODE_PAD_X,
  NODE_PAD_Y,
  PIN_LENGTH,
  TAG_DEPTH,
} from './typography.js';

interface RelativeText {
  text: string;
  /** Baseline, relative to the node's top left corner. */
  dx: number;
  dy: number;
}

export interface NodeDraft {
  id: string;
  kind: Component['kind'];
  layer?: Layer;
  shape: NodeShape;
  width: number;
  height: number;
  caption: RelativeText;
  name: RelativeText;
  detail: RelativeText;
  badge?: { text: string; dx: number; dy: number; width: number; height: number };
  tooltip: string[];
}

function shapeOf(c: Component): NodeShape {
  if (c.kind === 'datastore') return 'datastore';
  if (c.kind === 'cache') return 'cache';
  return c.layer === 'edge' ? 'edge-service' : 'service';
}

function captionOf(c: Component): string {
  if (c.kind === 'service') return c.layer ? `${c.layer.toUpperCase()} SERVICE` : 'SERVICE';
  return c.engine.toUpperCase();
}

/** `9 × m5.large`, or the autoscaler's range, `2–40 × m5.large`: the count it starts at is passing. */
function instancesOf(c: Component): string {
  if (c.managed) return 'managed';
  const count = c.autoscale ? `${c.autoscale.min}–${c.autoscale.max}` : String(c.instancesPerRegion);
  return `${count} × ${c.instanceType ?? '?'}`;
}

/** The node's instances line: an autoscaled count says so. */
function detailOf(c: Component): string {
  return c.autoscale ? `${instancesOf(c)}, autoscaled` : instancesOf(c);
}

/** Only worth a badge when there is a choice of regions: not for the implicit one. */
function badgeText(c: Component, model: Model): string | undefined {
  if (model.regions.every((r) => r.implicit)) return undefined;
  if (c.regions.length === 0) return undefined;
  return c.regions.length === 1 ? c.regions[0] : `${c.regions.length} regions`;
}

/** The autoscaler in the language's words, for the tooltip; none when it has none. */
function autoscaleLines(c: Component): string[] {
  return c.autoscale ? [`${formatAutoscale(c.autoscale)}, starting at ${c.instancesPerRegion}`] : [];
}

function tooltipOf(c: Component): string[] {
  const where = c.regions.join(', ');
  const owner = c.team ? `, team ${c.team}` : '';
  const lines: string[] = [];
  const work = `work ${formatDuration(c.work.meanMs)} ${c.work.distribution}`;
  switch (c.kind) {
    case 'service':
      lines.push(`${c.name}: ${c.layer ? `${c.layer} ` : ''}service${owner}`);
      lines.push(`${instancesOf(c)} per region in ${where}`);
      lines.push(...autoscaleLines(c));
      lines.push(`${work}, ${c.threads} threads, ${formatSize(c.memoryBytes)} memory`);
      if (c.deadlineMs !== undefined)
        lines.push(`deadline ${formatDuration(c.deadlineMs)}${c.budgetPropagate ? ', budget propagated' : ''}`);
      if (c.owns.length > 0) lines.push(`owns ${c.owns.join(', ')}`);
      break;
    case 'datastore':
      lines.push(`${c.name}: ${c.engine} datastore${owner}`);
      lines.push(c.managed ? `managed, in ${where}` : `${instancesOf(c)} per region in ${where}`);
      lines.push(...autoscaleLines(c));
      if (c.engine === 'cassandra') lines.push(`replication ${c.replication}, read ${c.read}, write ${c.write}`);
      lines.push(work);
      break;
    case 'cache':
      lines.push(`${c.name}: ${c.engine} cache${owner}`);
      lines.push(`${instancesOf(c)} per region in ${where}`);
      lines.push(...autoscaleLines(c));
      lines.push(`hit ${formatShare(c.hit)}, ${work}`);
      break;
  }
  return lines;
}

export function nodeDraft(c: Component, model: Model): NodeDraft {
  const shape = shapeOf(c);
  const inset = {
    left: shape === 'edge-service' ? TAG_DEPTH : 0,
    top: shape === 'datastore' ? 2 * CYLINDER_RY : shape === 'cache' ? PIN_LENGTH : 0,
    bottom: shape === 'datastore' ? CYLINDER_RY : shape === 'cache' ? PIN_LENGTH : 0,
  };
  const caption = captionOf(c);
  const detail = detailOf(c);
  const badge = badgeText(c, model);
  const badgeWidth = badge === undefined ? 0 : textWidth(badge, FONTS.badge) + 2 * BADGE_PAD_X;
  const left = inset.left + NODE_PAD_X;
  const contentWidth = Math.max(
    textWidth(caption, FONTS.caption) + (badge === undefined ? 0 : 10 + badgeWidth),
    textWidth(c.name, FONTS.name),
    textWidth(detail, FONTS.detail),
  );
  const width = Math.ceil(Math.max(NODE_MIN_WIDTH, left + contentWidth + NODE_PAD_X));
  const captionY = inset.top + NODE_PAD_Y + ascent('caption');
  const nameY = captionY + 17;
  const detailY = nameY + 15;
  const height = Math.ceil(detailY + NODE_PAD_Y + 3 + inset.bottom);
  return {
    id: c.name,
    kind: c.kind,
    layer: c.kind === 'service' ? c.layer : undefined,
    shape,
    width,
    height,
    caption: { text: caption, dx: left, dy: captionY },
    name: { text: c.name, dx: left, dy: nameY },
    detail: { text: detail, dx: left, dy: detailY },
    badge:
      badge === undefined
        ? undefined
        : {
            text: badge,
            dx: width - BADGE_INSET - badgeWidth,
            dy: captionY - ascent('caption') - 2.5,
            width: badgeWidth,
            height: BADGE_HEIGHT,
          },
    tooltip: tooltipOf(c),
  };
}
