// A laid-out ELK graph → Layout: ELK's coordinates (relative to each parent, edges relative
// to the node elkjs chose to hold them) made absolute, below a header, above a legend.
import type { ElkEdgeSection, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Model } from '@topo/model';
import { callLabel, callTooltip, isConditional } from './call-labels.js';
import { edgeId, type DiagramGraph } from './elk-graph.js';
import { UNMARKED, type Marks } from './findings.js';
import type { Box, Layout, LayoutEdge, LayoutGroup, LayoutJunction, LayoutNode, Point, TextLine } from './layout-types.js';
import { legendFor } from './legend.js';
import { textWidth } from './text-metrics.js';
import { ascent, FONTS, GROUP_PAD, LEGEND_GAP, MARGIN } from './typography.js';

/** Coordinates to a tenth of a pixel: enough for a picture, and stable text in the SVG. */
const r = (v: number) => Math.round(v * 10) / 10;

/** Absolute top-left corners of every node, compound or not, by id. */
function absoluteOrigins(root: ElkNode, origin: Point): Map<string, Point> {
  const origins = new Map<string, Point>([[root.id, origin]]);
  const visit = (node: ElkNode, at: Point) => {
    for (const child of node.children ?? []) {
      const p = { x: at.x + (child.x ?? 0), y: at.y + (child.y ?? 0) };
      origins.set(child.id, p);
      visit(child, p);
    }
  };
  visit(root, origin);
  return origins;
}

function allNodes(root: ElkNode): ElkNode[] {
  return (root.children ?? []).flatMap((c) => [c, ...allNodes(c)]);
}

function sectionPoints(section: ElkEdgeSection, at: Point): Point[] {
  return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({
    x: r(at.x + p.x),
    y: r(at.y + p.y),
  }));
}

/**
 * ELK's routes through a compound node's border can be off by half a pixel (a segment
 * from y=97 to y=96.5); snap such near-misses so every segment is horizontal or vertical.
 */
export function straighten(points: Point[]): Point[] {
  const out = points.map((p) => ({ ...p }));
  for (let i = 1; i < out.length; i++) {
    const [a, b] = [out[i - 1]!, out[i]!];
    const dx = Math.abs(a.x - b.x);
    const dy = Math.abs(a.y - b.y);
    if (dy > 0 && dy <= 1 && dx > dy) b.y = a.y;
    else if (dx > 0 && dx <= 1 && dy > dx) b.x = a.x;
  }
  return out;
}

/** A step this small just before an arrow reads as a kink rather than a turn. */
const END_JOG = 16;
/** How far an arrow stays from another into the same node, and from the node's corners. */
const ARROW_CLEARANCE = 8;

/**
 * ELK spreads the edges into a node along its side and takes the step to each one's spot
 * after the label, just before the arrow: a small kink. Where the line before that step
 * already meets the side, clear of the corners and of the other arrows into the node, it
 * runs straight in instead — unless the label sits on the last stretch, which would leave it.
 */
export function withoutEndJog(points: Point[], target: Box, otherEnds: Point[], label?: Box): Point[] {
  if (points.length < 4) return points;
  const [a, b, c, d] = points.slice(-4) as [Point, Point, Point, Point];
  const jog = Math.abs(b.y - c.y);
  if (a.y !== b.y || b.x !== c.x || c.y !== d.y || jog === 0 || jog > END_JOG) return points;
  const onSide = b.y >= target.y + ARROW_CLEARANCE && b.y <= target.y + target.height - ARROW_CLEARANCE;
  const clear = otherEnds.every((e) => Math.abs(e.y - b.y) >= ARROW_CLEARANCE || Math.abs(e.x - d.x) > 1);
  const labelOnLast =
    label !== undefined &&
    label.y <= c.y &&
    c.y <= label.y + label.height &&
    label.x < Math.max(c.x, d.x) &&
    Math.min(c.x, d.x) < label.x + label.width;
  return onSide && clear && !labelOnLast ? [...points.slice(0, -3), { x: d.x, y: b.y }] : points;
}

/** Each edge without its end jog, checked against the arrows already in place. */
function withoutEndJogs(edges: LayoutEdge[], boxOf: (id: string) => Box): LayoutEdge[] {
  const out = [...edges];
  // The edges into each node, by index: a node's arrows are compared with one another only.
  const into = new Map<string, number[]>();
  out.forEach((e, i) => {
    const list = into.get(e.target);
    if (list) list.push(i);
    else into.set(e.target, [i]);
  });
  out.forEach((e, i) => {
    const otherEnds = into
      .get(e.target)!
      .filter((j) => j !== i && out[j]!.points.length > 0)
      .map((j) => out[j]!.points.at(-1)!);
    out[i] = { ...e, points: withoutEndJog(e.points, boxOf(e.target), otherEnds, e.label) };
  });
  return out;
}

/** A label on a group takes its fill, so it does not stand out as a white pill on it. */
function withGround<L extends Box & { text: string }>(groups: LayoutGroup[], label: L): L & { within?: LayoutGroup['kind'] } {
  const cx = label.x + label.width / 2;
  const cy = label.y + label.height / 2;
  const ground = groups.find((g) => cx >= g.x && cx <= g.x + g.width && cy >= g.y && cy <= g.y + g.height);
  return ground ? { ...label, within: ground.kind } : label;
}

/** The laid-out ELK graph as a Layout: absolute coordinates, a header above, a legend below. */
export function fromElk(model: Model, graph: DiagramGraph, laidOut: ElkNode, marks: Marks): Layout {
  const header = headerOf(model);
  const origin = { x: MARGIN, y: MARGIN + header.height };
  const origins = absoluteOrigins(laidOut, origin);
  const elkNodes = new Map(allNodes(laidOut).map((n) => [n.id, n]));
  const boxOf = (id: string): Box => {
    const n = elkNodes.get(id)!;
    const at = origins.get(id)!;
    return { x: r(at.x), y: r(at.y), width: r(n.width ?? 0), height: r(n.height ?? 0) };
  };

  const laneBox = (members: string[]): Box => {
    const boxes = members.map(boxOf);
    const left = Math.min(...boxes.map((b) => b.x)) - GROUP_PAD;
    const right = Math.max(...boxes.map((b) => b.x + b.width)) + GROUP_PAD;
    return { x: r(left), y: origin.y, width: r(right - left), height: r(laidOut.height ?? 0) };
  };
  const groups: LayoutGroup[] = graph.groups.map((g) => {
    const box = g.lane ? laneBox(g.members) : boxOf(g.id);
    return {
      id: g.id,
      kind: g.kind,
      ...box,
      label: {
        text: g.label,
        x: r(box.x + GROUP_PAD),
        y: r(box.y + GROUP_PAD / 2 + 4 + ascent('groupLabel')),
      },
      members: g.members,
      tooltip: g.tooltip,
      ...((g.petal !== undefined && marks.petals.get(g.petal)) || UNMARKED),
    };
  });

  const nodes: LayoutNode[] = [...graph.drafts.values()].map((d) => {
    const box = boxOf(d.id);
    const text = (t: { text: string; dx: number; dy: number }) => ({ text: t.text, x: r(box.x + t.dx), y: r(box.y + t.dy) });
    return {
      id: d.id,
      kind: d.kind,
      layer: d.layer,
      shape: d.shape,
      ...box,
      caption: text(d.caption),
      name: text(d.name),
      detail: text(d.detail),
      badge: d.badge && {
        text: d.badge.text,
        x: r(box.x + d.badge.dx),
        y: r(box.y + d.badge.dy),
        width: r(d.badge.width),
        height: d.badge.height,
      },
      tooltip: d.tooltip,
      ...(marks.components.get(d.id) ?? UNMARKED),
    };
  });

  const elkEdges = new Map((laidOut.edges ?? []).map((e) => [e.id, e]));
  const routed: LayoutEdge[] = graph.calls.map((call) => {
    const e = elkEdges.get(edgeId(call))!;
    // elkjs gives an edge's coordinates relative to the node it chose to hold the edge.
    const at = origins.get((e as { container?: string }).container ?? 'root') ?? origin;
    const points = straighten((e.sections ?? []).flatMap((s) => sectionPoints(s, at)));
    const label = e.labels?.[0];
    return {
      callId: call.id,
      source: call.from,
      target: call.target,
      group: call.group,
      dashed: isConditional(call),
      points,
      label: label && withGround(groups, {
        // From the call, not ELK's copy: a layout is reused for text of the same size (layout.ts).
        text: callLabel(call),
        x: r(at.x + (label.x ?? 0)),
        y: r(at.y + (label.y ?? 0)),
        width: r(label.width ?? 0),
        height: r(label.height ?? 0),
      }),
      tooltip: callTooltip(call),
      ...(marks.calls.get(call.id) ?? UNMARKED),
    };
  });

  const edges = withoutEndJogs(routed, boxOf);

  const junctions: LayoutJunction[] = graph.junctions.map((j) => {
    const owner = origins.get(j.owner)!;
    const port = elkNodes.get(j.owner)!.ports!.find((p) => p.id === j.id)!;
    const targets = j.calls.map((c) => c.target).join(', ');
    return {
      owner: j.owner,
      kind: j.kind,
      x: r(owner.x + (port.x ?? 0)),
      y: r(owner.y + (port.y ?? 0)),
      width: port.width ?? 0,
      height: port.height ?? 0,
      tooltip:
        j.kind === 'parallel'
          ? `${j.owner} calls ${targets} in parallel and waits for all`
          : `${j.owner} sends each request down one route: ${targets}`,
    };
  });

  const graphWidth = laidOut.width ?? 0;
  const graphBottom = origin.y + (laidOut.height ?? 0);
  const legend = legendFor({ edges, junctions, nodes, groups }, MARGIN, graphBottom + LEGEND_GAP, Math.max(graphWidth, 480));
  const right = Math.max(
    MARGIN + graphWidth,
    MARGIN + header.width,
    ...legend.items.map((i) => i.text.x + textWidth(i.text.text, FONTS.legend)),
  );
  return {
    width: Math.ceil(right + MARGIN),
    height: Math.ceil((legend.height > 0 ? graphBottom + LEGEND_GAP + legend.height : graphBottom) + MARGIN),
    title: header.title,
    subtitle: header.subtitle,
    legend: legend.items,
    groups,
    nodes,
    edges,
    junctions,
  };
}

/** The architecture's name, and its description under it when it has one. */
function headerOf(model: Model): { title: TextLine; subtitle?: TextLine; width: number; height: number } {
  const title = { text: model.name, x: MARGIN, y: r(MARGIN + ascent('title')) };
  if (!model.description) return { title, width: textWidth(model.name, FONTS.title), height: 36 };
  const subtitle = { text: model.description, x: MARGIN, y: r(title.y + 20) };
  const width = Math.max(textWidth(model.name, FONTS.title), textWidth(model.description, FONTS.subtitle));
  return { title, subtitle, width, height: 56 };
}
