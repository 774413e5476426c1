// The page of `topo report` in a real browser: it draws the diagram, the carbon table and
// the results from the data it carries, asks the network for nothing, follows the colour
// scheme, zooms, and downloads its exports. Screenshots: test-results/report/.
// Langium needs Object.groupBy, which Node 20 lacks (the e2e config has no setup file).
import '@topo/language/polyfill';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../packages/cli/src/commands/report.js';
import { buildViews } from '../../packages/views/scripts/bundle.mjs';
import { launchChromium } from './browser.js';
import { repoRoot } from './code-server.js';

const resultsDir = path.join(repoRoot, 'test-results', 'report');

describe('the report page in Chromium', () => {
  let work: string;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'topo-e2e-report-'));
    await mkdir(resultsDir, { recursive: true });
    await buildViews();
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: work, isTTY: false };
    expect(await report.run([path.join(repoRoot, 'examples/netflix.topo'), '-o', 'netflix.html'], io)).toBe(0);
    url = pathToFileURL(path.join(work, 'netflix.html')).href;
    browser = await launchChromium(work);
  });

  afterAll(async () => {
    await browser?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** Opens the page; what it asked the network for and what it logged as errors are collected. */
  async function open(colorScheme: 'light' | 'dark'): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme, acceptDownloads: true });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.locator('.results .timeline-chart canvas').waitFor();
    return { page, requests, errors };
  }

  it('shows the diagram, the carbon table and the results, loading nothing but itself', async () => {
    const { page, requests, errors } = await open('light');
    expect(await page.locator('.diagram-canvas svg .node').count()).toBe(8);
    expect(await page.locator('.carbon-components tbody tr').count()).toBe(8);
    // Netflix's calls have breakers and fallbacks: degraded, short-circuited and rejected too.
    expect(await page.locator('.results .card').count()).toBe(11);
    expect(await page.locator('.results h1').textContent()).toBe('Simulation: evening');
    expect(await page.locator('.histogram-chart canvas').count()).toBe(1);
    expect(await page.locator('.work-chart canvas').count()).toBe(1);
    expect(await page.locator('table.services tbody tr').count()).toBe(8);
    expect(requests.filter((r) => !r.startsWith('blob:'))).toEqual([url]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(resultsDir, 'report-light.png'), fullPage: true });
    await page.close();
  });

  it('follows a dark colour scheme', async () => {
    const { page } = await open('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(30, 30, 30)');
    const canvas = await page.locator('svg.topo .canvas').evaluate((r) => getComputedStyle(r).fill);
    expect(canvas).toBe('rgb(30, 30, 30)');
    await page.screenshot({ path: path.join(resultsDir, 'report-dark.png'), fullPage: true });
    await page.close();
  });

  it('zooms the diagram with its buttons and keys, and fits it again on request', async () => {
    const { page } = await open('light');
    const scale = () => page.locator('.diagram-canvas').evaluate((c) => Number(/scale\(([\d.]+)\)/.exec(c.style.transform)?.[1]));
    const fitted = await scale();
    await page.locator('button[data-action="zoom-in"]').click();
    expect(await scale()).toBeCloseTo(fitted * 1.25, 4);
    await page.locator('button[data-action="actual"]').click();
    expect(await scale()).toBe(1);
    await page.locator('button[data-action="fit"]').click();
    expect(await scale()).toBeCloseTo(fitted, 4);
    await page.locator('.diagram-viewport').focus();
    await page.keyboard.press('-');
    expect(await scale()).toBeCloseTo(fitted * 0.8, 4);
    await page.keyboard.press('0');
    expect(await scale()).toBeCloseTo(fitted, 4);
    await page.close();
  });

  it('downloads its exports', async () => {
    const { page } = await open('light');
    const download = page.waitForEvent('download');
    await page.locator('button[data-export="csv-services"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('netflix-evening-services.csv');
    const text = await readFile((await file.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('name,kind,instances,requests,utilization,p50_ms,p99_ms,max_ms,timeouts,retries,wasted_work_ms,short_circuited,budget_exhausted,rejected,degraded');
    expect(text.trim().split('\r\n')).toHaveLength(9);
    await page.close();
  });

  it('names the bottleneck pattern a run shows, and none where there is none', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, cwd: work, isTTY: false };
    expect(await report.run([path.join(repoRoot, 'examples/capacity/looping-autoscaled.topo'), '-o', 'looping.html'], io)).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(path.join(work, 'looping.html')).href);
    await page.locator('.results .instances-chart canvas').waitFor();
    expect(await page.locator('.results .pattern').textContent()).toMatch(/^Pattern: looping autoscaled: /);
    await page.goto(url);
    await page.locator('.results .timeline-chart canvas').waitFor();
    expect(await page.locator('.results .pattern').count()).toBe(0);
    await page.close();
  });
});
