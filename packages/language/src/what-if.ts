// What-ifs: a design beside a changed version of it, the same scenario and seed on both. The
// change the editor offers is the source action "Fix timeout budgets"; its edits are made
// once, for the code action and for the comparison, in timeout-budget-edits.ts.
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { summarizeFindings, type Finding, type Model } from '@topo/model';
import { resolveScenario, simulate, UnknownScenarioError, type Progress, type SimulateOptions, type SimulationResult } from '@topo/simulator';
import { comparisonTable, type ComparisonTable } from './comparison.js';
import { parseModelFromString, type LoadResult } from './load.js';
import type { Analysis } from './models.js';
import { timeoutBudgetEdits } from './timeout-budget-edits.js';
import type { TopoServices } from './topo-module.js';
import { isInside, workspaceRoots } from './validation/imports.js';

export const WHAT_IF_LABELS = { asWritten: 'as written', budgetsFixed: 'budgets fixed' } as const;

/**
 * The document after "Fix timeout budgets", built with the files it imports as they are
 * (their text, not the disk: an editor's unsaved changes count) and the topo.json on disk
 * that applies to it, inside the workspace folder `services` has for it. `edits` is 0 when
 * every budget already holds.
 */
export async function withTimeoutBudgetsFixed(
  document: LangiumDocument,
  analysis: Analysis,
  imported: readonly LangiumDocument[],
  services: TopoServices,
): Promise<LoadResult & { edits: number }> {
  const edits = timeoutBudgetEdits(document, analysis);
  const text = TextDocument.applyEdits(document.textDocument as TextDocument, edits);
  const others = Object.fromEntries(imported.filter((d) => d !== document).map((d) => [d.uri.toString(), d.textDocument.getText()]));
  const root = workspaceRoots(services)?.map((r) => URI.parse(r)).find((r) => isInside(document.uri, r));
  const loaded = await parseModelFromString(text, document.uri.toString(), others, { fileSystem: NodeFileSystem, ...(root ? { workspaceRoot: root.fsPath } : {}) });
  return { ...loaded, edits: edits.length };
}

/** One design to run: its model, its findings, and how messages name it. */
export interface WhatIfVersion {
  label: string;
  /** The file, as a message should name it. */
  file: string;
  model: Model;
  findings: readonly Finding[];
}

export interface WhatIfRun {
  label: string;
  result: SimulationResult;
}

export interface WhatIfOptions extends Pick<SimulateOptions, 'signal' | 'maxEvents' | 'maxMemoryBytes'> {
  /** Default: the first version's first scenario (or the default load). */
  scenario?: string;
  /** Default: that scenario's seed. */
  seed?: number;
  /** Progress of the run at `index` (of `runs`). */
  onProgress?: (p: Progress, index: number, runs: number) => void;
}

/** A version without the scenario the comparison runs: the message names its file. */
export class WhatIfScenarioError extends Error {}

/**
 * Runs the versions one after another on one scenario and one seed, each result carrying
 * its design's findings, and tabulates them. Throws WhatIfScenarioError before running
 * anything when a version lacks the scenario.
 */
export async function runWhatIf(versions: readonly WhatIfVersion[], options: WhatIfOptions = {}): Promise<{ runs: WhatIfRun[]; table: ComparisonTable }> {
  const first = versions[0];
  if (!first) throw new RangeError('a what-if needs a version to run');
  const scenario = options.scenario ?? first.model.scenarios[0]?.name;
  const scenarioOf = (v: WhatIfVersion) => {
    try {
      return resolveScenario(v.model, scenario);
    } catch (e) {
      throw e instanceof UnknownScenarioError ? new WhatIfScenarioError(`${v.file}: ${e.message}`) : e;
    }
  };
  const seed = options.seed ?? scenarioOf(first).seed;
  for (const v of versions) scenarioOf(v);
  const runs: WhatIfRun[] = [];
  for (const [i, v] of versions.entries()) {
    const result = await simulate(v.model, {
      scenario,
      seed,
      signal: options.signal,
      maxEvents: options.maxEvents,
      maxMemoryBytes: options.maxMemoryBytes,
      onProgress: (p) => options.onProgress?.(p, i, versions.length),
    });
    runs.push({ label: v.label, result: { ...result, findings: summarizeFindings(v.findings) } });
  }
  return { runs, table: comparisonTable(runs.map((r, i) => ({ ...r, model: versions[i]!.model }))) };
}
