// Bundles the runnable parts with esbuild: the `topo` CLI (and, as packages add them, the
// workers and the VS Code extension). Packages are TypeScript sources; only bundles are built.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { nodeEsmBanner } from './esm-banner.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: nodeEsmBanner },
  // Native addons stay outside the bundle and load from node_modules, and so does
  // web-worker: in Node it starts its worker thread from its own file, which a bundle would
  // replace with the whole CLI.
  external: ['@resvg/resvg-js', 'web-worker'],
};

await build({
  ...common,
  entryPoints: { topo: 'packages/cli/src/topo.ts' },
  outdir: 'packages/cli/dist',
  banner: { js: '#!/usr/bin/env node\n' + nodeEsmBanner },
});
// `topo simulate --sweep-rate` runs its rates on worker threads from this file, next to the CLI.
await build({
  ...common,
  entryPoints: { 'sweep-worker': 'packages/simulator/src/sweep-worker.ts' },
  outdir: 'packages/cli/dist',
});
chmodSync('packages/cli/dist/topo.js', 0o755);

// ── The VS Code extension (packages/vscode/scripts/bundles.mjs): its client, server and
// views bundles, and a copy of the views beside the CLI for `topo report`.
{
  const { buildExtension } = await import('../packages/vscode/scripts/bundles.mjs');
  const { cp } = await import('node:fs/promises');
  await buildExtension();
  await cp('packages/vscode/dist/views', 'packages/cli/dist/views', { recursive: true });
}
