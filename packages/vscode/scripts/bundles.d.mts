// Types of bundles.mjs, for the tests that build the views.
/** Builds views.js and views.css into `outdir` (default: the extension's dist/views); resolves to it. */
export function buildViews(outdir?: string): Promise<string>;
/** Builds the extension's client, server and views bundles and copies their data files into dist/. */
export function buildExtension(): Promise<void>;
