// One end-to-end session: a fresh code-server profile (with the given .vsix
// files installed) serving a folder, and headless Chromium showing its
// workbench. Artifacts go to test-results/<name>/: screenshots, code-server's
// output, the browser console, and VS Code's own logs once the session closes.
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWorkbench, type WorkbenchTimes } from './browser.js';
import { installExtension, profileIn, repoRoot, startCodeServer, writeProfile, type CodeServer } from './code-server.js';

export { findWebviewFrame, openFile, pickQuickItem, readProblems, runCommand, waitForProblems } from './workbench.js';
export type { Problem } from './workbench.js';

export interface LaunchOptions {
  /** Names the session's folder under test-results/. */
  name: string;
  /** The folder VS Code opens. */
  folder: string;
  /** .vsix files to install before VS Code starts. */
  extensions?: string[];
  /** User settings, over the harness's quiet defaults. */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
}

export interface VSCodeSession {
  page: Page;
  browser: Browser;
  server: CodeServer;
  /** How long the workbench took to show and to load its extensions. */
  times: WorkbenchTimes;
  resultsDir: string;
  /** Saves a screenshot of the page as test-results/<name>/<file>.png and returns its path. */
  screenshot(file: string): Promise<string>;
  /** Closes the browser, keeps VS Code's logs, stops code-server, deletes the profile. Safe to call twice. */
  close(): Promise<void>;
}

export async function launchVSCode(options: LaunchOptions): Promise<VSCodeSession> {
  const resultsDir = path.join(repoRoot, 'test-results', options.name);
  await mkdir(resultsDir, { recursive: true });
  const profile = profileIn(await mkdtemp(path.join(os.tmpdir(), 'topo-e2e-')));
  // Undone in reverse order by close(), or at once if the launch fails half way.
  const undo: Array<() => Promise<unknown>> = [() => rm(profile.root, { recursive: true, force: true })];
  const close = async () => {
    for (const step of undo.splice(0).reverse()) await step();
  };

  try {
    await writeProfile(profile, options.settings);
    for (const vsix of options.extensions ?? []) installExtension(profile, path.resolve(vsix));

    const server = await startCodeServer(profile, path.resolve(options.folder), path.join(resultsDir, 'code-server.log'));
    undo.push(() => keepVSCodeLogs(profile.userDataDir, resultsDir), () => server.stop());

    const consoleLog = createWriteStream(path.join(resultsDir, 'browser-console.log'));
    undo.push(() => new Promise((resolve) => consoleLog.end(resolve)));
    const browser = await launchChromium(profile.xdgDir);
    undo.push(() => browser.close());
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    page.on('console', (message) => consoleLog.write(`${message.type()}: ${message.text()}\n`));
    page.on('pageerror', (error) => consoleLog.write(`pageerror: ${error.stack ?? error.message}\n`));

    const times = await openWorkbench(page, server.url);
    return {
      page,
      browser,
      server,
      times,
      resultsDir,
      async screenshot(file) {
        const target = path.join(resultsDir, `${file}.png`);
        await page.screenshot({ path: target });
        return target;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Copies VS Code's logs (extension host, language servers' output channels) next to the results. */
async function keepVSCodeLogs(userDataDir: string, resultsDir: string): Promise<void> {
  const logs = path.join(userDataDir, 'logs');
  if (existsSync(logs)) await cp(logs, path.join(resultsDir, 'vscode-logs'), { recursive: true, force: true });
}
