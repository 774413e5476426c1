// Editing in the workbench and waiting on webviews, for the Topo extension's e2e tests
// (the harness covers the palette, Quick Open, Problems and finding a webview).
import type { Frame, Page } from 'playwright-core';
import { runCommand } from './harness.js';

/** Replaces line `line` (1-based) of the active editor, its indentation kept, typing `text` as a person would. */
export async function retypeLine(page: Page, line: number, text: string): Promise<void> {
  await runCommand(page, 'View: Focus First Editor Group');
  await page.keyboard.press('Control+G');
  // Ctrl+G opens Quick Open with ':', its go-to-line prefix.
  await page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home'); // to the first non-blank character
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(text, { delay: 25 });
}

/**
 * Runs a palette command and waits until the palette has closed: a command run straight
 * after another could otherwise press F1 while the palette is still closing, and close it.
 */
export async function paletteCommand(page: Page, label: string): Promise<void> {
  await runCommand(page, label);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The cursor position the status bar shows, e.g. "Ln 19, Col 1". */
export async function cursorPosition(page: Page): Promise<string> {
  return ((await page.locator('#status\\.editor\\.selection').textContent()) ?? '').trim();
}

/**
 * Runs `probe(arg)` in a webview's frame every 50 ms until it holds. The probe runs in the
 * page: it sees only its argument.
 */
export async function waitInFrame(frame: Frame, what: string, probe: (arg: string) => boolean, arg: string, timeout = 30_000): Promise<void> {
  await frame.waitForFunction(probe, arg, { timeout, polling: 50 }).catch((error: unknown) => {
    throw new Error(`${what} did not reach the expected state within ${timeout} ms (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  });
}

/**
 * Waits until an edge label from `source` reads `text` in a preview, and gives the time it
 * first did by the page's clock (the test's clock too: one machine). The check runs at every
 * animation frame, so the time is that of the frame that drew it, not of a later poll.
 */
export async function labelShownAt(frame: Frame, what: string, source: string, text: string, timeout = 30_000): Promise<number> {
  const shown = await frame
    .waitForFunction(
      ([id, label]) => Array.from(document.querySelectorAll(`.edge-label[data-source="${id}"] .label`)).some((l) => l.textContent === label) && Date.now(),
      [source, text] as const,
      { timeout, polling: 'raf' },
    )
    .catch((error: unknown) => {
      throw new Error(`${what} did not show ${text} within ${timeout} ms (${error instanceof Error ? error.message.split('\n')[0] : error})`);
    });
  return (await shown.jsonValue()) as number;
}

/** Waits until the workbench has reloaded (Developer: Reload Window) and loaded its extensions again. */
export async function reloadWindow(page: Page): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('code/didLoadExtensions').length > 0, undefined, { timeout: 60_000 });
}

/** Hides the panel (Problems, Output…) if it shows, to leave the editors the room. */
export async function hidePanel(page: Page): Promise<void> {
  if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
}

/**
 * Answers the open or save dialog a command showed. code-server's dialogs are VS Code's
 * simple file dialog: a quick input holding a path, accepted with Enter.
 */
export async function acceptFileDialog(page: Page, filePath: string): Promise<void> {
  const box = page.locator('.quick-input-widget .quick-input-box input');
  // The dialog reuses the palette's input and sets its starting path, maybe more than once
  // while it lists the folder: type the path until it stays.
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value.startsWith('/'));
  for (let attempt = 0; ; attempt++) {
    await box.fill(filePath);
    await page.waitForTimeout(300);
    if ((await box.inputValue()) === filePath) break;
    if (attempt === 10) throw new Error(`the file dialog did not keep the path ${filePath}`);
  }
  await page.keyboard.press('Enter');
}

/** The text of the active editor, as far as Monaco has rendered it (its visible lines). */
export async function editorText(page: Page): Promise<string> {
  return page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .evaluate((lines) => Array.from(lines.querySelectorAll('.view-line'), (l) => l.textContent ?? '').join('\n').replace(/\u00a0/g, ' '));
}
