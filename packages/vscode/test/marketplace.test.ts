// The extension as the Marketplace and Open VSX show it. The .vsix ships, as
// `vsce ls --no-dependencies` lists it (the way scripts/package-vsix.mjs packs), the
// manifest and what it points at, the README, CHANGELOG, LICENSE and third-party notices,
// the bundles and every rule page — no sources, tests, source maps or node_modules (needs
// the bundles of `npm run build`). The README shows every command and setting the manifest
// contributes, and its example is a clean architecture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { parseModelFromString } from '@topo/language';
import { describe, expect, it } from 'vitest';

const extension = join(import.meta.dirname, '..');
const rules = join(extension, '../../docs/rules');

/** The files a build ships, besides those the manifest points at, the rule pages and the split chunks of the server. */
const SHIPPED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'THIRD-PARTY-NOTICES.md',
  'dist/elk-worker.min.js',
  'dist/server.mjs',
  'dist/sweep-worker.mjs',
  'dist/views/views.css',
  'dist/views/views.js',
  'dist/web-worker.mjs',
  'images/compare.png',
  'images/preview.png',
  'package.json',
];

interface Manifest {
  main: string;
  icon: string;
  contributes: {
    languages: { configuration?: string; icon?: { light?: string; dark?: string } }[];
    grammars: { path: string }[];
    snippets: { path: string }[];
    jsonValidation?: { url: string }[];
  };
}

/** The extension's own files the manifest points at: each must ship. */
function pointedAt({ main, icon, contributes: c }: Manifest): string[] {
  const paths = [
    main,
    icon,
    ...c.languages.flatMap((l) => [l.configuration, l.icon?.light, l.icon?.dark]),
    ...c.grammars.map((g) => g.path),
    ...c.snippets.map((s) => s.path),
    ...(c.jsonValidation ?? []).map((j) => j.url),
  ];
  return paths.filter((p): p is string => p !== undefined && !/^[a-z]+:/.test(p)).map((p) => p.replace(/^\.\//, ''));
}

describe('the vsix', () => {
  it('ships exactly the manifest, its documents, the bundles and the rule pages', async () => {
    expect(existsSync(join(extension, 'dist/extension.js')), 'packages/vscode/dist is missing: run npm run build').toBe(true);
    const files = (await listFiles({ cwd: extension, packageManager: PackageManager.None })).map((f) => f.replaceAll('\\', '/')).sort();
    const pages = readdirSync(rules).filter((f) => f.endsWith('.md')).map((f) => `dist/docs/rules/${f}`);
    const chunks = files.filter((f) => /^dist\/chunks\/[\w-]+\.mjs$/.test(f));
    const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as Manifest;
    expect(files).toEqual([...new Set([...SHIPPED, ...pointedAt(manifest), ...pages, ...chunks])].sort());
  });

  it('ships the MIT license the repository has, under the license the manifest names', () => {
    const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(extension, 'LICENSE'), 'utf8')).toBe(readFileSync(join(extension, '../../LICENSE'), 'utf8'));
    expect(readFileSync(join(extension, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Topo contributors\n/);
  });

  it('has a changelog entry for the version the manifest names', () => {
    const { version } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
    expect(readFileSync(join(extension, 'CHANGELOG.md'), 'utf8')).toContain(`## ${version}`);
  });
});

describe('the README', () => {
  const readme = readFileSync(join(extension, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));

  it('shows each command the manifest contributes, by its palette title', () => {
    for (const c of manifest.contributes.commands as { category: string; title: string }[]) expect(readme).toContain(`**${c.category}: ${c.title}**`);
  });

  it('lists each setting with its default', () => {
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties as Record<string, { default: unknown }>)) {
      expect(readme).toContain(`| \`${key}\` | \`${setting.default}\` |`);
    }
  });

  it('shows a screenshot that ships', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images).not.toEqual([]);
    for (const image of images) expect(existsSync(join(extension, image)), image).toBe(true);
  });

  it('opens with an example that checks clean', async () => {
    const example = /```topo\n([\s\S]*?)```/.exec(readme)![1]!;
    const { findings } = await parseModelFromString(example);
    expect(findings.filter((f) => f.severity !== 'hint').map((f) => `${f.code}: ${f.message}`)).toEqual([]);
  });
});
