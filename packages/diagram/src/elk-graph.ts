// Model → ELK graph: one node per service, datastore and cache (sized by what it says),
// one edge per call, a port where a parallel group forks or routes branch, compound nodes
// for the chosen grouping. Pure: it builds the JSON, elk-engine.ts runs it.
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Call, Component, Model } from '@topo/model';
import { components } from '@topo/model';
import { callLabel } from './call-labels.js';
import { groupsOf, type GroupSpec } from './groups.js';
import type { GroupBy } from './layout-types.js';
import { nodeDraft, type NodeDraft } from './node-content.js';
import { textWidth } from './text-metrics.js';
import { EDGE_LABEL_HEIGHT, EDGE_LABEL_PAD_X, FONTS, GROUP_LABEL_HEIGHT, GROUP_PAD } from './typography.js';

export interface JunctionSpec {
  id: string;
  owner: string;
  kind: 'parallel' | 'route';
  calls: Call[];
}

export interface DiagramGraph {
  elk: ElkNode;
  drafts: Map<string, NodeDraft>;
  groups: GroupSpec[];
  /** The calls drawn, each as the edge `edgeId(call)`; calls to unknown targets are left out. */
  calls: Call[];
  junctions: JunctionSpec[];
}

/** Beyond this, layout would take minutes: give up and say so. */
export const MAX_DIAGRAM_NODES = 2000;
export const MAX_DIAGRAM_EDGES = 4000;

export class DiagramTooLargeError extends Error {
  constructor(nodes: number, edges: number) {
    super(
      `the model has ${nodes} services, datastores and caches and ${edges} calls; ` +
        `a diagram draws at most ${MAX_DIAGRAM_NODES} components and ${MAX_DIAGRAM_EDGES} calls: ` +
        'split the architecture into smaller files and draw them one by one',
    );
  }
}

export const edgeId = (call: Call) => `call:${call.id}`;
const labelId = (call: Call) => `label:${call.id}`;

/** Flow left to right: edge, esl, services without a layer, sal, then the data. Each
 *  rank holds its own columns, which is what lets layers be drawn as lanes. */
function rankOf(c: Component): number {
  if (c.kind !== 'service') return 4;
  return c.layer === undefined ? 2 : { edge: 0, esl: 1, sal: 3 }[c.layer];
}

/**
 * ELK's partitioning ties every node of one partition to every node of the next: a
 * quadratic number of constraint edges, minutes for a thousand nodes. So ranks map to the
 * even partitions, and between two ranks in use sits an invisible hub in an odd partition,
 * which the constraint edges go through: linear in the nodes, the same order.
 */
const partitionOf = (c: Component) => 2 * rankOf(c);

function hubsBetween(ranks: Set<number>): ElkNode[] {
  const sorted = [...ranks].sort((a, b) => a - b);
  return sorted.slice(1).map((rank) => ({
    id: `hub:${rank}`,
    width: 1,
    height: 1,
    layoutOptions: { 'elk.partitioning.partition': String(2 * rank - 1) },
  }));
}

/**
 * Layered options by graph size. Thoroughness buys fewer crossings at a price that grows
 * with the graph; network-simplex node placement straightens edges but does not finish on
 * a thousand nodes, so it is kept for small pictures.
 */
function sizeOptions(nodes: number): LayoutOptions {
  // Keeping the order of the source costs a third of the time: worth it where a person
  // reads every box, not on a map of hundreds.
  if (nodes <= 60)
    return {
      'elk.layered.thoroughness': '10',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    };
  if (nodes <= 300) return { 'elk.layered.thoroughness': '3', 'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF' };
  return { 'elk.layered.thoroughness': '1', 'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF' };
}

function rootOptions(nodes: number, compound: boolean, lanes: boolean): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    // Room for the lanes' labels above and their frames around.
    'elk.padding': lanes
      ? `[top=${GROUP_LABEL_HEIGHT + GROUP_PAD},left=${GROUP_PAD},bottom=${GROUP_PAD},right=${GROUP_PAD}]`
      : '[top=0,left=0,bottom=0,right=0]',
    'elk.spacing.nodeNode': '26',
    'elk.layered.spacing.nodeNodeBetweenLayers': '48',
    // Also the room between an edge and a group's frame it passes: less reads as the frame.
    'elk.spacing.edgeNode': '20',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.spacing.edgeEdge': '10',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
    'elk.spacing.edgeLabel': '3',
    'elk.spacing.portPort': '16',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.partitioning.activate': 'true',
    // Laid out apart, disconnected parts would not line up in columns.
    'elk.separateConnectedComponents': 'false',
    ...(compound ? { 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' } : {}),
    ...sizeOptions(nodes),
  };
}

function junctionsOf(model: Model, known: Set<string>): JunctionSpec[] {
  const junctions: JunctionSpec[] = [];
  for (const s of model.services) {
    for (const step of s.steps) {
      const calls = (step.kind === 'parallel' ? step.calls : step.kind === 'routes' ? step.routes : []).filter((c) =>
        known.has(c.target),
      );
      if (calls.length < 2) continue;
      const kind = step.kind === 'parallel' ? 'parallel' : 'route';
      junctions.push({ id: `port:${s.name}:${kind}:${junctions.length}`, owner: s.name, kind, calls });
    }
  }
  return junctions;
}

function junctionPort(j: JunctionSpec): ElkPort {
  return {
    id: j.id,
    ...(j.kind === 'parallel' ? { width: 5, height: 18 } : { width: 11, height: 11 }),
    layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.borderOffset': '8' },
  };
}

function edgeOf(call: Call, port: string | undefined): ElkExtendedEdge {
  const text = callLabel(call);
  return {
    id: edgeId(call),
    sources: [port ?? call.from],
    targets: [call.target],
    labels: [
      {
        id: labelId(call),
        text,
        width: Math.ceil(textWidth(text, FONTS.edgeLabel) + 2 * EDGE_LABEL_PAD_X),
        height: EDGE_LABEL_HEIGHT,
        // On the line, which breaks around it: beside it, a label can seem to belong to a neighbour.
        layoutOptions: { 'elk.edgeLabels.inline': 'true' },
      },
    ],
  };
}

export function buildElkGraph(model: Model, groupBy: GroupBy): DiagramGraph {
  const comps = components(model);
  const known = new Set(comps.map((c) => c.name));
  const calls = model.services.flatMap((s) => s.calls).filter((c) => known.has(c.target));
  if (comps.length > MAX_DIAGRAM_NODES || calls.length > MAX_DIAGRAM_EDGES)
    throw new DiagramTooLargeError(comps.length, calls.length);

  const drafts = new Map(comps.map((c) => [c.name, nodeDraft(c, model)]));
  const junctions = junctionsOf(model, known);
  const portOfCall = new Map<number, string>();
  const portsOf = new Map<string, ElkPort[]>();
  for (const j of junctions) {
    for (const c of j.calls) portOfCall.set(c.id, j.id);
    portsOf.set(j.owner, [...(portsOf.get(j.owner) ?? []), junctionPort(j)]);
  }

  const elkNodeOf = (c: Component): ElkNode => {
    const d = drafts.get(c.name)!;
    const ports = portsOf.get(c.name);
    return {
      id: c.name,
      width: d.width,
      height: d.height,
      ...(ports ? { ports } : {}),
      layoutOptions: {
        'elk.partitioning.partition': String(partitionOf(c)),
        ...(ports ? { 'elk.portConstraints': 'FIXED_SIDE' } : {}),
      },
    };
  };

  const groups = groupsOf(model, groupBy);
  const groupOf = new Map<string, GroupSpec>();
  for (const g of groups) if (!g.lane) for (const m of g.members) groupOf.set(m, g);
  const byName = new Map(comps.map((c) => [c.name, c]));
  // Model order, groups where their first member comes: ELK keeps it where it can.
  const groupNode = (g: GroupSpec): ElkNode => ({
    id: g.id,
    labels: [{ text: g.label, width: Math.ceil(textWidth(g.label, FONTS.groupLabel)), height: GROUP_LABEL_HEIGHT }],
    layoutOptions: {
      'elk.partitioning.partition': String(Math.min(...g.members.map((m) => partitionOf(byName.get(m)!)))),
      // ELK adds the label's height to the top padding. An edge that leaves the group runs
      // just inside its bottom: twice the room there keeps it from reading as the frame.
      'elk.padding': `[top=${GROUP_PAD / 2},left=${GROUP_PAD},bottom=${2 * GROUP_PAD},right=${GROUP_PAD}]`,
      'elk.nodeLabels.placement': '[H_CENTER, V_TOP, INSIDE]',
      'elk.nodeSize.constraints': '[NODE_LABELS]',
    },
    children: g.members.map((m) => elkNodeOf(byName.get(m)!)),
  });
  const children: ElkNode[] = [];
  const placed = new Set<GroupSpec>();
  const ranks = new Set<number>();
  for (const c of comps) {
    const g = groupOf.get(c.name);
    ranks.add(rankOf(c));
    if (!g) children.push(elkNodeOf(c));
    else if (!placed.has(g)) {
      placed.add(g);
      children.push(groupNode(g));
    }
  }

  return {
    elk: {
      id: 'root',
      layoutOptions: rootOptions(comps.length, groupOf.size > 0, groups.some((g) => g.lane)),
      children: [...children, ...hubsBetween(ranks)],
      edges: calls.map((c) => edgeOf(c, portOfCall.get(c.id))),
    },
    drafts,
    groups,
    calls,
    junctions,
  };
}
