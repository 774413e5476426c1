// The compare view as a user meets it: on the retry storm, "Topo: Compare Simulation with
// Fixed Budgets" runs the scenario that slows the store as written and with its timeout
// budgets fixed, and draws both runs on one timeline beside the table; the chart follows a
// theme change, the view comes back after a reload, the notification stops a long
// comparison, and the "Simulate the fix" quick fix on a timeout-budget error opens the view.
// Screenshots: test-results/compare/ (compare.png is the README's picture).
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './code-server.js';
import { hidePanel, paletteCommand, reloadWindow } from './editor-actions.js';
import { findWebviewFrame, launchVSCode, openFile, pickQuickItem, runCommand, waitForProblems, type Problem, type VSCodeSession } from './harness.js';
import { sessionHooks, topoVsixPath } from './topo-session.js';

/** The retry storm's scenario that slows its store, read from the example so a rename follows. */
async function slowStoreScenario(): Promise<string> {
  const text = await readFile(path.join(repoRoot, 'examples/retry-storm.topo'), 'utf8');
  const name = /scenario (\w+)\s*\{[^}]*chaos slow store/.exec(text)?.[1];
  if (!name) throw new Error('examples/retry-storm.topo has no scenario with `chaos slow store`');
  return name;
}

/** The chart's metrics (goodput, failures, wasted work). */
const METRICS = ['--topo-chart-throughput', '--topo-chart-failed', '--topo-chart-waste'];

/** Colours of the view's theme, as RGB, by their CSS variables. */
function coloursOf(frame: Frame, variables: string[]): Promise<number[][]> {
  return frame.evaluate((variables) => {
    const probe = document.createElement('canvas').getContext('2d')!;
    return variables.map((name) => {
      probe.fillStyle = getComputedStyle(document.body).getPropertyValue(name).trim();
      const hex = /^#(..)(..)(..)$/.exec(probe.fillStyle as string)!;
      return [1, 2, 3].map((i) => parseInt(hex[i]!, 16));
    });
  }, variables);
}

/** Pixels of the compare chart drawn in these colours (by default its metrics'): what its lines cover, whichever run drew them. */
async function inkOf(frame: Frame, colours?: number[][]): Promise<number> {
  return frame.evaluate((colours) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.compare-chart canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 200) continue;
      if (colours.some((c) => c.every((v, k) => Math.abs(v - data[i + k]!) <= 24))) ink++;
    }
    return ink;
  }, colours ?? (await coloursOf(frame, METRICS)));
}

/** Goes to a problem's position in the active editor and picks `title` from its quick fixes (by keyboard: the menu's pointer guard takes clicks). */
async function quickFix(page: Page, problem: Problem, title: string): Promise<void> {
  await paletteCommand(page, 'View: Focus First Editor Group');
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget .quick-input-box input').fill(`:${problem.line}:${problem.column}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+.');
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  await focused.waitFor({ timeout: 15_000 });
  for (let step = 0; !((await focused.textContent()) ?? '').includes(title); step++) {
    if (step === 20) throw new Error(`no quick fix "${title}" at ${problem.line}:${problem.column}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** Switches the workbench to a colour theme picked by its label, and waits until it shows. */
async function colorTheme(page: Page, label: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await pickQuickItem(page, label);
  const kind = label.startsWith('Light') ? 'vs' : 'vs-dark';
  await page.waitForFunction((kind) => document.querySelector('.monaco-workbench')?.classList.contains(kind), kind, { timeout: 10_000 });
}

describe('comparing the retry storm with its budgets fixed, in code-server', () => {
  let work: string;
  let vscode: VSCodeSession;
  let scenario: string;
  let problems: Problem[];

  beforeAll(async () => {
    const vsix = await topoVsixPath();
    scenario = await slowStoreScenario();
    work = await mkdtemp(path.join(os.tmpdir(), 'topo-e2e-compare-'));
    const folder = path.join(work, 'examples');
    await cp(path.join(repoRoot, 'examples'), folder, { recursive: true });
    vscode = await launchVSCode({ name: 'compare', folder, extensions: [vsix], viewport: { width: 1400, height: 900 }, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    await openFile(vscode.page, 'retry-storm.topo');
    problems = await waitForProblems(vscode.page, (list) => list.some((p) => p.code === 'timeout-budget'), 60_000);
  });

  sessionHooks(() => ({ vscode, work }));

  it('runs the slow store as written and with fixed budgets, and draws both runs beside the table', async () => {
    await openFile(vscode.page, 'retry-storm.topo');
    await runCommand(vscode.page, 'Topo: Compare Simulation with Fixed Budgets');
    await pickQuickItem(vscode.page, scenario);
    const view = await findWebviewFrame(vscode.page, '.compare .compare-chart canvas', 120_000);
    expect(await view.locator('.compare h1').textContent()).toBe(`Compare: ${scenario}`);
    expect(await view.locator('table.comparison thead th').allTextContents()).toEqual(['', 'as written', 'budgets fixed', 'change']);
    expect(await view.locator('table.comparison tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await view.locator('table.components tbody tr td.name').allTextContents()).toEqual(['edge', 'middle', 'backend', 'store']);

    // Each run alone covers pixels in the metrics' colours, and both together cover more
    // than either: both are drawn, and neither hides under the other.
    const both = await inkOf(view);
    await view.locator('.run-toggle[data-run="1"]').click();
    const asWritten = await inkOf(view);
    await view.locator('.run-toggle[data-run="1"]').click();
    await view.locator('.run-toggle[data-run="0"]').click();
    expect(await view.locator('.run-toggle[data-run="0"]').getAttribute('aria-pressed')).toBe('false');
    const fixed = await inkOf(view);
    await view.locator('.run-toggle[data-run="0"]').click();
    expect(asWritten).toBeGreaterThan(100);
    expect(fixed).toBeGreaterThan(100);
    expect(both).toBeGreaterThan(Math.max(asWritten, fixed));
    expect(await inkOf(view)).toBe(both);

    // The README's picture: the view on its own, as wide as the window. The keyboard focus
    // goes back from the webview to the workbench (its tab) first, so F1 opens the palette.
    await vscode.page.locator('.tab', { hasText: `Compare: ${scenario}` }).click();
    await hidePanel(vscode.page);
    await paletteCommand(vscode.page, 'View: Toggle Primary Side Bar Visibility');
    await paletteCommand(vscode.page, 'View: Toggle Maximize Editor Group');
    await paletteCommand(vscode.page, 'Notifications: Clear All Notifications');
    await vscode.screenshot('compare');
    await paletteCommand(vscode.page, 'View: Toggle Maximize Editor Group');
    await paletteCommand(vscode.page, 'View: Toggle Primary Side Bar Visibility');
  });

  it('draws the chart again in the colours of a dark theme', async () => {
    const view = await findWebviewFrame(vscode.page, '.compare .compare-chart canvas');
    // The axes are drawn in the theme's muted colour, which differs between light and dark.
    const [light] = await coloursOf(view, ['--topo-muted']);
    await colorTheme(vscode.page, 'Dark Modern');
    await view.waitForFunction(() => document.body.classList.contains('vscode-dark'), undefined, { timeout: 10_000 });
    const [dark] = await coloursOf(view, ['--topo-muted']);
    expect(dark).not.toEqual(light);
    await expect.poll(() => inkOf(view, [dark!]), { timeout: 10_000 }).toBeGreaterThan(100);
    expect(await inkOf(view, [light!])).toBeLessThan(await inkOf(view, [dark!]));
    expect(await inkOf(view)).toBeGreaterThan(100);
    await vscode.screenshot('compare-dark');
    await colorTheme(vscode.page, 'Light Modern');
  });

  it('restores the comparison after the window reloads, from the view\'s own state', async () => {
    await reloadWindow(vscode.page);
    await vscode.page.locator('.tab', { hasText: `Compare: ${scenario}` }).click();
    const view = await findWebviewFrame(vscode.page, '.compare .compare-chart canvas', 60_000);
    expect(await view.locator('table.comparison thead th').allTextContents()).toEqual(['', 'as written', 'budgets fixed', 'change']);
    expect(await inkOf(view)).toBeGreaterThan(100);
  });

  it('stops a comparison from its notification and shows what the runs measured', async () => {
    await paletteCommand(vscode.page, 'View: Close All Editor Groups');
    await openFile(vscode.page, 'netflix.topo');
    await runCommand(vscode.page, 'Topo: Compare Simulation with Fixed Budgets');
    await pickQuickItem(vscode.page, 'evening');
    const toast = vscode.page.locator('.notification-toast', { hasText: 'Comparing evening' });
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click({ timeout: 10_000 });
    const view = await findWebviewFrame(vscode.page, '.compare .banner.warning', 60_000);
    expect(await view.locator('.banner.warning').textContent()).toMatch(/^The comparison was stopped \(as written at [\d.]+s/);
  });

  it('offers "Simulate the fix" on a timeout-budget error, which opens the comparison', async () => {
    await paletteCommand(vscode.page, 'View: Close All Editor Groups');
    await openFile(vscode.page, 'retry-storm.topo');
    const budget = problems.find((p) => p.code === 'timeout-budget')!;
    await quickFix(vscode.page, budget, 'Simulate the fix');
    await pickQuickItem(vscode.page, scenario);
    const view = await findWebviewFrame(vscode.page, '.compare .compare-chart canvas', 120_000);
    expect(await view.locator('.compare h1').textContent()).toBe(`Compare: ${scenario}`);
    await vscode.page.locator('.tab.active', { hasText: `Compare: ${scenario}` }).waitFor({ timeout: 10_000 });
  });
});
