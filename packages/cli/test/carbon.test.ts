import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carbon } from '../src/commands/carbon.js';
import { InputError, UsageError, type CliIO } from '../src/io.js';

// Until the lead registers the command in commands/index.ts, it runs on its own here; what
// it throws (UsageError: exit 2, InputError: exit 1 in failure.ts) comes back as `error`.
async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false };
  try {
    return { code: await carbon.run(argv, io), stdout, stderr };
  } catch (error) {
    return { error, stdout, stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'topo-carbon-'));
writeFileSync(
  join(dir, 'ten.topo'),
  ['architecture ten', 'region us-east-1 {', '  provider aws', '  zones a, b, c', '}', 'service web {', '  instances 10 of m5.large', '}', 'scenario busy {', '  load 100 rps into web', '}', ''].join('\n'),
);
writeFileSync(join(dir, 'noregion.topo'), 'architecture bare\nservice web\n');
writeFileSync(join(dir, 'broken.topo'), 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n');
const examples = resolve(__dirname, '../../../examples');

describe('topo carbon', () => {
  it('prints JSON with the keys of issue 6, 10 × m5.large in us-east-1 to the gram', async () => {
    const { code, stdout } = await run(['ten.topo', '--format', 'json'], dir);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.totalKgCO2ePerMonth).toBeCloseTo(30.174, 3);
    expect(r.operationalKgCO2ePerMonth).toBeCloseTo(23.185, 3);
    expect(r.embodiedKgCO2ePerMonth).toBeCloseTo(6.989, 3);
    expect(r.energyKWhPerMonth).toBeCloseTo(61.163, 3);
    expect(r.components).toEqual([
      expect.objectContaining({ name: 'web', kind: 'service', region: 'us-east-1', instances: 10, energyKWhPerMonth: expect.any(Number), operationalKgCO2ePerMonth: expect.any(Number), embodiedKgCO2ePerMonth: expect.any(Number) }),
    ]);
    expect(r.regions).toEqual([expect.objectContaining({ name: 'us-east-1', gridGCO2ePerKWh: 379.069, pue: 1.135 })]);
    expect(r.sci).toBeUndefined();
  });

  it('prints a table per component and per region, and the totals', async () => {
    const { code, stdout } = await run(['ten.topo'], dir);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('ten: carbon per month of 730 hours, Cloud Carbon Footprint methodology (docs/carbon.md)');
    expect(lines[1]).toBe("CPU utilisation: 50% (CCF's default)");
    expect(lines.find((l) => l.startsWith('web '))!.split(/\s+/)).toEqual(['web', 'service', 'us-east-1', '10', 'm5.large', '50%', '61.16', '23.185', '6.989', '30.174', '100.0%']);
    expect(lines.find((l) => l.startsWith('us-east-1 '))!.split(/\s+/)).toEqual(['us-east-1', 'aws', '379.069', 'CCF', '1.135', 'CCF', '61.16', '23.185', '6.989', '30.174', '100.0%']);
    expect(stdout).toContain('total: 30.2 kgCO2e per month (operational 23.2 kgCO2e, embodied 7.0 kgCO2e), 61.16 kWh');
    expect(stdout).toContain('network energy');
  });

  it('--utilization sets one figure for every instance (a fraction or a percentage)', async () => {
    const idle = JSON.parse((await run(['ten.topo', '--format', 'json', '--utilization', '0'], dir)).stdout);
    const busy = JSON.parse((await run(['ten.topo', '--format', 'json', '--utilization', '100%'], dir)).stdout);
    expect(idle.components[0].computeKWhPerMonth).toBeCloseTo((10 * 2 * 730 * 0.65) / 1000, 9);
    expect(busy.components[0].computeKWhPerMonth).toBeCloseTo((10 * 2 * 730 * 4.26) / 1000, 9);
    expect((await run(['ten.topo', '--utilization', '0.25'], dir)).stdout).toContain('CPU utilisation: 25.0%');
  });

  it("a file without regions runs in the implicit region `default`, at aws us-east-1's grid and PUE", async () => {
    const r = JSON.parse((await run(['noregion.topo', '--format', 'json'], dir)).stdout);
    expect(r.regions).toEqual([expect.objectContaining({ name: 'default', gridGCO2ePerKWh: 379.069, gridSource: 'ccf', pue: 1.135 })]);
    expect(r.components).toEqual([expect.objectContaining({ name: 'web', region: 'default', instances: 3, instanceType: 'm5.large' })]);
  });

  it('estimates the netflix example over both its regions', async () => {
    const { code, stdout } = await run([join(examples, 'netflix.topo'), '--format', 'json'], dir);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.regions.map((x: { name: string }) => x.name)).toEqual(['us-east-1', 'us-west-2']);
    expect(r.components.length).toBeGreaterThan(10);
    expect(r.totalKgCO2ePerMonth).toBeGreaterThan(0);
  });

  it('refuses a file that does not lower to a model, printing why', async () => {
    const { error, stdout, stderr } = await run(['broken.topo'], dir);
    expect(error).toBeInstanceOf(InputError);
    expect(stdout).toBe('');
    expect(stderr).toContain('broken.topo:3:8 error unresolved-reference');
  });

  it('estimates a file whose analysis has errors, with a one-line note of them on stderr', async () => {
    const { code, stdout, stderr } = await run(['petalith.topo', '--format', 'json'], examples);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).totalKgCO2ePerMonth).toBeGreaterThan(0);
    expect(stderr).toMatch(/^petalith\.topo: \d+ errors?.* \(topo check shows them\)\n$/);
  });

  it('refuses --utilization with --scenario: the scenario sets the CPU use', async () => {
    const { error } = await run([join(examples, 'netflix.topo'), '--utilization', '0.3', '--scenario', 'x'], dir);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('--utilization');
  });

  it('with a scenario, simulates a design with findings, and refuses only one that does not lower', async () => {
    const storm = await run([join(examples, 'retry-storm.topo'), '--scenario', 'storm', '--format', 'json'], dir);
    expect(storm.error).toBeUndefined();
    expect(JSON.parse(storm.stdout).sci.requests).toBeGreaterThan(0);
    const broken = await run(['broken.topo', '--scenario', 'x'], dir);
    expect(broken.error).toBeInstanceOf(InputError);
    expect(broken.stderr).toContain('broken.topo:3:8 error unresolved-reference');
    expect(broken.stdout).toBe('');
  });

  it('with a scenario, takes utilisation and requests from a simulation and reports SCI', async () => {
    const { stdout } = await run(['ten.topo', '--scenario', 'busy', '--format', 'json'], dir);
    const report = JSON.parse(stdout);
    // 100 rps × 1ms of work on 10 instances of 2 vCPUs: 0.5% CPU.
    expect(report.components[0].utilization).toBeCloseTo(0.005, 3);
    expect(report.sci.gCO2ePer1000Requests).toBeGreaterThan(0);
    const plain = JSON.parse((await run(['ten.topo', '--format', 'json'], dir)).stdout);
    expect(report.totalKgCO2ePerMonth).toBeLessThan(plain.totalKgCO2ePerMonth);
  });

  it('with a scenario, right-sizes: 10 instances at 0.5% CPU would do as 3 (one per zone), and the month would emit less', async () => {
    const report = JSON.parse((await run(['ten.topo', '--scenario', 'busy', '--format', 'json'], dir)).stdout);
    expect(report.rightSizing.target).toBe(0.6);
    expect(report.rightSizing.rows).toMatchObject([{ name: 'web', instances: 10, suggested: 3, bound: 'zones' }]);
    const { before, after, delta } = report.rightSizing.carbon.total;
    expect(before).toBeCloseTo(report.totalKgCO2ePerMonth, 9);
    expect(delta).toBeCloseTo(after - before, 9);
    expect(delta).toBeLessThan(0);
    const { stdout } = await run(['ten.topo', '--scenario', 'busy'], dir);
    expect(stdout).toMatch(/^web +10 .* 3 .* zones +-\d+\.\d{3}$/m);
    expect(stdout).toContain('CPU utilisation: as simulated');
  });

  it('with a scenario, counts an autoscaled component at its mean instances over the simulation', async () => {
    writeFileSync(
      join(dir, 'scaled.topo'),
      ['architecture scaled', 'region us-east-1 {', '  provider aws', '  zones a, b, c', '}', 'service web {', '  instances 2 of m5.large', '  threads 4', '  work 10ms constant', '  queue 40', '  autoscale 2..20 at 60% every 5s warmup 2s', '}', 'scenario surge {', '  load 2000 rps into web for 60s', '}', ''].join('\n'),
    );
    const scaled = JSON.parse((await run(['scaled.topo', '--scenario', 'surge', '--format', 'json'], dir)).stdout).components[0];
    const plain = JSON.parse((await run(['scaled.topo', '--format', 'json'], dir)).stdout).components[0];
    // 2000 rps × 10 ms on 4 threads needs ceil(5 / 0.6) = 9 instances: it climbs from 2 and holds 9.
    expect(scaled.instances).toBeGreaterThan(6);
    expect(scaled.instances).toBeLessThan(9);
    expect(plain.instances).toBe(2);
    // Embodied carbon is per instance-hour: it scales with the mean count.
    expect(scaled.embodiedKgCO2ePerMonth / plain.embodiedKgCO2ePerMonth).toBeCloseTo(scaled.instances / 2, 9);
  });

  it('with a scenario over a petal, reports the energy the petal saves', async () => {
    writeFileSync(
      join(dir, 'petal.topo'),
      ['architecture p', 'region us-east-1 {', '  provider aws', '  zones a, b, c', '}', 'service a {', '  call b timeout 100ms', '}', 'service b', 'petal p {', '  region us-east-1', '  memory 1TB', '  members a, b', '}', 'scenario s {', '  load 200 rps into a for 5s', '}', ''].join('\n'),
    );
    const report = JSON.parse((await run(['petal.topo', '--scenario', 's', '--format', 'json'], dir)).stdout);
    expect(report.petals).toHaveLength(1);
    expect(report.petals[0]).toMatchObject({ name: 'p', region: 'us-east-1' });
    expect(report.petals[0].messagesPerMonth).toBeGreaterThan(0);
    expect(report.sci.petalSavingsGCO2ePer1000Requests).toBeGreaterThan(0);
  });

  it.each([
    [[], 'one file, please'],
    [['ten.topo', 'ten.topo'], 'one file, please'],
    [['missing.topo'], 'missing.topo: no such file'],
    [['ten.topo', '--format', 'csv'], '--format is one of text, json'],
    [['ten.topo', '--utilization', '1.5'], '--utilization wants a fraction between 0 and 1'],
    [['ten.topo', '--utilization', ''], '--utilization wants a fraction between 0 and 1'],
    [['ten.topo', '--scenario', 'nope'], "no scenario named 'nope'; the file has busy"],
  ])('is a usage error for %j', async (argv, message) => {
    const { error, stdout } = await run(argv, dir);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect(stdout).toBe('');
  });
});
