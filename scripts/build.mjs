// Bundles the runnable parts with esbuild: the `topo` CLI (and, as packages add them, the
// workers and the VS Code extension). Packages are TypeScript sources; only bundles are built.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow: bundle its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// Langium's core imports five names of vscode-languageserver-protocol, whose modules were a
// third of evaluating `topo check`'s code: the CLI's bundle gives the core those names from vscode-jsonrpc
// (langium-core-protocol.mjs). The language server's modules import the protocol itself.
const langiumCoreProtocol = {
  name: 'langium-core-protocol',
  setup(build) {
    const shim = fileURLToPath(new URL('./langium-core-protocol.mjs', import.meta.url));
    build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, (args) =>
      /node_modules\/langium\/lib\/(utils|workspace)\//.test(args.importer) ? { path: shim } : undefined,
    );
  },
};

// Split at the CLI's dynamic imports (packages/cli/src/commands/index.ts): a command loads
// only its own chunks. Chunks of earlier builds that this one did not write are removed.
const cli = await build({
  ...common,
  entryPoints: { topo: 'packages/cli/src/topo.ts' },
  outdir: 'packages/cli/dist',
  banner: { js: '#!/usr/bin/env node\n' + nodeEsmBanner },
  splitting: true,
  chunkNames: 'chunk-[hash]',
  metafile: true,
  plugins: [langiumCoreProtocol],
});
{
  const written = new Set(Object.keys(cli.metafile.outputs).map((out) => basename(out)));
  for (const file of readdirSync('packages/cli/dist')) {
    if (/^chunk-\w+\.js(\.map)?$/.test(file) && !written.has(file)) rmSync(`packages/cli/dist/${file}`, { force: true });
  }
}
// `topo simulate --sweep-rate` runs its rates on worker threads from this file, next to the CLI.
await build({
  ...common,
  entryPoints: { 'sweep-worker': 'packages/simulator/src/sweep-worker.ts' },
  outdir: 'packages/cli/dist',
});
chmodSync('packages/cli/dist/topo.js', 0o755);

// ── The views (packages/views/scripts/bundle.mjs), with a copy beside the CLI for `topo
// report`, and the VS Code extension (packages/vscode/scripts/bundles.mjs): its client,
// server and its own copy of the views.
{
  const { buildViews } = await import('../packages/views/scripts/bundle.mjs');
  const { buildExtension } = await import('../packages/vscode/scripts/bundles.mjs');
  const { cp } = await import('node:fs/promises');
  await cp(await buildViews(), 'packages/cli/dist/views', { recursive: true });
  await buildExtension();
}
