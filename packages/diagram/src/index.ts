// @topo/diagram: the topology drawn from the model. Model → ELK graph → elkjs layered
// layout (in a worker) → Layout → SVG. Everything but the ELK run is a pure function.
export type * from './layout-types.js';
export { DEFAULT_GROUP_BY, GROUP_BY_VALUES } from './layout-types.js';
export { buildElkGraph, DiagramTooLargeError, MAX_DIAGRAM_EDGES, MAX_DIAGRAM_NODES } from './elk-graph.js';
export { createElk, type ElkApi } from './elk-engine.js';
export { drawDiagram, type DrawDiagramOptions, type DrawnDiagram } from './draw.js';
export { layoutDiagram, type LayoutDiagramOptions } from './layout.js';
export { renderSvg, type RenderOptions } from './render-svg.js';
export { TOKENS as THEME_TOKENS, type ColorMode } from './theme.js';
