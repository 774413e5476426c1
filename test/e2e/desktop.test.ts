// The extension in desktop VS Code, through @vscode/test-electron, where one is installed:
// VSCODE_EXECUTABLE names its binary (code-server covers the rest of the e2e suite, since
// VS Code desktop cannot be downloaded here). The checks run inside VS Code: desktop/suite.cjs.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './code-server.js';

const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
  console.warn('desktop VS Code tests skipped: set VSCODE_EXECUTABLE to the path of a VS Code binary to run them');
}

describe.skipIf(!executable)('the Topo extension in desktop VS Code (VSCODE_EXECUTABLE)', () => {
  it('checks, previews and simulates the examples', async () => {
    const extension = path.join(repoRoot, 'packages/vscode');
    if (!existsSync(path.join(extension, 'dist/extension.js'))) throw new Error('packages/vscode/dist is missing: run npm run build first');
    const work = await mkdtemp(path.join(os.tmpdir(), 'topo-e2e-desktop-'));
    try {
      const folder = path.join(work, 'examples');
      await cp(path.join(repoRoot, 'examples'), folder, { recursive: true });
      const code = await runTests({
        vscodeExecutablePath: executable!,
        extensionDevelopmentPath: extension,
        extensionTestsPath: path.join(repoRoot, 'test/e2e/desktop/suite.cjs'),
        launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(work, 'user-data')],
      });
      expect(code).toBe(0);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
