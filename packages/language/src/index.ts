export * from './topo-module.js';
export * from './load.js';
export * from './lower.js';
export * from './settings.js';
export { parseConfig, RULE_SETTINGS, TopoConfigError } from './config.js';
export { CONFIGURABLE_RULE_IDS } from './rule-ids.js';
export * from './imports.js';
export { TopoFormatter } from './formatter.js';
export * as ast from './generated/ast.js';
export { formatText } from './format-text.js';
export { rulesFolder } from './rule-docs.js';
export * from './simulation-gate.js';
// What-ifs run the simulator: they are '@topo/language/what-if', so that a command which
// imports this index (and esbuild's split bundle of it) does not load the simulator.
export * from './comparison.js';
export { carbonOfRun, LastRuns, type LastSizing, type RightSizing } from './right-sizing.js';
