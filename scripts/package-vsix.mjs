// `npm run package`: the VS Code extension as topo-<version>.vsix at the repository root,
// with @vscode/vsce, from the bundles `npm run build` made in packages/vscode/dist.
// Everything is bundled, so vsce packs no node_modules (--no-dependencies); the
// .vscodeignore keeps sources and source maps out.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const extension = join(root, 'packages/vscode');
const { name, version } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const out = join(root, `${name}-${version}.vsix`);

for (const file of ['dist/extension.js', 'dist/server.mjs', 'dist/views/views.js']) {
  if (!existsSync(join(extension, file))) throw new Error(`packages/vscode/${file} is missing: run npm run build first`);
}

const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(
  process.execPath,
  // The LICENSE (MIT) ships beside the manifest. The project has no public repository yet:
  // relative links in the README stay relative, which VS Code and Open VSX resolve inside
  // the extension; once the manifest names a repository, vsce can rewrite them for the
  // Marketplace instead.
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
  { cwd: extension, stdio: 'inherit' },
);
console.log(`${relative(process.cwd(), out) || out}: ${(statSync(out).size / 1024).toFixed(0)} KB`);
