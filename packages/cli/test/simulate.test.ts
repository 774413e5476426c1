import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/commands/simulate.js';
import { ResourceLimitError } from '@topo/simulator';
import { InputError, UsageError, type CliIO } from '../src/io.js';

// Until the lead registers the command in commands/index.ts, it runs on its own here; what
// it throws (UsageError: exit 2 in main.ts) comes back as `error`.
async function run(argv: string[], extra: Partial<CliIO> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir, isTTY: false, ...extra };
  try {
    return { code: await simulate.run(argv, io), stdout, stderr };
  } catch (error) {
    return { error, stdout, stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'topo-simulate-'));
writeFileSync(
  join(dir, 'shop.topo'),
  [
    'architecture shop',
    'network {',
    '  zone 0.1ms',
    '}',
    'service web {',
    '  layer edge',
    '  deadline 1s',
    '  work 2ms',
    '  call cart timeout 100ms retries 1',
    '}',
    'service cart {',
    '  layer esl',
    '  work 1ms',
    '  call carts timeout 20ms',
    '}',
    'datastore carts: cassandra',
    'scenario lunch {',
    '  load 200 rps into web for 10s',
    '  warmup 1s',
    '  seed 4',
    '}',
    'scenario dinner {',
    '  load 400 rps into web for 5s',
    '}',
    '',
  ].join('\n'),
);
writeFileSync(join(dir, 'plain.topo'), 'architecture plain\nservice web {\n  work 1ms\n}\n');
writeFileSync(join(dir, 'crowd.topo'), 'architecture crowd\nservice web {\n  instances 1\n  threads 1\n  work 10ms\n}\nscenario shoppers {\n  users 10 think 100ms into web for 5s\n}\n');
writeFileSync(join(dir, 'broken.topo'), 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n');

describe('topo simulate', () => {
  it('prints an R-like summary and a per-service table of the first scenario', async () => {
    const { code, stdout } = await run(['shop.topo']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^design: no findings\nshop: scenario lunch, seed 4, /);
    expect(stdout).toMatch(/Min\.\s+1st Qu\.\s+Median\s+Mean\s+3rd Qu\.\s+Max\.\s+p95\s+p99\s+sd/);
    expect(stdout).toMatch(/^web\s+service\s+3\s/m);
    expect(stdout).toMatch(/^carts\s+datastore\s+3\s/m);
  });

  it('prints JSON, the same for the same seed but for wallMs; --seed and --scenario choose', async () => {
    const a = JSON.parse((await run(['shop.topo', '--format', 'json'])).stdout);
    const b = JSON.parse((await run(['shop.topo', '--format', 'json'])).stdout);
    expect({ ...b, wallMs: 0 }).toEqual({ ...a, wallMs: 0 });
    expect(a.scenario).toBe('lunch');
    expect(a.requests).toBeGreaterThan(1500);
    const c = JSON.parse((await run(['shop.topo', '--format', 'json', '--seed', '9', '--scenario', 'dinner'])).stdout);
    expect([c.scenario, c.seed]).toEqual(['dinner', 9]);
  });

  it('runs 100 rps into every entry for 60 s when the file has no scenario', async () => {
    const r = JSON.parse((await run(['plain.topo', '--format', 'json'])).stdout);
    expect(r.scenario).toBe('default');
    expect(r.requests / 60).toBeCloseTo(100, -1);
  });

  it('lists the known scenarios for an unknown one', async () => {
    const { error } = await run(['shop.topo', '--scenario', 'brunch']);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe("no scenario 'brunch'; known: lunch, dinner");
  });

  it('refuses a file that does not lower, naming each finding with file and line', async () => {
    const { error, stderr, stdout } = await run(['broken.topo']);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('broken.topo cannot be simulated: 1 finding the language cannot lower past (unresolved-reference); see topo check broken.topo');
    expect(stderr).toMatch(/^broken\.topo:3:8 error unresolved-reference /);
    expect(stdout).toBe('');
  });

  it('refuses a run over the limit with its estimate', async () => {
    // failure.ts prints it, exit 1 (failures.test.ts).
    const { error, stdout } = await run(['shop.topo', '--max-events', '1000']);
    expect(error).toBeInstanceOf(ResourceLimitError);
    expect(stdout).toBe('');
    expect((error as Error).message).toMatch(/^this run would take about [\d,]+ events, over the limit of 1,000 \(raise it with --max-events\): 2000 requests/);
  });

  it('writes Zipkin and OTLP traces', async () => {
    const zipkin = await run(['shop.topo', '--trace', 'z.json', '--trace-sample', '50']);
    expect(zipkin.code).toBe(0);
    expect(zipkin.stderr).toMatch(/spans of 40 traced requests written to z\.json \(zipkin\)/);
    const spans = JSON.parse(readFileSync(join(dir, 'z.json'), 'utf8'));
    expect(spans[0]).toMatchObject({ kind: 'SERVER', localEndpoint: { serviceName: expect.any(String) } });
    const otlp = await run(['shop.topo', '--trace', 'o.json', '--trace-format', 'otlp']);
    expect(otlp.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')).resourceSpans.length).toBeGreaterThan(0);
  });

  it('sweeps the rate and fits the Universal Scalability Law', async () => {
    const text = await run(['shop.topo', '--sweep-rate', '100:400:100', '--jobs', '1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Rate sweep of scenario lunch, seed 4:/);
    expect(text.stdout).toMatch(/Universal Scalability Law/);
    const json = JSON.parse((await run(['shop.topo', '--sweep-rate', '100:300:100', '--format', 'json'])).stdout);
    expect(json.points.map((p: { rps: number }) => p.rps)).toEqual([100, 200, 300]);
    expect(json).toHaveProperty('usl');
  });

  it('sweeps the users of a closed workload', async () => {
    const text = await run(['crowd.topo', '--sweep-users', '2:6:2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Users sweep of scenario shoppers, seed 1:\n\s+users\s+offered rps\s+throughput/);
    const json = JSON.parse((await run(['crowd.topo', '--sweep-users', '2:6:2', '--format', 'json'])).stdout);
    expect(json.over).toBe('users');
    expect(json.points.map((p: { users: number }) => p.users)).toEqual([2, 4, 6]);
    // Below saturation each user sends about once per think time plus response: near 10 rps a user.
    expect(json.points[0].throughputRps).toBeGreaterThan(15);
    expect((await run(['shop.topo', '--sweep-users', '2:6:2'])).error).toBeInstanceOf(UsageError);
  });

  it('stops on Ctrl-C and prints what it measured', async () => {
    const controller = new AbortController();
    controller.abort();
    const { code, stdout, stderr } = await run(['shop.topo', '--format', 'json'], { signal: controller.signal });
    expect(code).toBe(130);
    expect(JSON.parse(stdout).stopped).toBe(true);
    expect(stderr).toMatch(/^stopped after /);
  });

  it('rejects bad options', async () => {
    for (const argv of [
      ['shop.topo', '--format', 'xml'],
      ['shop.topo', '--trace-format', 'otlp'],
      ['shop.topo', '--trace', 't.json', '--trace-format', 'jaeger'],
      ['shop.topo', '--trace', 't.json', '--trace-sample', '0'],
      ['shop.topo', '--seed', '1.5'],
      ['shop.topo', '--sweep-rate', '300:100:50'],
      ['crowd.topo', '--sweep-users', '1:5:0.5'],
      ['crowd.topo', '--sweep-users', '1:5:1', '--sweep-rate', '1:5:1'],
      ['shop.topo', '--jobs', '2'],
      ['shop.topo', '--max-events', '-1'],
      ['shop.topo', 'plain.topo'],
      [],
    ]) {
      expect((await run(argv)).error, argv.join(' ')).toBeInstanceOf(UsageError);
    }
  });
});
