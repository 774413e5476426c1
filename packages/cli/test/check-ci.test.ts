// `topo check` in CI: SARIF validated against the official 2.1.0 schema, GitHub Actions
// workflow commands with GitHub's escaping, and --max-warnings at its boundary.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@topo/model';
import { formatWorkflowCommand, pathNamer } from '../src/format-diagnostics.js';
import { rulePages } from '../src/rule-pages.js';
import { topo } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));
const rulesFolder = join(here, '../../../docs/rules');

// The OASIS schema is JSON Schema draft-04 (see fixtures/sarif-schema-2.1.0.md).
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(join(here, 'fixtures/sarif-schema-2.1.0.json'), 'utf8')));

const dir = mkdtempSync(join(tmpdir(), 'topo-ci-'));
writeFileSync(join(dir, 'broken.topo'), 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n');
writeFileSync(join(dir, 'two-warnings.topo'), 'architecture w\nservice a {\n  call b\n  call c\n}\nservice b\nservice c\n');
writeFileSync(join(dir, 'routes.topo'), 'architecture r\nservice a {\n  route 90% b timeout 1s\n}\nservice b\n');
writeFileSync(join(dir, 'propagated.topo'), 'architecture p\nservice a {\n  deadline 1s\n  budget propagate\n  call b timeout 10ms\n}\nservice b {\n  work 50ms\n}\n');
mkdirSync(join(dir, 'odd, name: here'));
writeFileSync(join(dir, 'odd, name: here', 'x%.topo'), 'service a {\n  call b\n}\nservice b\n');

async function sarif(...files: string[]): Promise<Log> {
  const run = await topo(['check', '--format', 'sarif', ...files], dir);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Log;
}

describe('topo check --format sarif', () => {
  it('is valid SARIF 2.1.0 for errors, warnings and information, odd file names included', async () => {
    const log = await sarif('broken.topo', 'two-warnings.topo', 'propagated.topo', 'odd, name: here/x%.topo');
    expect(validateSarif(log), ajv.errorsText(validateSarif.errors)).toBe(true);
    expect(log.runs[0]!.results!.map((r) => r.level)).toEqual(['error', 'warning', 'warning', 'note', 'warning']);
  });

  it('the validator is not a formality: a level SARIF does not have is refused', async () => {
    const log = await sarif('two-warnings.topo');
    log.runs[0]!.results![0]!.level = 'info' as 'note';
    expect(validateSarif(log)).toBe(false);
  });

  it('lists every rule page with its descriptions, default level and help', async () => {
    const { rules } = (await sarif('broken.topo')).runs[0]!.tool.driver;
    const pages = readFileSync(join(rulesFolder, 'fan-out.md'), 'utf8');
    expect(rules!.map((r) => r.id)).toEqual(rulePages().map((p) => p.id));
    expect(rules!.length).toBeGreaterThanOrEqual(27);
    expect(rules!.find((r) => r.id === 'fan-out')).toEqual({
      id: 'fan-out',
      shortDescription: { text: 'A service that calls more distinct targets (services, datastores and caches) than the limit.' },
      fullDescription: { text: "A service that calls more distinct targets (services, datastores and caches) than the limit. Reported on the service's name." },
      helpUri: pathToFileURL(join(rulesFolder, 'fan-out.md')).href,
      help: { text: "A service that calls more distinct targets (services, datastores and caches) than the limit. Reported on the service's name.", markdown: pages },
      defaultConfiguration: { level: 'warning' },
    });
    expect(rules!.find((r) => r.id === 'timeout-budget')!.defaultConfiguration).toEqual({ level: 'error' });
    expect(rules!.find((r) => r.id === 'syntax')!.defaultConfiguration).toEqual({ level: 'error' });
    for (const rule of rules!) {
      expect(rule.shortDescription!.text, rule.id).toMatch(/^\S.*\.$/);
      expect(rule.defaultConfiguration?.level, rule.id).toMatch(/^(error|warning|note)$/);
    }
    // Every paragraph of "What it catches", each on one line.
    const paragraphs = rules!.find((r) => r.id === 'retry-amplification')!.fullDescription!.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Retries multiply down a chain of calls: .+\.$/);
    expect(paragraphs.at(-1)).toMatch(/^Entries are the services nobody calls .+ never by following every path\.$/);
    for (const p of paragraphs) expect(p).not.toContain('\n');
  });

  it('reports each finding with its rule, level, message and 1-based region relative to %SRCROOT%', async () => {
    const [run] = (await sarif('broken.topo')).runs;
    expect(run!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
    expect(run!.results).toEqual([
      {
        ruleId: 'unresolved-reference',
        ruleIndex: run!.tool.driver.rules!.findIndex((r) => r.id === 'unresolved-reference'),
        level: 'error',
        message: { text: "no service, datastore or cache named 'nowhere' is declared in this file or its imports" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'broken.topo', uriBaseId: '%SRCROOT%' },
              region: { startLine: 3, startColumn: 8, endLine: 3, endColumn: 15 },
            },
          },
        ],
      },
    ]);
  });

  it('encodes paths as URIs, and gives a file outside the working directory its absolute URI', async () => {
    const inside = (await sarif('odd, name: here/x%.topo')).runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation;
    expect(inside).toEqual({ uri: 'odd,%20name:%20here/x%25.topo', uriBaseId: '%SRCROOT%' });
    const sub = await topo(['check', '--format', 'sarif', join(dir, 'broken.topo')], join(dir, 'odd, name: here'));
    const outside = (JSON.parse(sub.stdout) as Log).runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation;
    expect(outside).toEqual({ uri: pathToFileURL(join(dir, 'broken.topo')).href });
  });

  it('has an empty results list, still valid, when there is nothing to report', async () => {
    writeFileSync(join(dir, 'clean.topo'), 'architecture clean\nservice a {\n  work 1ms\n}\n');
    const log = await sarif('clean.topo');
    expect(log.runs[0]!.results).toEqual([]);
    expect(validateSarif(log)).toBe(true);
  });
});

describe('topo check --format github', () => {
  it('prints a workflow command per finding, then the summary', async () => {
    const run = await topo(['check', '--format', 'github', 'broken.topo', 'two-warnings.topo'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      "::error file=broken.topo,line=3,col=8,endLine=3,endColumn=15,title=unresolved-reference::no service, datastore or cache named 'nowhere' is declared in this file or its imports",
      '::warning file=two-warnings.topo,line=3,col=3,endLine=3,endColumn=9,title=missing-timeout::the call to b has no timeout: if b hangs, a waits with it, and no caller of a can budget for it',
      '::warning file=two-warnings.topo,line=4,col=3,endLine=4,endColumn=9,title=missing-timeout::the call to c has no timeout: if c hangs, a waits with it, and no caller of a can budget for it',
      '1 error, 2 warnings (2 files checked)',
      '',
    ]);
  });

  it('makes information a notice and escapes % in messages, and : , % in properties', async () => {
    const run = await topo(['check', '--format', 'github', 'propagated.topo', 'routes.topo', 'odd, name: here/x%.topo'], dir);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^::notice file=propagated\.topo,line=5,col=3,endLine=5,endColumn=\d+,title=timeout-budget::timeout 10ms on the call to b/);
    expect(lines[1]).toBe('::error file=routes.topo,line=3,col=3,endLine=3,endColumn=25,title=route-shares::the routes of a add up to 90%25, not 100%25: 90%25 b');
    expect(lines[2]).toMatch(/^::warning file=odd%2C name%3A here\/x%25\.topo,line=2,col=3,/);
  });

  it('escapes line breaks in messages and properties', () => {
    const f: Finding = { code: 'x', severity: 'hint', message: '50%\r\nnext: a, b', loc: { uri: pathToFileURL(join(dir, 'a\nb.topo')).href, start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } };
    expect(formatWorkflowCommand(f, pathNamer(dir))).toBe('::notice file=a%0Ab.topo,line=1,col=1,endLine=1,endColumn=5,title=x::50%25%0D%0Anext: a, b');
  });
});

describe('topo check --max-warnings', () => {
  it.each([
    [2, 0],
    [1, 1],
    [0, 1],
  ])('two warnings with --max-warnings %i exit %i', async (max, code) => {
    const run = await topo(['check', '--max-warnings', String(max), 'two-warnings.topo'], dir);
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(code ? `topo check: 2 warnings, more than --max-warnings ${max}\n` : '');
  });

  it('counts warnings only: information never fails the run, an error always does', async () => {
    expect((await topo(['check', '--max-warnings', '0', 'propagated.topo'], dir)).code).toBe(0);
    expect((await topo(['check', '--max-warnings', '10', 'broken.topo'], dir)).code).toBe(1);
  });

  it('keeps stdout machine-readable when it fails the run', async () => {
    const run = await topo(['check', '--format', 'json', '--max-warnings', '1', 'two-warnings.topo'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics).toHaveLength(2);
  });

  it.each(['-1', '1.5', 'many', ''])('refuses %j with exit 2', async (value) => {
    const run = await topo(['check', `--max-warnings=${value}`, 'two-warnings.topo'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-warnings wants a whole number');
  });
});
