// A load sweep as a user meets it: on a small design with a lock, "Topo: Sweep Load…" from
// the palette asks for a scenario, what to vary and FROM:TO:STEP (refusing what is not one as
// it is typed), runs the scenario and then each number of users in the server, and the
// results view draws the run with the bottleneck plots: throughput against users and
// response time against throughput, the USL fit said in words. A users sweep of a scenario
// without users is refused in words, and the notification stops a sweep. Screenshots:
// test-results/sweep/.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hidePanel, paletteCommand } from './editor-actions.js';
import { findWebviewFrame, launchVSCode, openFile, pickQuickItem, runCommand, type VSCodeSession } from './harness.js';
import { sessionHooks, topoVsixPath } from './topo-session.js';

/** Each request holds its instance's one lock for a fifth of its work: the sweep finds the contention (σ). */
const CHECKOUT = `architecture checkout

service cart {
  threads 16
  work 20ms
  lock 20%
}

scenario shoppers {
  users 10 think 50ms into cart for 20s
}

scenario lunch {
  load 200 rps into cart for 20s
}
`;

const quickInputBox = '.quick-input-widget .quick-input-box input';

/** Types into the quick input a command opened (not the palette's): what is typed replaces what was there. */
async function typeQuickInput(page: Page, text: string): Promise<void> {
  const box = page.locator(quickInputBox);
  await box.waitFor();
  await box.fill(text);
}

/** In checkout.topo alone, "Topo: Sweep Load…" with the scenario and what it varies picked: it asks for FROM:TO:STEP. */
async function startSweep(page: Page, scenario: string, over: 'Rates' | 'Users'): Promise<void> {
  await paletteCommand(page, 'View: Close All Editor Groups');
  await openFile(page, 'checkout.topo');
  await runCommand(page, 'Topo: Sweep Load…');
  await pickQuickItem(page, scenario, 30_000);
  await pickQuickItem(page, over);
}

/** Types FROM:TO:STEP into the sweep's input and sends it. */
async function sweepRange(page: Page, range: string): Promise<void> {
  await typeQuickInput(page, range);
  await page.keyboard.press('Enter');
}

/** Pixels of a chart's canvas drawn in a colour of the view's theme (a CSS variable): what its series cover. */
function inkOf(frame: Frame, chart: string, variable: string): Promise<number> {
  return frame.evaluate(
    ([chart, variable]) => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = getComputedStyle(document.body).getPropertyValue(variable).trim();
      const hex = /^#(..)(..)(..)$/.exec(probe.fillStyle as string)!;
      const colour = [1, 2, 3].map((i) => parseInt(hex[i]!, 16));
      const canvas = document.querySelector<HTMLCanvasElement>(`${chart} canvas`)!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! >= 200 && colour.every((v, k) => Math.abs(v - data[i + k]!) <= 24)) ink++;
      return ink;
    },
    [chart, variable],
  );
}

describe('a load sweep in code-server', () => {
  let work: string;
  let vscode: VSCodeSession;

  beforeAll(async () => {
    const vsix = await topoVsixPath();
    work = await mkdtemp(path.join(os.tmpdir(), 'topo-e2e-sweep-'));
    await writeFile(path.join(work, 'checkout.topo'), CHECKOUT);
    vscode = await launchVSCode({ name: 'sweep', folder: work, extensions: [vsix], viewport: { width: 1400, height: 900 }, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  });

  sessionHooks(() => ({ vscode, work }));

  it('sweeps a scenario over users from the palette and draws both bottleneck plots', async () => {
    const { page } = vscode;
    await startSweep(page, 'shoppers', 'Users');
    // What is not FROM:TO:STEP is refused as it is typed, in the CLI's words.
    await typeQuickInput(page, '10:100:2.5');
    await page.locator('.quick-input-message', { hasText: 'FROM:TO:STEP, whole numbers of users with TO ≥ FROM' }).waitFor({ timeout: 10_000 });
    await sweepRange(page, '10:200:10');

    const view = await findWebviewFrame(page, '.results .response-chart canvas', 180_000);
    expect(await view.locator('.results h1').textContent()).toBe('Sweep: shoppers');
    await page.locator('.tab', { hasText: 'Sweep: shoppers (checkout.topo)' }).waitFor({ timeout: 10_000 });
    expect(await view.locator('.results h2').allTextContents()).toEqual(expect.arrayContaining(['Throughput against users', 'Response time against throughput']));
    expect(await view.locator('.results .usl').textContent()).toMatch(/^Contention σ = /);
    expect(await view.locator('.results .note', { hasText: 'Each point is one of 20 runs of the scenario over users' }).count()).toBe(1);
    // Each plot's measured series covers pixels in its colour, and so does the fit.
    expect(await inkOf(view, '.throughput-chart', '--topo-chart-throughput')).toBeGreaterThan(200);
    expect(await inkOf(view, '.throughput-chart', '--topo-chart-latency')).toBeGreaterThan(100);
    expect(await inkOf(view, '.response-chart', '--topo-chart-throughput')).toBeGreaterThan(200);
    expect(await inkOf(view, '.response-chart', '--topo-chart-failed')).toBeGreaterThan(100);

    // The picture: the view on its own, as wide as the window. The keyboard focus goes back
    // from the webview to the workbench (its tab) first, so F1 opens the palette.
    await page.locator('.tab', { hasText: 'Sweep: shoppers' }).click();
    await hidePanel(page);
    await paletteCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await paletteCommand(page, 'View: Toggle Maximize Editor Group');
    await paletteCommand(page, 'Notifications: Clear All Notifications');
    console.info(`screenshot: ${await vscode.screenshot('sweep')}`);
    await paletteCommand(page, 'View: Toggle Maximize Editor Group');
    await paletteCommand(page, 'View: Toggle Primary Side Bar Visibility');
  });

  it("stops a sweep from its notification and shows the scenario's own run", async () => {
    const { page } = vscode;
    await startSweep(page, 'shoppers', 'Users');
    await sweepRange(page, '10:5000:10');
    // Once the sweep's runs have begun to come back (the server answers meanwhile: they run on worker threads).
    const toast = page.locator('.notification-toast', { hasText: /Sweeping shoppers over users 10:5000:10.*runs of the sweep/ });
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click({ timeout: 60_000 });
    await page.locator('.notification-toast', { hasText: "The sweep of shoppers was stopped; the results show the scenario's own run." }).waitFor({ timeout: 60_000 });
    const view = await findWebviewFrame(page, '.results .cards', 60_000);
    await page.locator('.tab', { hasText: 'Simulation: shoppers (checkout.topo)' }).waitFor({ timeout: 10_000 });
    expect(await view.locator('.results .response-chart').count()).toBe(0);
  });

  it('refuses, in words, to sweep users of a scenario without `users` lines', async () => {
    const { page } = vscode;
    await startSweep(page, 'lunch', 'Users');
    await sweepRange(page, '2:6:2');
    await page.locator('.notification-toast', { hasText: "a sweep over users scales the scenario's `users` lines; scenario lunch has none" }).waitFor({ timeout: 60_000 });
  });
});
