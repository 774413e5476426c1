// The Topo extension as a user meets it: the packaged .vsix installed into code-server,
// a copy of examples/ open. Diagnostics reach the Problems panel, the preview draws the
// diagram and follows an edit, a click on a node reveals it, a simulation shows its
// results, and the preview comes back after a reload. Screenshots: test-results/extension/.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { repoRoot } from './code-server.js';
import { acceptFileDialog, cursorPosition, editorText, hidePanel, labelShownAt, reloadWindow, retypeLine } from './editor-actions.js';
import { findWebviewFrame, launchVSCode, openFile, pickQuickItem, runCommand, waitForProblems, type Problem, type VSCodeSession } from './harness.js';
import { sessionHooks, topoVsixPath } from './topo-session.js';
import { topoModel } from '../../bench/model.mjs';

/** A spigo architecture: a web front (denominator) calling an app (karyon). */
const spigoShop = {
  arch: 'shop',
  version: 'arch-0.0',
  victim: '',
  services: [
    { name: 'app', package: 'karyon', count: 3, regions: 1, dependencies: [] },
    { name: 'www', package: 'denominator', count: 0, regions: 0, dependencies: ['app'] },
  ],
};

/** Public manifests and traces the importers' tests read (their sources in its README). */
const interopFixtures = path.join(repoRoot, 'packages/interop/test/fixtures');

const at = (problems: Problem[], code: string) => problems.filter((p) => p.code === code).map((p) => `${p.file}:${p.line}`);

/** Labels of the diagram's calls from `source`, as the preview's SVG shows them. */
function edgeLabels(frame: Frame, source: string): Promise<string[]> {
  return frame.$$eval(`.diagram-canvas .edge-label[data-source="${source}"] .label`, (labels) => labels.map((l) => l.textContent ?? ''));
}

/** The benchmarks' model of 100 services (and 25 datastores): the size the preview's speed goal names. */
const HUNDRED = topoModel(100);

describe('the Topo extension in code-server', () => {
  let work: string;
  let folder: string;
  let vscode: VSCodeSession;
  let preview: Frame;

  beforeAll(async () => {
    const vsix = await topoVsixPath();
    work = await mkdtemp(path.join(os.tmpdir(), 'topo-e2e-extension-'));
    folder = path.join(work, 'examples');
    await cp(path.join(repoRoot, 'examples'), folder, { recursive: true });
    await writeFile(path.join(folder, 'shop_arch.json'), JSON.stringify(spigoShop));
    await cp(path.join(interopFixtures, 'istio-bookinfo/bookinfo.yaml'), path.join(folder, 'bookinfo.yaml'));
    await cp(path.join(interopFixtures, 'zipkin/yelp.json'), path.join(folder, 'yelp.json'));
    await writeFile(path.join(folder, 'hundred.topo'), HUNDRED);
    vscode = await launchVSCode({ name: 'extension', folder, extensions: [vsix] });
    console.info(`workbench shown in ${vscode.times.loadMs} ms, extensions loaded in ${vscode.times.readyMs} ms`);
  });

  // What the workbench showed when a test failed: test-results/extension/failed-<test>.png.
  sessionHooks(() => ({ vscode, work }));

  it('lists the retry storm\'s timeout-budget errors in the Problems panel', async () => {
    await openFile(vscode.page, 'retry-storm.topo');
    const problems = await waitForProblems(vscode.page, (list) => list.some((p) => p.code === 'timeout-budget'), 60_000);
    expect(at(problems, 'timeout-budget')).toEqual(['retry-storm.topo:10', 'retry-storm.topo:16']);
    expect(problems.find((p) => p.code === 'timeout-budget')).toMatchObject({
      severity: 'error',
      message: 'timeout 2s on the call to middle is shorter than middle may take: 1ms work + 3 attempts × 2s = 6.001s',
    });
    await vscode.screenshot('problems');
  });

  it('opens the preview to the side from the palette: the diagram with its findings, and the carbon table', async () => {
    await runCommand(vscode.page, 'Topo: Open Preview to the Side');
    preview = await findWebviewFrame(vscode.page, '.diagram-canvas svg .node[data-id="middle"]', 60_000);
    const nodes = await preview.$$eval('.diagram-canvas svg .node', (list) => list.map((n) => n.getAttribute('data-id')).sort());
    expect(nodes).toEqual(['backend', 'edge', 'middle', 'store']);
    expect(await edgeLabels(preview, 'edge')).toEqual(['2s ×3']);
    expect(await preview.locator('.diagram-canvas .edge.mark-error[data-source="edge"]').count()).toBe(1);
    expect(await preview.locator('.toolbar .problems').textContent()).toMatch(/^\d+ errors · \d+ warnings?$/);
    expect(await preview.locator('.carbon-components tbody tr').count()).toBe(4);
    await vscode.screenshot('preview');
  });

  it('follows an edit, keeping its zoom: a longer timeout changes the diagram and clears one error', async () => {
    const transform = () => preview.locator('.diagram-canvas').evaluate((c) => (c as HTMLElement).style.transform);
    await preview.locator('button[data-action="zoom-in"]').click();
    const zoomed = await transform();
    await retypeLine(vscode.page, 10, 'call middle timeout 7s retries 2');
    const typed = Date.now();
    const shown = await labelShownAt(preview, 'the preview', 'edge', '7s ×3');
    console.info(`the preview showed the edit ${shown - typed} ms after the last keystroke`);
    const problems = await waitForProblems(vscode.page, (list) => !at(list, 'timeout-budget').includes('retry-storm.topo:10'));
    expect(at(problems, 'timeout-budget')).toEqual(['retry-storm.topo:16']);
    expect(await preview.locator('.diagram-canvas .edge.mark-error[data-source="edge"]').count()).toBe(0);
    expect(await transform()).toBe(zoomed);
    await preview.locator('button[data-action="fit"]').click();
    await vscode.screenshot('preview-edited');
  });

  it('reveals the declaration of a node clicked in the diagram', async () => {
    await preview.locator('.diagram-canvas .node[data-id="backend"]').click();
    await expect.poll(() => cursorPosition(vscode.page), { timeout: 10_000 }).toBe('Ln 19, Col 1');
  });

  it('exports the diagram as SVG beside the file', async () => {
    await runCommand(vscode.page, 'Topo: Export Diagram as SVG…');
    await acceptFileDialog(vscode.page, path.join(folder, 'retry-storm.svg'));
    await expect.poll(() => readFile(path.join(folder, 'retry-storm.svg'), 'utf8').catch(() => ''), { timeout: 10_000 }).toMatch(/^<svg[^>]* class="topo"/);
  });

  it('runs a scenario picked from the palette and shows its results', async () => {
    await openFile(vscode.page, 'netflix.topo');
    await runCommand(vscode.page, 'Topo: Run Simulation…');
    await pickQuickItem(vscode.page, 'evening');
    const started = Date.now();
    const results = await findWebviewFrame(vscode.page, '.results .cards', 180_000);
    console.info(`the simulation's results showed ${Date.now() - started} ms after the scenario was picked`);
    expect(await results.locator('.results h1').textContent()).toBe('Simulation: evening');
    const requests = await results.locator('.card').filter({ has: results.locator('.card-label', { hasText: /^Requests$/ }) }).locator('.card-value').textContent();
    expect(Number(requests?.replace(/,/g, ''))).toBeGreaterThan(50_000);
    expect(await results.locator('.timeline-chart canvas').count()).toBe(1);
    expect(await results.locator('.histogram-chart canvas').count()).toBe(1);
    expect(await results.locator('table.services tbody tr').count()).toBe(8);
    await hidePanel(vscode.page);
    await vscode.screenshot('simulation');

    await results.locator('button[data-export="json"]').click();
    await acceptFileDialog(vscode.page, path.join(folder, 'netflix-evening.json'));
    await expect
      .poll(() => readFile(path.join(folder, 'netflix-evening.json'), 'utf8').then(JSON.parse, () => undefined), { timeout: 10_000 })
      .toMatchObject({ model: 'netflix', scenario: 'evening' });
  });

  it('stops a simulation from its notification and shows what it measured', async () => {
    await runCommand(vscode.page, 'View: Focus First Editor Group');
    await runCommand(vscode.page, 'Topo: Run Simulation…');
    await pickQuickItem(vscode.page, 'evening');
    const toast = vscode.page.locator('.notification-toast', { hasText: 'Simulating evening' });
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click({ timeout: 10_000 });
    const results = await findWebviewFrame(vscode.page, '.results .banner.warning', 60_000);
    expect(await results.locator('.banner.warning').textContent()).toMatch(/^The run was stopped at [\d.]+s of simulated time/);
  });

  it('shows the carbon estimate on its own', async () => {
    await runCommand(vscode.page, 'View: Focus First Editor Group');
    await runCommand(vscode.page, 'Topo: Show Carbon Estimate');
    const carbon = await findWebviewFrame(vscode.page, '.preview.mode-carbon .carbon-components', 60_000);
    expect(await carbon.locator('.carbon-components tbody tr').count()).toBe(8);
    expect(await carbon.locator('.diagram-section').isVisible()).toBe(false);
  });

  it('previews the Netflix architecture beside its file, and follows an edit', async () => {
    await runCommand(vscode.page, 'View: Focus First Editor Group');
    await openFile(vscode.page, 'netflix.topo');
    await runCommand(vscode.page, 'Topo: Open Preview to the Side');
    const frame = await findWebviewFrame(vscode.page, '.diagram-canvas svg .node[data-id="wwwproxy"]', 60_000);
    expect(await frame.locator('.diagram-canvas svg .node').count()).toBe(8);
    expect(await frame.locator('.carbon-total .big').textContent()).toMatch(/kgCO2e$/);
    await hidePanel(vscode.page);
    await runCommand(vscode.page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(vscode.page, 'Notifications: Clear All Notifications');
    await vscode.screenshot('netflix-preview');

    await retypeLine(vscode.page, 51, 'call subscriberCache timeout 12ms');
    const typed = Date.now();
    const shown = await labelShownAt(frame, 'the Netflix preview', 'subscriber', '12ms');
    console.info(`the Netflix preview showed the edit ${shown - typed} ms after the last keystroke`);
  });

  it('restores the preview and the results after the window reloads', async () => {
    await reloadWindow(vscode.page);
    // A group shows its active tab (Netflix's preview) first; the others come back when picked.
    await findWebviewFrame(vscode.page, '.diagram-canvas svg .node[data-id="wwwproxy"]', 60_000);
    await vscode.page.locator('.tab', { hasText: 'Preview: retry-storm.topo' }).click();
    const restored = await findWebviewFrame(vscode.page, '.diagram-canvas svg .node[data-id="middle"]', 60_000);
    expect(await edgeLabels(restored, 'edge')).toEqual(['7s ×3']);
    await vscode.screenshot('restored');
    await vscode.page.locator('.tab', { hasText: 'Simulation: evening' }).click();
    const results = await findWebviewFrame(vscode.page, '.results .cards', 60_000);
    expect(await results.locator('.results h1').textContent()).toBe('Simulation: evening');
  });

  it('starts a new architecture file from the template', async () => {
    await runCommand(vscode.page, 'View: Focus First Editor Group');
    await runCommand(vscode.page, 'Topo: New Architecture File');
    await vscode.page.locator('.tab.active', { hasText: 'Untitled-1' }).waitFor();
    await expect.poll(() => editorText(vscode.page), { timeout: 10_000 }).toContain('architecture shop "What it does"');
  });


  it('imports a spigo architecture as a new file beside it', async () => {
    await runCommand(vscode.page, 'Topo: Import spigo Architecture…');
    await acceptFileDialog(vscode.page, path.join(folder, 'shop_arch.json'));
    await vscode.page.locator('.tab.active', { hasText: 'shop.topo' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => editorText(vscode.page), { timeout: 10_000 }).toContain('architecture shop');
    await vscode.screenshot('spigo-import');
  });

  it('imports Kubernetes manifests and traces as new files beside them', async () => {
    await runCommand(vscode.page, 'Topo: Import from Kubernetes Manifests…');
    await acceptFileDialog(vscode.page, path.join(folder, 'bookinfo.yaml'));
    await vscode.page.locator('.tab.active', { hasText: 'bookinfo.topo' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => editorText(vscode.page), { timeout: 10_000 }).toContain('architecture bookinfo');
    await runCommand(vscode.page, 'Topo: Import from Traces…');
    await acceptFileDialog(vscode.page, path.join(folder, 'yelp.json'));
    await vscode.page.locator('.tab.active', { hasText: 'yelp.topo' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => editorText(vscode.page), { timeout: 10_000 }).toContain('architecture yelp');
  });

  it('exports the architecture as a Mermaid flowchart beside the file, and opens it', async () => {
    await openFile(vscode.page, 'retry-storm.topo');
    await runCommand(vscode.page, 'Topo: Export As…');
    await pickQuickItem(vscode.page, 'Mermaid');
    await vscode.page.locator('.tab.active', { hasText: 'retry-storm.mmd' }).waitFor({ timeout: 20_000 });
    const written = await readFile(path.join(folder, 'retry-storm.mmd'), 'utf8');
    expect(written).toContain('flowchart LR\n');
    expect(written).toContain('n0["edge<br/><small>service</small>"]');
    await expect.poll(() => editorText(vscode.page), { timeout: 10_000 }).toContain('flowchart LR');
    await vscode.screenshot('export-mermaid');
  });

  // The goal (issue 17) is 300 ms from the last keystroke, layout included; the time is
  // logged, not asserted: a shared machine's timings are no test.
  it('previews 100 services beside their file, and follows an edit', async () => {
    await runCommand(vscode.page, 'View: Focus First Editor Group');
    await openFile(vscode.page, 'hundred.topo');
    await runCommand(vscode.page, 'Topo: Open Preview to the Side');
    const frame = await findWebviewFrame(vscode.page, '.diagram-canvas svg .node[data-id="edge0"]', 60_000);
    expect(await frame.locator('.diagram-canvas svg .node').count()).toBe(125);
    // The last service's last call, the line before its closing brace.
    const lines = HUNDRED.trimEnd().split('\n');
    const [, target] = /call (\S+) timeout 300ms/.exec(lines.at(-2)!)!;
    const source = /service (\S+) \{/.exec(lines.findLast((l) => l.startsWith('service '))!)![1]!;
    await retypeLine(vscode.page, lines.length - 1, `call ${target} timeout 301ms`);
    const typed = Date.now();
    const shown = await labelShownAt(frame, 'the 100-service preview', source, '301ms');
    console.info(`the 100-service preview showed the edit ${shown - typed} ms after the last keystroke`);
  });
});
