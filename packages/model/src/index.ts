export * from './model.js';
export * from './catalog.js';
export * from './defaults.js';
export * from './units.js';
export * from './lookup.js';
export * from './analysis/index.js';
