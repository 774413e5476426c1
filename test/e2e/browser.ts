// Debian's Chromium driven by playwright-core: no browser download happens.
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The network is closed here: without the background-networking flags Chromium
// keeps opening connections that are refused. --no-sandbox because CI runs as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches headless Chromium. `configHome` becomes its XDG_CONFIG_HOME, where
 * it would otherwise leave crash-report folders in the real home.
 */
export function launchChromium(configHome: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: { ...process.env, XDG_CONFIG_HOME: configHome },
  });
}

export interface WorkbenchTimes {
  /** Milliseconds from navigation until `.monaco-workbench` is in the page. */
  loadMs: number;
  /** Milliseconds from navigation until the extension host has registered every extension's contributions. */
  readyMs: number;
}

/**
 * Opens VS Code at `url` and waits until its extensions are loaded: before
 * that, the workbench shows no file icons and no extension's commands. VS Code
 * marks that moment with a performance mark (vs/base/common/performance).
 */
export async function openWorkbench(page: Page, url: string): Promise<WorkbenchTimes> {
  const started = Date.now();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const loadMs = Date.now() - started;
  await page.waitForFunction(() => performance.getEntriesByName('code/didLoadExtensions').length > 0, undefined, {
    timeout: 60_000,
  });
  return { loadMs, readyMs: Date.now() - started };
}
