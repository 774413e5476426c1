// What the e2e files that drive the Topo extension share: the .vsix `npm run package` left
// at the repository root, and the hooks around a session (a screenshot of a failed test,
// closing VS Code and deleting the work folder at the end).
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import { repoRoot } from './code-server.js';
import type { VSCodeSession } from './harness.js';

export async function topoVsixPath(): Promise<string> {
  const { name, version } = JSON.parse(await readFile(path.join(repoRoot, 'packages/vscode/package.json'), 'utf8'));
  const vsix = path.join(repoRoot, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run npm run package first (npm run test:e2e does)`);
  return vsix;
}

/**
 * Registers, in the calling describe, a screenshot of what the workbench showed when a test
 * failed (test-results/<name>/failed-<test>.png) and, after all, closing the session and
 * removing the work folder. `current` gives them as beforeAll left them.
 */
export function sessionHooks(current: () => { vscode?: VSCodeSession; work?: string }): void {
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      await current().vscode?.screenshot(`failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`);
    });
  });
  afterAll(async () => {
    const { vscode, work } = current();
    await vscode?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });
}
