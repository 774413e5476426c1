// What-ifs in the language package: the document after "Fix timeout budgets", and the two
// runs with their table, against arithmetic done here.
import { describe, expect, it } from 'vitest';
import { runWhatIf, WHAT_IF_LABELS, WhatIfScenarioError, withTimeoutBudgetsFixed } from '../src/what-if.js';
import { loadText } from './helpers.js';

// Every attempt at b takes 18ms of work and a gives up after 10ms: all of b's work is wasted.
const impatient = [
  'architecture impatient',
  'service a {',
  '  call b timeout 10ms',
  '}',
  'service b {',
  '  work 18ms constant',
  '}',
  'scenario s {',
  '  load 10 rps into a for 10s',
  '  seed 3',
  '}',
  '',
].join('\n');

const HOURS_PER_MONTH = 730;
const M5_LARGE_MARGINAL_W = 4.26 - 0.65; // Skylake max − min watts per vCPU
const AWS_PUE = 1.135;
const US_EAST_1_G_PER_KWH = 379.069; // the implicit region's grid

async function versions() {
  const loaded = await loadText(impatient);
  const entry = loaded.documents[0]!;
  const fixed = await withTimeoutBudgetsFixed(entry, loaded.services.topo.Models.analysisOf(entry), loaded.documents, loaded.services);
  return {
    fixed,
    versions: [
      { label: WHAT_IF_LABELS.asWritten, file: 'main.topo', model: loaded.model, findings: loaded.findings },
      { label: WHAT_IF_LABELS.budgetsFixed, file: 'main.topo with budgets fixed', model: fixed.model, findings: fixed.findings },
    ],
  };
}

describe('withTimeoutBudgetsFixed', () => {
  it('is the file after the source action: the timeout raised to cover b, every budget holding', async () => {
    const { fixed } = await versions();
    expect(fixed.edits).toBe(1);
    const timeout = fixed.model.services.find((s) => s.name === 'a')!.calls[0]!.timeoutMs!;
    expect(timeout).toBeGreaterThan(18);
    expect(fixed.findings.filter((f) => f.code === 'timeout-budget')).toEqual([]);
  });

  it('builds the imported files from their text, and edits only the entry', async () => {
    const loaded = await loadText('import "lib.topo"\narchitecture app\nservice a {\n  call b timeout 10ms\n}\n', { 'file:///ws/lib.topo': 'service b {\n  work 20ms constant\n}\n' });
    const entry = loaded.documents[0]!;
    const fixed = await withTimeoutBudgetsFixed(entry, loaded.services.topo.Models.analysisOf(entry), loaded.documents, loaded.services);
    expect(fixed.edits).toBe(1);
    expect(fixed.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(fixed.model.services.map((s) => s.name).sort()).toEqual(['a', 'b']);
    expect(fixed.documents[1]!.textDocument.getText()).toBe('service b {\n  work 20ms constant\n}\n');
  });
});

describe('runWhatIf', () => {
  it('runs both on one scenario and seed, and tabulates them by the formulas', async () => {
    const { versions: both } = await versions();
    const { runs, table } = await runWhatIf(both);
    const [written, fixed] = runs.map((r) => r.result);
    expect(runs.map((r) => r.label)).toEqual(['as written', 'budgets fixed']);
    expect([written!.seed, fixed!.seed, table.seed, table.scenario]).toEqual([3, 3, 3, 's']);
    expect(written!.findings!.byRule['timeout-budget']).toBe(1);
    const row = (id: string) => table.rows.find((r) => r.id === id)!.values;
    const bRow = (id: string) => table.services.find((s) => s.name === 'b')!.rows.find((r) => r.id === id)!.values;
    expect(row('succeeded')).toEqual([0, 100]);
    expect(row('attemptsPerRequest')).toEqual([1, 1]);
    expect(row('p50')[0]).toBeNull(); // no successes to measure
    // Every attempt at b is abandoned after its 18ms of work; none once the timeout covers it.
    const attemptsAtB = written!.services.find((s) => s.name === 'b')!.requests;
    expect(attemptsAtB).toBe(written!.requests);
    expect(bRow('wastedWork')[0]).toBeCloseTo(18 * attemptsAtB, 6);
    expect(bRow('wastedWork')[1]).toBe(0);
    expect(bRow('wastedShare')[0]).toBeCloseTo(100, 0);
    // 18ms × attempts in the 10s measured, at the same rate all month, on m5.large's marginal watts.
    const vcpuHours = ((18 * attemptsAtB) / 10) * (HOURS_PER_MONTH * 3600) / 3_600_000;
    const kWh = (vcpuHours * M5_LARGE_MARGINAL_W * AWS_PUE) / 1000;
    expect(bRow('wastedEnergy')[0]).toBeCloseTo(kWh, 9);
    expect(bRow('wastedCarbon')[0]).toBeCloseTo((kWh * US_EAST_1_G_PER_KWH) / 1000, 9);
    expect(row('wastedEnergy')[0]).toBeCloseTo(kWh, 9); // a wastes nothing: it has no caller to give up
  });

  it('tabulates a comparison stopped before anything was measured, with no energy to price', async () => {
    const { versions: both } = await versions();
    const stopped = new AbortController();
    stopped.abort();
    const { runs, table } = await runWhatIf(both, { signal: stopped.signal });
    expect(runs.map((r) => [r.result.stopped, r.result.measuredSeconds])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    expect(table.rows.find((r) => r.id === 'wastedEnergy')!.values).toEqual([0, 0]);
    expect(table.services.find((s) => s.name === 'b')?.rows.find((r) => r.id === 'wastedEnergy')?.values ?? [null, null]).toEqual([null, null]);
  });

  it('refuses, before running anything, a scenario a version lacks, naming its file', async () => {
    const { versions: both } = await versions();
    await expect(runWhatIf(both, { scenario: 'nope' })).rejects.toThrow(new WhatIfScenarioError("main.topo: no scenario 'nope'; known: s"));
  });
});
