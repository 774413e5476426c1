// layoutDiagram: model → ELK graph → elkjs (in a worker) → a Layout in absolute
// coordinates, with findings marked on the nodes, edges and petals they belong to.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Model } from '@topo/model';
import { buildElkGraph } from './elk-graph.js';
import { createElk, type ElkApi } from './elk-engine.js';
import { fromElk } from './elk-result.js';
import { markFindings } from './findings.js';
import { DEFAULT_GROUP_BY, type DiagramOptions, type Layout } from './layout-types.js';

export interface LayoutDiagramOptions extends DiagramOptions {
  /** An engine to reuse (the caller terminates it); otherwise one worker per call. */
  elk?: ElkApi;
  /** Gives up when aborted, stopping the worker if it is this call's own. */
  signal?: AbortSignal;
}

export async function layoutDiagram(model: Model, options: LayoutDiagramOptions = {}): Promise<Layout> {
  const graph = buildElkGraph(model, options.groupBy ?? DEFAULT_GROUP_BY);
  const marks = markFindings(model, options.findings ?? []);
  const { signal } = options;
  signal?.throwIfAborted();
  const elk = options.elk ?? createElk();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const key = layoutKey(graph.elk);
    const laidOut = recentLayouts.get(key) ?? (await Promise.race([layoutOrUnpartitioned(elk, graph.elk), aborted]));
    remember(key, laidOut);
    return fromElk(model, graph, laidOut, marks);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    if (!options.elk) elk.terminateWorker();
  }
}

/**
 * The last layouts, by their graph without its texts. ELK is deterministic and places boxes
 * by their sizes, not their words, so an edit that changes no box or label size — a
 * scenario, a work time, a comment, a timeout of as many digits — lays out as before: the
 * editor's preview then skips ELK, most of its time. The texts come from the graph drawn.
 */
const recentLayouts = new Map<string, ElkNode>();
export const RECENT_LAYOUTS = 8;

function layoutKey(graph: ElkNode): string {
  return JSON.stringify(graph, (key, value: unknown) => (key === 'text' ? undefined : value));
}

/** Keeps a layout as the most recent, forgetting the oldest beyond RECENT_LAYOUTS. */
function remember(key: string, laidOut: ElkNode): void {
  recentLayouts.delete(key);
  recentLayouts.set(key, laidOut);
  if (recentLayouts.size > RECENT_LAYOUTS) recentLayouts.delete(recentLayouts.keys().next().value!);
}

/**
 * ELK's layered partitioning throws on some cyclic graphs (parallel forks around a cycle, as
 * a design being typed may have). Rather than show no picture, lay it out again without the
 * partitions: the layers then follow the calls instead of the lanes.
 */
async function layoutOrUnpartitioned(elk: ElkApi, graph: ElkNode): Promise<ElkNode> {
  try {
    return await elk.layout(graph);
  } catch {
    return elk.layout({ ...graph, layoutOptions: { ...graph.layoutOptions, 'elk.partitioning.activate': 'false' } });
  }
}
