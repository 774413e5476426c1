// What a laid-out diagram is: plain data, absolute coordinates, everything the SVG renderer
// needs and nothing it has to compute with ELK. The renderer is a pure function of this.
import type { CallGroup, ComponentKind, Finding, Layer } from '@topo/model';

export type GroupBy = 'layer' | 'region' | 'team' | 'petal' | 'none';
export const GROUP_BY_VALUES: readonly GroupBy[] = ['layer', 'region', 'team', 'petal', 'none'];
/** What every surface groups by when not told: petals (a model without any draws no boxes). */
export const DEFAULT_GROUP_BY: GroupBy = 'petal';

export interface DiagramOptions {
  /** Compound boxes drawn around members; DEFAULT_GROUP_BY when left out. */
  groupBy?: GroupBy;
  /** Diagnostics to show on the picture: a finding inside a node's or a call's source colours it. */
  findings?: Finding[];
}

/** The severities the picture shows; hints are left out. */
export type Mark = 'error' | 'warning' | 'info';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Marked {
  /** The worst finding on it, if any. */
  mark?: Mark;
  /** The findings' messages, worst first. */
  messages: string[];
}

export type NodeShape = 'service' | 'edge-service' | 'datastore' | 'cache';

export interface TextLine {
  text: string;
  /** Baseline position, absolute. */
  x: number;
  y: number;
}

export interface LayoutNode extends Box, Marked {
  id: string;
  kind: ComponentKind;
  /** A service's layer, which picks its colour. */
  layer?: Layer;
  shape: NodeShape;
  /** Small capitals above the name: the layer or the engine. */
  caption: TextLine;
  name: TextLine;
  /** `instances × type`, or `managed`. */
  detail: TextLine;
  /** The regions it runs in, as a pill in the top right corner. */
  badge?: Box & { text: string };
  /** Plain-language description for the tooltip. */
  tooltip: string[];
}

export interface LayoutEdge extends Marked {
  /** The call's id in the model. */
  callId: number;
  source: string;
  target: string;
  group: CallGroup;
  /** For `share` and `on miss` calls: they happen on some requests only. */
  dashed: boolean;
  points: Point[];
  /** `within`: the kind of group the label sits on, whose fill its background takes. */
  label?: Box & { text: string; within?: LayoutGroup['kind'] };
  tooltip: string[];
}

/** Where the calls of one parallel group fork, or one service's routes branch. */
export interface LayoutJunction extends Box {
  owner: string;
  kind: 'parallel' | 'route';
  tooltip: string;
}

export interface LayoutGroup extends Box, Marked {
  id: string;
  kind: Exclude<GroupBy, 'none'>;
  label: TextLine;
  members: string[];
  tooltip: string[];
}

/** What the picture's conventions mean, for those it uses; `finding` for its marks. */
export type LegendGlyph = 'route' | 'parallel' | 'conditional' | 'label' | 'finding';

/** What a finding can be drawn on: a call's edge, a node (with a round `!`), a petal's frame. */
export type MarkedThing = 'call' | 'node' | 'petal';

export interface LegendItem {
  glyph: LegendGlyph;
  /** Where the glyph is drawn: a small box left of the text, vertically centred on it. */
  box: Box;
  text: TextLine;
  /** For a `finding` item: its severity and the things the picture marks with it. */
  finding?: { mark: Mark; on: MarkedThing[] };
}

export interface Layout {
  width: number;
  height: number;
  title: TextLine;
  subtitle?: TextLine;
  legend: LegendItem[];
  groups: LayoutGroup[];
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  junctions: LayoutJunction[];
}
