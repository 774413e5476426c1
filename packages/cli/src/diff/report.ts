// What `topo diff` finds between two versions, as plain data: the JSON it prints, and what
// the text and markdown formats show.
import { estimateCarbon, diffCarbon, type CarbonDiff } from '@topo/carbon';
import type { ComparisonUnit } from '@topo/language';
import { runWhatIf, WhatIfScenarioError, type WhatIfOptions } from '@topo/language/what-if';
import { diffFindings, diffModels, type FindingChange, type ModelDiff } from '@topo/model';
import { toJsonDiagnostic, type JsonDiagnostic } from '../format-diagnostics.js';
import { UsageError } from '../io.js';
import type { Version } from './version.js';

export interface DiffReport extends ModelDiff {
  old: string;
  new: string;
  /** `file` is where the finding is in its version: introduced ones in NEW, resolved ones in OLD. */
  findings: { introduced: DiffFinding[]; resolved: DiffFinding[] };
  /** kgCO2e per month, at CCF's default CPU utilisation. */
  carbon: CarbonDiff;
  simulation?: SimulationDiff;
  /** True when NEW brings an error OLD did not have: the command exits 1. */
  introducesError: boolean;
}

export interface DiffFinding extends JsonDiagnostic {
  element: string;
}

export interface SimulationDiff {
  scenario: string;
  seed: number;
  /** `succeeded` (%), `p99` (ms), `wastedWork` (ms)… as the simulation comparison names them; null where nothing was measured. */
  rows: { id: string; label: string; unit: ComparisonUnit; before: number | null; after: number | null; delta: number | null }[];
}

export interface DiffOptions extends Pick<WhatIfOptions, 'signal' | 'maxEvents' | 'maxMemoryBytes'> {
  /** Simulate this scenario of both versions, with one seed. */
  scenario?: string;
}

/**
 * `stopped` when Ctrl-C ended the simulations early. Throws UsageError when a version lacks
 * the scenario, and the simulator's ResourceLimitError when a simulation is too large to run.
 */
export async function diffVersions(old: Version, now: Version, options: DiffOptions): Promise<{ report: DiffReport; stopped: boolean }> {
  const findings = diffFindings(old.loaded, now.loaded);
  const { scenario, ...simulation } = options;
  const simulated = scenario === undefined ? undefined : await simulateBoth(old, now, { scenario, ...simulation });
  const report: DiffReport = {
    old: old.spec,
    new: now.spec,
    ...diffModels(old.loaded.model, now.loaded.model),
    findings: { introduced: findings.introduced.map((f) => located(f, now)), resolved: findings.resolved.map((f) => located(f, old)) },
    carbon: diffCarbon(estimateCarbon(old.loaded.model), estimateCarbon(now.loaded.model)),
    ...(simulated ? { simulation: simulated.diff } : {}),
    introducesError: findings.introduced.some((f) => f.severity === 'error'),
  };
  return { report, stopped: simulated?.stopped ?? false };
}

function located(f: FindingChange, version: Version): DiffFinding {
  return { ...toJsonDiagnostic(f, version.fileOf), element: f.element };
}

async function simulateBoth(old: Version, now: Version, options: WhatIfOptions): Promise<{ diff: SimulationDiff; stopped: boolean }> {
  const version = (v: Version, label: string) => ({ label, file: v.spec, model: v.loaded.model, findings: v.loaded.findings });
  try {
    const { runs, table } = await runWhatIf([version(old, 'old'), version(now, 'new')], options);
    const rows = table.rows.map(({ id, label, unit, values: [before = null, after = null] }) => ({ id, label, unit, before, after, delta: before === null || after === null ? null : after - before }));
    return { diff: { scenario: table.scenario, seed: table.seed, rows }, stopped: runs.some((r) => r.result.stopped) };
  } catch (e) {
    if (e instanceof WhatIfScenarioError) throw new UsageError(e.message);
    throw e;
  }
}
