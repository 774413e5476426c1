// The side-by-side table of simulation runs of one scenario: what the CLI prints under
// `--compare` and the editor's compare view draws. Plain numbers; no formatting here.
import { threadTimeFootprint } from '@topo/carbon';
import { componentIndex, type Model } from '@topo/model';
import type { SimulationResult } from '@topo/simulator';

export type ComparisonUnit = '%' | 'rps' | 'ms' | 'count' | 'per request' | 'kWh/month' | 'kgCO2e/month';

export interface ComparisonRow {
  /** Stable, for code: `succeeded`, `p99`, `wastedWork`, … */
  id: string;
  label: string;
  unit: ComparisonUnit;
  /** One per run, in the table's order; null where there is nothing to measure (no successes, a managed store). */
  values: (number | null)[];
}

export interface ComparisonTable {
  /** The runs' labels: `as written`, `budgets fixed`. */
  runs: string[];
  scenario: string;
  seed: number;
  rows: ComparisonRow[];
  /** Per service, datastore and cache, in the first run's order, then those only later runs have. */
  services: { name: string; rows: ComparisonRow[] }[];
}

export interface ComparedRun {
  label: string;
  /** The model the run simulated: its instance types and regions price the wasted work. */
  model: Model;
  result: SimulationResult;
}

/** What a run's numbers are about, for one component or the whole architecture. */
interface Measures {
  requests: number;
  timeouts: number;
  retries: number;
  wastedWorkMs: number;
  /** Thread time held in the measured window; null when it cannot be known (managed). */
  workMs: number | null;
  energyKWhPerMonth: number | null;
  kgCO2ePerMonth: number | null;
}

export function comparisonTable(runs: readonly ComparedRun[]): ComparisonTable {
  const measured = runs.map(measures);
  const row = (id: string, label: string, unit: ComparisonUnit, value: (i: number) => number | null): ComparisonRow => ({ id, label, unit, values: runs.map((_, i) => value(i)) });
  const common = (pick: (i: number) => Measures | undefined): ComparisonRow[] => [
    row('timeouts', 'timeouts', 'count', (i) => pick(i)?.timeouts ?? null),
    row('retries', 'retries', 'count', (i) => pick(i)?.retries ?? null),
    row('wastedWork', 'wasted work', 'ms', (i) => pick(i)?.wastedWorkMs ?? null),
    row('wastedShare', 'wasted share of work', '%', (i) => share(pick(i))),
    row('wastedEnergy', 'wasted energy', 'kWh/month', (i) => pick(i)?.energyKWhPerMonth ?? null),
    row('wastedCarbon', 'wasted carbon', 'kgCO2e/month', (i) => pick(i)?.kgCO2ePerMonth ?? null),
  ];
  const r = (i: number) => runs[i]!.result;
  const names = [...new Set(runs.flatMap((run) => run.result.services.map((s) => s.name)))];
  return {
    runs: runs.map((run) => run.label),
    scenario: runs[0]?.result.scenario ?? '',
    seed: runs[0]?.result.seed ?? 0,
    rows: [
      row('succeeded', 'succeeded', '%', (i) => (r(i).requests === 0 ? null : (100 * r(i).succeeded) / r(i).requests)),
      row('goodput', 'goodput', 'rps', (i) => r(i).throughputRps),
      row('p50', 'p50 of successes', 'ms', (i) => r(i).latencyMs.p50),
      row('p99', 'p99 of successes', 'ms', (i) => r(i).latencyMs.p99),
      row('attemptsPerRequest', 'attempts', 'per request', (i) => (r(i).requests === 0 ? null : r(i).attempts / r(i).requests)),
      ...common((i) => measured[i]!.total),
    ],
    services: names.map((name) => ({
      name,
      rows: [row('requests', 'attempts served', 'count', (i) => measured[i]!.byComponent.get(name)?.requests ?? null), ...common((i) => measured[i]!.byComponent.get(name))],
    })),
  };
}

function share(m: Measures | undefined): number | null {
  return m === undefined || m.workMs === null || m.workMs === 0 ? null : (100 * m.wastedWorkMs) / m.workMs;
}

/**
 * Each component's measures and their sum. Work is the thread time utilisation reports
 * (busy share × threads × instances × the measured window); wasted work is the part of it
 * whose caller had given up. The energy is CCF's marginal power of that thread time.
 */
function measures(run: ComparedRun): { total: Measures; byComponent: Map<string, Measures> } {
  const { model, result } = run;
  const index = componentIndex(model);
  const byComponent = new Map<string, Measures>();
  for (const s of result.services) {
    const c = index.get(s.name);
    // A run stopped before its warmup ended measured nothing: there is no rate to price.
    const footprint = result.measuredSeconds > 0 ? threadTimeFootprint(model, s.name, s.wastedWorkMs, result.measuredSeconds) : undefined;
    const workMs = s.utilization === null || !c ? null : s.utilization * c.threads * s.instances * result.measuredSeconds * 1000;
    byComponent.set(s.name, {
      requests: s.requests,
      timeouts: s.timeouts,
      retries: s.retries,
      wastedWorkMs: s.wastedWorkMs,
      workMs,
      energyKWhPerMonth: footprint?.energyKWhPerMonth ?? null,
      kgCO2ePerMonth: footprint?.kgCO2ePerMonth ?? null,
    });
  }
  const all = [...byComponent.values()];
  const sum = (pick: (m: Measures) => number | null) => all.reduce((n, m) => n + (pick(m) ?? 0), 0);
  // Managed components have no thread time to compare with; the share is over the rest.
  const withWork = all.filter((m) => m.workMs !== null);
  return {
    total: {
      requests: result.attempts,
      timeouts: result.timeouts,
      retries: result.retries,
      wastedWorkMs: result.wastedWorkMs,
      workMs: withWork.length === 0 ? null : sum((m) => m.workMs),
      energyKWhPerMonth: sum((m) => m.energyKWhPerMonth),
      kgCO2ePerMonth: sum((m) => m.kgCO2ePerMonth),
    },
    byComponent,
  };
}
