// `topo import spigo|kubernetes|traces`: the command line around the importers, run in-process.
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importKubernetes } from '@topo/interop/kubernetes';
import { importSpigo } from '@topo/interop/spigo';
import { importTraces } from '@topo/interop/traces';
import { importCommand } from '../src/commands/import.js';
import { topo } from './run.js';

const lamp = {
  arch: 'lamp',
  description: 'Simple LAMP stack',
  version: 'arch-0.0',
  victim: '',
  services: [
    { name: 'rds-mysql', package: 'store', count: 2, regions: 1, dependencies: [] },
    { name: 'webserver', package: 'monolith', count: 18, regions: 1, dependencies: ['rds-mysql'] },
    { name: 'www', package: 'denominator', count: 0, regions: 0, dependencies: ['webserver'] },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'topo-import-'));
const write = (name: string, content: unknown) => writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
write('lamp_arch.json', lamp);
write('broken.json', '{"arch": "lamp", "services": [');
write('nocount.json', { ...lamp, services: [{ name: 'webserver', package: 'monolith', regions: 1, dependencies: [] }] });
write('pirate.json', { ...lamp, services: [{ name: 'jack', package: 'pirate', count: 1, regions: 1, dependencies: [] }] });
write('nowww.json', { ...lamp, services: lamp.services.slice(0, 2) });
mkdirSync(join(dir, 'folder.json'));

const expected = importSpigo(lamp, { fileName: 'lamp_arch.json' }).text;

describe('topo import spigo', () => {
  it('writes the Topo file on stdout', async () => {
    const run = await topo(['import', 'spigo', 'lamp_arch.json'], dir);
    expect(run).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it.each([['-o'], ['--output']])('writes it into the file %s names, and nothing on stdout', async (flag) => {
    const run = await topo(['import', 'spigo', 'lamp_arch.json', flag, 'lamp.topo'], dir);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'lamp.topo'), 'utf8')).toBe(expected);
  });

  it('prints what the file could not say as warnings on stderr, and still exits 0', async () => {
    const run = await topo(['import', 'spigo', 'nowww.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('architecture lamp');
    expect(run.stderr).toBe('topo import: warning: no denominator: the file has no scenario, and a simulation loads every entry\n');
  });

  it.each([
    [['import'], 'import from what?'],
    [['import', 'yaml', 'lamp_arch.json'], "topo import reads spigo, kubernetes, traces, not 'yaml'"],
    [['import', 'spigo'], 'one spigo .json file, please'],
    [['import', 'spigo', 'lamp_arch.json', 'more.json'], 'one spigo .json file, please'],
    [['import', 'spigo', 'missing.json'], 'missing.json: no such file'],
    [['import', 'spigo', 'folder.json'], 'folder.json: is a directory'],
    [['import', 'spigo', 'broken.json'], 'broken.json: not valid JSON: ', 1],
    [['import', 'spigo', 'nocount.json'], `nocount.json: service 'webserver' has no "count"`, 1],
    [['import', 'spigo', 'pirate.json'], "pirate.json: service 'jack' has the unknown package 'pirate'", 1],
    [['import', 'spigo', 'lamp_arch.json', '-o', 'no/such/dir/out.topo'], 'cannot write no/such/dir/out.topo (ENOENT)'],
    [['import', 'spigo', 'lamp_arch.json', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 (1 for input it cannot make sense of) with a one-line message for %j', async (argv, message, code = 2) => {
    const run = await topo(argv, dir);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith('topo import: ')).toBe(true);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows its usage with --help', async () => {
    const run = await topo(['import', '--help'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.startsWith(`usage: ${importCommand.usage}\n`)).toBe(true);
  });
});

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../interop/test/fixtures');
copyFileSync(join(fixtures, 'online-boutique/kubernetes-manifests.yaml'), join(dir, 'boutique.yaml'));
copyFileSync(join(fixtures, 'zipkin/yelp.json'), join(dir, 'yelp.json'));
write('broken.yaml', 'kind: Service\nmetadata:\n  name: [web\n');
write('pirate.yaml', 'apiVersion: example.com/v1\nkind: Pirate\nmetadata:\n  name: jack\n');
write('nameless.json', [{ traceId: 'a', id: '1', timestamp: 1, duration: 2, localEndpoint: {} }]);
write('huge.yaml', '');
truncateSync(join(dir, 'huge.yaml'), 17 * 1024 * 1024);

describe('topo import kubernetes and traces', () => {
  it('writes the manifests as a Topo file, with what they could not say on stderr', async () => {
    const run = await topo(['import', 'kubernetes', 'boutique.yaml', '-o', 'boutique.topo'], dir);
    const expected = importKubernetes([{ name: 'boutique.yaml', text: readFileSync(join(dir, 'boutique.yaml'), 'utf8') }]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: expected.warnings.map((w) => `topo import: warning: ${w}\n`).join('') });
    expect(readFileSync(join(dir, 'boutique.topo'), 'utf8')).toBe(expected.text);
  });

  it('writes traces as a Topo file on stdout', async () => {
    const run = await topo(['import', 'traces', 'yelp.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(importTraces({ name: 'yelp.json', text: readFileSync(join(dir, 'yelp.json'), 'utf8') }).text);
  });

  it.each([
    [['import', 'kubernetes', 'broken.yaml'], /^topo import: broken\.yaml:4:1: not valid YAML: /, 1],
    [['import', 'kubernetes', 'boutique.yaml', 'pirate.yaml'], /^topo import: pirate\.yaml:2:7: unknown kind 'Pirate' \(example\.com\/v1\)/, 1],
    [['import', 'kubernetes', 'huge.yaml'], /^topo import: huge\.yaml: is 17\.0 MB; the importers read files up to 16 MB/],
    [['import', 'traces', 'nameless.json'], /^topo import: nameless\.json: span 1 \(id 1\) has no localEndpoint\.serviceName/, 1],
    [['import', 'traces', 'yelp.json', 'boutique.yaml'], /^topo import: one Zipkin or OTLP \.json trace file, please/],
    [['import', 'kubernetes'], /^topo import: one or more Kubernetes or Istio \.yaml files, please/],
  ])('exits 2 (1 for input it cannot make sense of) for %j, naming the file and the place, and writes nothing', async (argv, message, code = 2) => {
    const run = await topo([...argv, '-o', 'refused.topo'], dir);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'refused.topo'))).toBe(false);
  });
});
