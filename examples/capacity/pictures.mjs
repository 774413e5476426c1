// Draws the README's pictures: each example's `topo report` page (the command in its opening
// comment) opened in headless Chromium, and the charts that show its pattern cut out of it.
//   npm run build && node examples/capacity/pictures.mjs
// Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), driven by playwright-core as
// the end-to-end tests drive it (test/e2e/browser.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const work = mkdtempSync(join(tmpdir(), 'topo-pictures-'));

/** Per example, the charts of the report page that show its pattern (their sections, cut out together). */
const CHARTS = {
  'well-behaved': ['.throughput-chart', '.usl'],
  'lock-contention': ['.throughput-chart', '.usl'],
  'thread-shortage': ['.timeline-chart', '.work-chart'],
  'looping-autoscaled': ['.timeline-chart', '.instances-chart'],
};

/** Pixels of the page kept beside and under the charts (above them is the section before). */
const MARGIN = 12;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, selectors] of Object.entries(CHARTS)) {
    const file = join(here, `${name}.topo`);
    const command = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('//   topo report '));
    const args = command.replace(/^\/\/\s+topo /, '').split(/\s+/);
    args[args.indexOf('-o') + 1] = join(work, `${name}.html`);
    execFileSync(process.execPath, [join(root, 'packages/cli/dist/topo.js'), ...args], { cwd: root, stdio: 'inherit' });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(work, `${name}.html`)).href);
    await page.locator('.results .timeline-chart canvas').waitFor();
    // The union of the sections that hold the charts, from the page's top-left.
    const boxes = await Promise.all(selectors.map((s) => page.locator(s).first().evaluate((el) => {
      const r = el.closest('section').getBoundingClientRect();
      return { x: r.left + scrollX, y: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
    })));
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - MARGIN);
    const y = Math.min(...boxes.map((b) => b.y));
    const clip = { x, y, width: Math.max(...boxes.map((b) => b.right)) + MARGIN - x, height: Math.max(...boxes.map((b) => b.bottom)) + MARGIN - y };
    await page.screenshot({ path: join(here, 'images', `${name}.png`), clip, fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
}
