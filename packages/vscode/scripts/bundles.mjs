// The extension's bundles, built by scripts/build.mjs (and by tests that need the views):
//   dist/extension.js  the client: CommonJS, as VS Code 1.96 loads extensions; `vscode` external
//   dist/server.mjs    the language server (ESM, like Langium), with the elkjs and sweep workers beside it
//   dist/views/        views.js and views.css: the webviews (packages/views)
// and the files the manifest and the server point into: the grammar and the rule pages.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeEsmBanner } from '../../../scripts/esm-banner.mjs';
import { buildViews } from '../../views/scripts/bundle.mjs';

const extension = dirname(dirname(fileURLToPath(import.meta.url)));
const repo = join(extension, '../..');
const dist = join(extension, 'dist');
const require = createRequire(import.meta.url);

// jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow: bundle its ESM build.
const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', minify: true, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } };

export async function buildExtension() {
  await build({
    ...node,
    entryPoints: { extension: join(extension, 'src/extension.ts') },
    outdir: dist,
    format: 'cjs',
    external: ['vscode'],
  });
  // The chunks of earlier builds would go into the .vsix too: only this build's stay.
  await rm(join(dist, 'chunks'), { recursive: true, force: true });
  // web-worker starts its worker thread on its own module file (import.meta.url): as an
  // entry of its own it is split into a chunk, so the thread loads that chunk and not the
  // whole server. A sweep's runs go to worker threads on sweep-worker.mjs, which shares the
  // simulator's chunk with the server.
  await build({
    ...node,
    entryPoints: {
      server: join(extension, 'src/server-main.ts'),
      'web-worker': 'web-worker',
      'sweep-worker': join(repo, 'packages/simulator/src/sweep-worker.ts'),
    },
    absWorkingDir: repo,
    outdir: dist,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    banner: { js: nodeEsmBanner },
  });
  await buildViews(join(dist, 'views'));
  await mkdir(join(dist, 'syntaxes'), { recursive: true });
  await Promise.all([
    cp(require.resolve('elkjs/lib/elk-worker.min.js', { paths: [join(repo, 'packages/diagram')] }), join(dist, 'elk-worker.min.js')),
    cp(join(repo, 'syntaxes/topo.tmLanguage.json'), join(dist, 'syntaxes/topo.tmLanguage.json')),
    cp(join(repo, 'docs/rules'), join(dist, 'docs/rules'), { recursive: true }),
  ]);
}
