// The carbon of two versions of an architecture compared: the total, and each component's
// total over its regions (a component only in one version counts zero in the other).
import { componentCarbon, type CarbonReport } from './report.js';

/** kgCO2e per month. */
export interface CarbonChange {
  before: number;
  after: number;
  delta: number;
}

export interface CarbonDiff {
  total: CarbonChange;
  /** The components whose carbon changed, the largest change first. */
  components: (CarbonChange & { name: string })[];
}

export function diffCarbon(before: CarbonReport, after: CarbonReport): CarbonDiff {
  const names = [...new Set([...before.components, ...after.components].map((c) => c.name))];
  const components = names
    .map((name) => ({ name, ...change(componentCarbon(before, name)?.totalKgCO2ePerMonth ?? 0, componentCarbon(after, name)?.totalKgCO2ePerMonth ?? 0) }))
    .filter((c) => c.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name));
  return { total: change(before.totalKgCO2ePerMonth, after.totalKgCO2ePerMonth), components };
}

function change(before: number, after: number): CarbonChange {
  return { before, after, delta: after - before };
}
