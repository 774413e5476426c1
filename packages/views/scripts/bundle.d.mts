// Types of bundle.mjs, for the tests that build the views.
/** Builds views.js and views.css into `outdir` (default: the views package's dist/); resolves to it. */
export function buildViews(outdir?: string): Promise<string>;
