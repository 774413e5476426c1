import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { report } from '../src/commands/report.js';
import { InputError, UsageError, type CliIO } from '../src/io.js';
// The page inlines the views' bundle: build it as `npm run build` does.
import { buildViews } from '../../views/scripts/bundle.mjs';

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false };
  try {
    return { code: await report.run(argv, io), stdout, stderr };
  } catch (error) {
    return { error, stdout, stderr };
  }
}

/** The JSON the page embeds for its views. */
function embedded(html: string) {
  const match = /<script type="application\/json" id="topo-data">(.*?)<\/script>/s.exec(html);
  return JSON.parse(match![1]!);
}

const dir = mkdtempSync(join(tmpdir(), 'topo-report-'));
const small = [
  'architecture small',
  'service web {',
  '  layer edge',
  '  instances 3 of m5.large',
  '  deadline 1s',
  '  call db timeout 100ms',
  '}',
  'datastore db: postgres {',
  '  instances 3 of m5.large',
  '}',
  'scenario quick {',
  '  load 50 rps into web for 4s',
  '  chaos kill 1 of web at 2s',
  '}',
  'scenario other {',
  '  load 20 rps into web for 2s',
  '}',
  '',
].join('\n');
writeFileSync(join(dir, 'small.topo'), small);
writeFileSync(join(dir, 'noscenario.topo'), 'architecture bare\nservice web {\n  instances 3 of m5.large\n}\n');
writeFileSync(join(dir, 'broken.topo'), 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n');
const examples = resolve(__dirname, '../../../examples');

describe('topo report', () => {
  beforeAll(async () => {
    await buildViews();
  });

  it('writes one page with the diagram, the carbon estimate and the first scenario, and summarises it', async () => {
    const { code, stdout } = await run(['small.topo', '-o', 'out.html'], dir);
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'out.html'), 'utf8');
    const data = embedded(html);
    expect(data.preview.name).toBe('small.topo');
    expect(data.preview.diagram.svg).toContain('<g class="node kind-edge-service" data-id="web"');
    expect(data.preview.carbon.report.components.map((c: { name: string }) => c.name).sort()).toEqual(['db', 'web']);
    expect(data.results.result.scenario).toBe('quick');
    expect(data.results.result.chaos).toEqual([expect.objectContaining({ start: 2 })]);
    expect(stdout).toMatch(/^wrote out\.html \(\d+ KB\): open it in a browser/);
    expect(stdout).toMatch(/carbon: [\d.]+ kgCO2e per month/);
    expect(stdout).toMatch(/simulation 'quick': [\d,]+ requests, [\d.]+% succeeded, .* 1 chaos event\n$/);
  });

  it('inlines everything and allows no network: one nonce script, no URL to load', async () => {
    await run(['small.topo', '-o', 'out.html'], dir);
    const html = readFileSync(join(dir, 'out.html'), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.filter((a) => !a.includes('application/json'))).toEqual([` nonce="${nonce}"`]);
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)=/);
    expect(html).toContain('.u-legend'); // uPlot's style sheet, inlined
  });

  it('runs the scenario asked for, with the seed asked for', async () => {
    const { code } = await run(['small.topo', '-o', 'other.html', '--scenario', 'other', '--seed', '42'], dir);
    expect(code).toBe(0);
    const { result } = embedded(readFileSync(join(dir, 'other.html'), 'utf8')).results;
    expect([result.scenario, result.seed]).toEqual(['other', 42]);
  });

  it("names the page after the file when -o is absent, and simulates the default load of a file without scenarios", async () => {
    const { code, stdout } = await run(['noscenario.topo'], dir);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'noscenario-report.html'))).toBe(true);
    expect(stdout).toContain("simulation 'default'");
  });

  it('refuses an unknown scenario, a bad seed and a file with errors', async () => {
    const unknown = await run(['small.topo', '--scenario', 'nope'], dir);
    expect(unknown.error).toBeInstanceOf(UsageError);
    expect((unknown.error as Error).message).toBe("no scenario named 'nope'; the file has quick, other");
    expect((await run(['small.topo', '--seed', '-1'], dir)).error).toBeInstanceOf(UsageError);
    expect((await run(['small.topo', 'noscenario.topo'], dir)).error).toBeInstanceOf(UsageError);
    const broken = await run(['broken.topo', '-o', 'broken.html'], dir);
    expect(broken.error).toBeInstanceOf(InputError);
    expect(broken.stderr).toContain('broken.topo:3:8 error unresolved-reference');
    expect(existsSync(join(dir, 'broken.html'))).toBe(false);
  });

  it('carries the carbon at the simulated CPU use, the right-sizing, and with --sweep-rate the sweep for the bottleneck plots', async () => {
    const { code, stdout } = await run(['small.topo', '-o', 'swept.html', '--scenario', 'other', '--sweep-rate', '10:40:10'], dir);
    expect(code).toBe(0);
    const data = embedded(readFileSync(join(dir, 'swept.html'), 'utf8'));
    expect(data.preview.carbon.report.components.find((c: { name: string }) => c.name === 'web').utilization).toBeLessThan(0.01);
    expect(data.results.rightSizing.rows.map((r: { name: string; suggested: number }) => [r.name, r.suggested])).toEqual([['web', 3], ['db', 3]]);
    expect(data.results.sweep.over).toBe('rps');
    expect(data.results.sweep.points.map((p: { rps: number }) => p.rps)).toEqual([10, 20, 30, 40]);
    expect(stdout).toMatch(/sweep: 4 runs over rates, (USL σ|no USL fit)/);
    expect(stdout).not.toContain('right-sizing'); // three of each, one per zone: nothing to change
    const both = await run(['small.topo', '--sweep-rate', '1:2:1', '--sweep-users', '1:2:1'], dir);
    expect(both.error).toBeInstanceOf(UsageError);
    const users = await run(['small.topo', '--sweep-users', '1:2:1'], dir);
    expect((users.error as Error).message).toContain('has none');
  });

  it('reports the netflix example with its chaos event', async () => {
    const { code, stdout } = await run([join(examples, 'netflix.topo'), '-o', 'netflix.html'], dir);
    expect(code).toBe(0);
    const data = embedded(readFileSync(join(dir, 'netflix.html'), 'utf8'));
    expect(data.preview.diagram.svg.match(/<g class="node /g)).toHaveLength(8);
    expect(data.results.result.chaos.map((e: { start: number }) => e.start)).toEqual([20]);
    expect(stdout).toContain("simulation 'evening'");
    expect(stdout).toMatch(/right-sizing: 7 of 8 components would do with other counts, \d+ kgCO2e per month instead of 680 kgCO2e/);
  });
});
