export * from './topo-module.js';
export * from './load.js';
export * from './lower.js';
export * from './settings.js';
export * from './imports.js';
export { TopoFormatter } from './formatter.js';
export * as ast from './generated/ast.js';
export { formatText } from './format-text.js';
