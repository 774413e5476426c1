// The views' bundle, built by scripts/build.mjs (and by tests that need it): views.js (an
// IIFE for the browser) and views.css in dist/. The extension ships a copy in its
// dist/views, the CLI one in a views folder beside its bundle for `topo report`.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const views = dirname(dirname(fileURLToPath(import.meta.url)));

/** views.js and views.css into `outdir`; resolves to it. */
export async function buildViews(outdir = join(views, 'dist')) {
  await build({
    entryPoints: { views: join(views, 'src/main.ts') },
    outdir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  return outdir;
}
