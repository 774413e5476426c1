// drawDiagram: the steps every surface takes to show a model (the server's preview, `topo
// diagram`, `topo report`): lay it out, render the SVG, and refuse a model too large to draw
// with a message the surface shows rather than an error it must catch.
import type { Finding, Model } from '@topo/model';
import { DiagramTooLargeError } from './elk-graph.js';
import { layoutDiagram, type LayoutDiagramOptions } from './layout.js';
import type { Layout } from './layout-types.js';
import { renderSvg, type RenderOptions } from './render-svg.js';

export type DrawDiagramOptions = Omit<LayoutDiagramOptions, 'findings'> & RenderOptions;

/** The picture and the layout it was drawn from, or why there is none. */
export type DrawnDiagram = { svg: string; layout: Layout; message?: undefined } | { svg?: undefined; layout?: undefined; message: string };

/** `findings` are marked on the picture (a finding inside a node's or a call's source colours it). */
export async function drawDiagram(model: Model, findings: Finding[], options: DrawDiagramOptions = {}): Promise<DrawnDiagram> {
  try {
    const layout = await layoutDiagram(model, { ...options, findings });
    return { svg: renderSvg(layout, options), layout };
  } catch (e) {
    if (e instanceof DiagramTooLargeError) return { message: e.message };
    throw e;
  }
}
