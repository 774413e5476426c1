// What a person does in the VS Code workbench, through its DOM: the command
// palette, Quick Open, the Problems panel and webviews. The selectors are those
// of the VS Code that code-server 4.96 ships.
import path from 'node:path';
import { errors, type Frame, type Locator, type Page } from 'playwright-core';

const quickInput = '.quick-input-widget';

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The quick input's row whose label is exactly `label` (highlights and keybindings aside). */
function quickInputRow(page: Page, label: string): Locator {
  return page
    .locator(`${quickInput} .quick-input-list .monaco-list-row`)
    .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
    .first();
}

/** How long the palette may take to take the text, tried again every PALETTE_RETRY_MS meanwhile. */
const PALETTE_OPEN_MS = 30_000;
const PALETTE_RETRY_MS = 3_000;

/**
 * Opens the quick input with F1 and replaces its `>` with `text`. On a loaded machine the
 * palette can open late, or close as it opens when a webview that is still drawing takes the
 * focus: so F1 is pressed only while it is closed, and the text typed again until it holds.
 */
async function typeInQuickInput(page: Page, text: string): Promise<void> {
  const box = page.locator(`${quickInput} .quick-input-box input`);
  const deadline = Date.now() + PALETTE_OPEN_MS;
  for (;;) {
    if (!(await box.isVisible())) await openPalette(page, box);
    try {
      await box.fill(text, { timeout: PALETTE_RETRY_MS });
      return;
    } catch (error) {
      if (!(error instanceof errors.TimeoutError) || Date.now() >= deadline) throw error;
    }
  }
}

async function openPalette(page: Page, box: Locator): Promise<void> {
  await page.keyboard.press('F1');
  if (await appears(box, PALETTE_RETRY_MS)) return;
  // The keys went to a webview's frame, which keeps the focus after a click on its tab:
  // take the focus back to the workbench's own document, and ask again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  if (!(await box.isVisible())) await page.keyboard.press('F1');
}

async function appears(locator: Locator, timeout: number): Promise<boolean> {
  try {
    await locator.waitFor({ timeout });
    return true;
  } catch (error) {
    if (error instanceof errors.TimeoutError) return false;
    throw error;
  }
}

/**
 * Runs a command from the palette (F1) by its exact label, e.g.
 * "Markdown: Open Preview to the Side". A command whose `when` clause depends
 * on state an extension sets (after it activates, say) may be missing at
 * first, so a missing command is looked for again until `timeout`.
 */
export async function runCommand(page: Page, label: string, timeout = 30_000): Promise<void> {
  const row = quickInputRow(page, label);
  const deadline = Date.now() + timeout;
  for (;;) {
    await typeInQuickInput(page, `>${label}`);
    if (await appears(row, Math.min(2_000, Math.max(deadline - Date.now(), 1)))) break;
    await page.keyboard.press('Escape');
    if (Date.now() >= deadline) throw new Error(`no command "${label}" in the palette within ${timeout} ms`);
  }
  await row.click();
}

/** Picks the item labelled `label` in a quick pick a command opened (a scenario, a file kind...). */
export async function pickQuickItem(page: Page, label: string, timeout = 10_000): Promise<void> {
  await quickInputRow(page, label).click({ timeout });
}

/** Opens a file of the workspace through Quick Open, by its path relative to the folder. */
export async function openFile(page: Page, relativePath: string, timeout = 30_000): Promise<void> {
  const name = path.posix.basename(relativePath);
  await typeInQuickInput(page, relativePath);
  await quickInputRow(page, name).click({ timeout });
  await page.locator(`.tab.active[data-resource-name=${JSON.stringify(name)}]`).waitFor({ timeout });
}

export interface Problem {
  /** The file's name as the panel shows it. */
  file: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

/**
 * The problems the Problems panel lists, opening the panel (which takes the
 * keyboard focus) if it is hidden. Only rows the panel has rendered are read:
 * enough for the handful a test makes.
 */
export async function readProblems(page: Page): Promise<Problem[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await runCommand(page, 'Problems: Focus on Problems View');
    await panel.waitFor();
  }
  return panel.locator('.monaco-list-row').evaluateAll((rows) => {
    const byIndex = rows.toSorted((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
    const problems: Problem[] = [];
    let file = '';
    for (const row of byIndex) {
      const text = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
      // Level 1 rows are files; the problems in each are the level 2 rows below it.
      if (row.getAttribute('aria-level') === '1') {
        file = text('.label-name');
        continue;
      }
      const icon = row.querySelector('.marker-icon');
      const at = /Ln (\d+), Col (\d+)/.exec(text('.marker-line'));
      problems.push({
        file,
        severity: (['error', 'warning', 'info'] as const).find((kind) => icon?.classList.contains(kind)) ?? 'info',
        message: text('.marker-message'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        line: Number(at?.[1]),
        column: Number(at?.[2]),
      });
    }
    return problems;
  });
}

/** Reads the Problems panel until `done` holds for what it lists (diagnostics arrive asynchronously). */
export async function waitForProblems(
  page: Page,
  done: (problems: Problem[]) => boolean,
  timeout = 30_000,
): Promise<Problem[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const problems = await readProblems(page);
    if (done(problems)) return problems;
    if (Date.now() >= deadline) {
      throw new Error(`the Problems panel did not reach the expected state within ${timeout} ms; it lists ${JSON.stringify(problems)}`);
    }
    await page.waitForTimeout(250);
  }
}

/**
 * The frame of a webview whose content has an element matching `selector`.
 * A webview is an iframe holding another iframe with the content; both are in
 * page.frames(), found wherever Chromium put them (in or out of process).
 */
export async function findWebviewFrame(page: Page, selector: string, timeout = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      // A frame can be detached while it is looked at: that one has no content.
      const element = await frame.$(selector).catch(() => null);
      if (element) {
        await element.dispose();
        return frame;
      }
    }
    if (Date.now() >= deadline) throw new Error(`no webview shows ${selector} within ${timeout} ms`);
    await page.waitForTimeout(200);
  }
}
