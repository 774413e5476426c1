// The language server as an editor sees it: `topo lsp --stdio` in a child process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, LSPErrorCodes, WorkDoneProgress, type CodeAction, type CodeLens, type Diagnostic, type Hover, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lsp-client.js';
import { topoModel } from '../bench/model.mjs';

const examples = join(import.meta.dirname, '../examples');
const uri = pathToFileURL(join(examples, 'retry-storm.topo')).toString();
const text = readFileSync(join(examples, 'retry-storm.topo'), 'utf8');
const codes = (list: Diagnostic[]) => list.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

describe('topo lsp --stdio', () => {
  let client: LspClient;
  let version = 1;

  beforeAll(async () => {
    client = new LspClient(pathToFileURL(examples).toString());
    await client.initialize();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topo', version, text } });
  });
  afterAll(async () => client?.close());

  it('publishes the diagnostics of an opened file, with rule ids and links', async () => {
    const list = await client.diagnosticsOf(uri, (l) => l.length > 0);
    expect(codes(list)).toEqual(['deadline-budget@9', 'retry-amplification@16', 'timeout-budget@10', 'timeout-budget@16', 'uniform-timeouts@10']);
    const budget = list.find((d) => d.code === 'timeout-budget')!;
    expect(budget.message).toBe('timeout 2s on the call to middle is shorter than middle may take: 1ms work + 3 attempts × 2s = 6.001s');
    expect(budget.codeDescription?.href).toMatch(/docs\/rules\/timeout-budget\.md$/);
  });

  it('hovers a call with its cost, the target need and the margin', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 15, character: 8 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('cost: 3 attempts × 2s = 6s');
    expect(value).toContain('backend needs 1ms work + 3 attempts × 2s = 6.001s');
    expect(value).toContain('short by 4.001s');
  });

  it('shows code lenses: worst case and reach of services, deadline use of edges', async () => {
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    const titles = lenses.map((l) => l.command?.title);
    expect(titles).toContainEqual(expect.stringMatching(/^worst case 6\.001s · ×3 from edge · [\d.]+ kgCO2e\/month$/));
    expect(titles).toContain('needs 6.001s of 5s');
  });

  it('offers a quick fix that raises the timeout, and applying it clears the error', async () => {
    const list = await client.diagnosticsOf(uri, (l) => l.length > 0);
    const diagnostic = list.find((d) => d.code === 'timeout-budget' && d.range.start.line === 15)!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Raise the timeout'))!;
    expect(fix.title).toBe('Raise the timeout to 7s (backend needs 6.001s, its round trip 1.04ms)');
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'topo', version, text), fix.edit!.changes![uri] as TextEdit[]);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: edited }] });
    const after = await client.diagnosticsOf(uri, (l) => !codes(l).includes('timeout-budget@16'));
    expect(codes(after)).not.toContain('timeout-budget@16');
  });

  it('answers the custom requests: diagram, problems, carbon, scenarios and the model', async () => {
    const diagram = (await client.connection.sendRequest('topo/diagram', { uri, groupBy: 'layer' })) as { svg: string; nodes: { id: string; line: number }[] };
    expect(diagram.svg).toMatch(/<g class="node[^"]*" data-id="middle"/);
    expect(diagram.nodes.find((n) => n.id === 'middle')?.line).toBe(12);
    const problems = (await client.connection.sendRequest('topo/problems', { uri })) as { errors: number; warnings: number };
    expect(problems.errors).toBeGreaterThan(0);
    const carbon = (await client.connection.sendRequest('topo/carbon', { uri, utilization: 0.3 })) as { report: { totalKgCO2ePerMonth: number; components: unknown[] } };
    expect(carbon.report.components).toHaveLength(4);
    expect(carbon.report.totalKgCO2ePerMonth).toBeGreaterThan(0);
    const scenarios = (await client.connection.sendRequest('topo/scenarios', { uri })) as { scenarios: string[] };
    expect(scenarios.scenarios).toEqual(['storm']);
    const { model } = (await client.connection.sendRequest('topo/model', { uri })) as { model: { services: { name: string }[]; scenarios: { name: string }[] } };
    expect(model.services.map((s) => s.name)).toContain('middle');
    expect(model.scenarios.map((s) => s.name)).toEqual(['storm']);
  });

  it('answers a diagram cancelled while it is laid out at once, and lays out the next', async () => {
    // What a preview does when its file is edited again before the diagram came: the server
    // stops the worker laying it out, and the next diagram starts one.
    const big = pathToFileURL(join(examples, 'four-hundred-for-test.topo')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'topo', version: 1, text: topoModel(400) } });
    await client.connection.sendRequest('topo/problems', { uri: big }); // once it is built
    const cancellation = new CancellationTokenSource();
    const stale = client.connection.sendRequest('topo/diagram', { uri: big }, cancellation.token);
    setTimeout(() => cancellation.cancel(), 50); // 500 boxes take ELK far longer, even on a warm worker
    await expect(stale).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
    const drawn = (await client.connection.sendRequest('topo/diagram', { uri: big })) as { svg?: string };
    expect(drawn.svg).toMatch(/data-id="edge0"/);
  });

  it('simulates a file with findings, counting them; refuses one that does not lower, naming why', async () => {
    const storm = (await client.connection.sendRequest('topo/simulate', { uri })) as { result: { scenario: string; findings: { errors: number; byRule: Record<string, number> } } };
    expect(storm.result.scenario).toBe('storm');
    expect(storm.result.findings.errors).toBeGreaterThan(0);
    expect(storm.result.findings.byRule['deadline-budget']).toBe(1);
    const broken = pathToFileURL(join(examples, 'broken-for-test.topo')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'topo', version: 1, text: 'architecture broken\nservice a {\n  call nowhere timeout 1s\n}\n' } });
    const refused = (await client.connection.sendRequest('topo/simulate', { uri: broken })) as { message?: string; result?: unknown };
    expect(refused.result).toBeUndefined();
    expect(refused.message).toBe('broken-for-test.topo cannot be simulated until these are fixed: broken-for-test.topo:3 unresolved-reference');
    const compareRefused = (await client.connection.sendRequest('topo/compare', { uri: broken, against: 'fixed' })) as { message?: string; runs?: unknown };
    expect([compareRefused.runs, compareRefused.message]).toEqual([undefined, refused.message]);
    const modelRefused = (await client.connection.sendRequest('topo/model', { uri: broken })) as { message?: string; model?: unknown };
    expect([modelRefused.model, modelRefused.message]).toEqual([undefined, refused.message]);
    const netflix = pathToFileURL(join(examples, 'netflix.topo')).toString();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: netflix, languageId: 'topo', version: 1, text: readFileSync(join(examples, 'netflix.topo'), 'utf8').replace('2000 rps', '200 rps').replace('for 60s', 'for 6s') } });
    const progress: unknown[] = [];
    client.connection.onProgress(WorkDoneProgress.type, 'sim-1', (p) => void progress.push(p));
    const run = (await client.connection.sendRequest('topo/simulate', { uri: netflix, scenario: 'evening', workDoneToken: 'sim-1', traceEvery: 50 })) as { result: { scenario: string; requests: number; succeeded: number }; spans: { traceId: string }[] };
    expect(run.result.scenario).toBe('evening');
    expect((run as { rightSizing?: { rows: unknown[] } }).rightSizing?.rows).toHaveLength(8);
    const traced = new Set(run.spans.map((s) => s.traceId)).size;
    expect(traced).toBeGreaterThan(0);
    expect(traced).toBeLessThanOrEqual(Math.ceil(run.result.requests / 50) + 100);
    expect(run.result.requests).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ kind: 'end' });
    // The run sizes the file's `instances`: a lens on each says so, until the file changes them.
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: netflix } })) as CodeLens[];
    const sized = lenses.map((l) => l.command?.title ?? '').filter((t) => t.startsWith('simulated '));
    expect(sized).toHaveLength(8); // every component of the file with a count of its own
    for (const title of sized) expect(title).toMatch(/^simulated <?[\d.]+% busy · (\d+ would do · −[\d.]+ (kgCO2e|gCO2e|tCO2e)\/month|right-sized)$/);
    expect(sized.filter((t) => t.includes('would do'))).toHaveLength(7); // the cache already runs one per zone
  });

  it('compares the file as written with its budgets fixed, with progress', async () => {
    const progress: unknown[] = [];
    client.connection.onProgress(WorkDoneProgress.type, 'compare-1', (p) => void progress.push(p));
    const compared = (await client.connection.sendRequest('topo/compare', { uri, against: 'fixed', workDoneToken: 'compare-1' })) as {
      runs: { label: string; result: { scenario: string; seed: number; findings: { errors: number } } }[];
      table: { runs: string[]; services: { name: string; rows: { id: string; values: (number | null)[] }[] }[] };
    };
    expect(compared.runs.map((r) => r.label)).toEqual(['as written', 'budgets fixed']);
    expect(compared.runs[1]!.result.findings.errors).toBe(0);
    expect(compared.table.runs).toEqual(['as written', 'budgets fixed']);
    expect(compared.table.services.map((s) => s.name)).toEqual(['edge', 'middle', 'backend', 'store']);
    const middle = compared.table.services.find((s) => s.name === 'middle')!.rows.find((r) => r.id === 'wastedWork')!.values;
    expect(middle[0]!).toBeGreaterThan(0);
    expect(middle[1]).toBe(0);
    expect(progress.at(-1)).toEqual({ kind: 'end' });
  });

  it('validates the files an open file imports, and renames across imports', async () => {
    const folder = join(import.meta.dirname, 'fixtures/imports');
    const other = new LspClient(pathToFileURL(folder).toString());
    try {
      await other.initialize();
      const app = pathToFileURL(join(folder, 'app.topo')).toString();
      const lib = pathToFileURL(join(folder, 'lib/shared.topo')).toString();
      await other.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: app, languageId: 'topo', version: 1, text: readFileSync(join(folder, 'app.topo'), 'utf8') } });
      const libDiagnostics = await other.diagnosticsOf(lib, (l) => l.length > 0);
      expect(codes(libDiagnostics)).toEqual(['consistency-level@3', 'replication-factor@3']);
      const rename = (await other.connection.sendRequest('textDocument/rename', { textDocument: { uri: app }, position: { line: 4, character: 8 }, newName: 'orders' })) as { changes: Record<string, TextEdit[]> };
      expect(Object.keys(rename.changes).sort()).toEqual([app, lib].sort());
      // A name the language cannot read is refused, with the reason, rather than written into both files.
      const refused = other.connection.sendRequest('textDocument/rename', { textDocument: { uri: app }, position: { line: 4, character: 8 }, newName: 'service' });
      await expect(refused).rejects.toMatchObject({ code: -32602, message: "'service' is a keyword of the language and cannot be a name" });
      const definition = (await other.connection.sendRequest('textDocument/definition', { textDocument: { uri: app }, position: { line: 4, character: 8 } })) as { targetUri: string }[];
      expect(definition[0]!.targetUri).toBe(lib);
    } finally {
      await other.close();
    }
  });

  it('clears the diagnostics when the file is fixed', async () => {
    const fixed = text
      .replace('deadline 5s', 'deadline 3s')
      .replace('call middle timeout 2s retries 2', 'call middle timeout 1s retries 1')
      .replace('call backend timeout 2s retries 2', 'call backend timeout 400ms retries 1')
      .replace('call store timeout 2s retries 2', 'call store timeout 100ms retries 1');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: fixed }] });
    expect(await client.diagnosticsOf(uri, (l) => l.length === 0)).toEqual([]);
  });
});
