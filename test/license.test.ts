// Topo is MIT-licensed: the LICENSE at the root, and the `license` of every package.json
// (the root's, each workspace's, the extension's, whose vsix ships the LICENSE).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const manifests = ['package.json', ...readdirSync(join(ROOT, 'packages')).map((p) => `packages/${p}/package.json`)];

describe('the license', () => {
  it('is the MIT license of the Topo contributors', () => {
    const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(text).toMatch(/^MIT License\n\nCopyright \(c\) 2026 Topo contributors\n\nPermission is hereby granted, free of charge/);
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it.each(manifests)('%s says MIT', (manifest) => {
    expect(JSON.parse(readFileSync(join(ROOT, manifest), 'utf8')).license).toBe('MIT');
  });

  it('reads every workspace', () => {
    expect(manifests).toEqual(expect.arrayContaining(['packages/cli/package.json', 'packages/vscode/package.json', 'packages/model/package.json']));
  });
});
