// What a run says about carbon, for `topo carbon --scenario`, `topo report` and the editor:
// the carbon options it measured (CPU use, an autoscaled component's instances, traffic),
// and its right-sizing with what that would change a month. The server keeps the last
// right-sizing per document for the lens on `instances` and its quick fix.
import { resizedCarbon, simulatedCarbonOptions, type CarbonDiff, type CarbonOptions } from '@topo/carbon';
import { DEFAULT_RIGHT_SIZING_TARGET, type Model } from '@topo/model';
import { rightSize, type RightSize, type SimulationResult } from '@topo/simulator';

/** Right-sizing from a run (`rightSize`) and the month's carbon before and after it (`resizedCarbon`). */
export interface RightSizing {
  /** The busy share of threads it aims at. */
  target: number;
  rows: RightSize[];
  carbon: CarbonDiff;
}

export function carbonOfRun(model: Model, run: SimulationResult): { options: CarbonOptions; rightSizing: RightSizing } {
  const options = simulatedCarbonOptions(model, run);
  const rows = rightSize(model, run, { target: DEFAULT_RIGHT_SIZING_TARGET });
  return { options, rightSizing: { target: DEFAULT_RIGHT_SIZING_TARGET, rows, carbon: resizedCarbon(model, options, rows) } };
}

/** A component's right-sizing from the last run, with the carbon a month the change saves (negative) or costs. */
export interface LastSizing extends RightSize {
  kgCO2ePerMonth: number;
}

/** The right-sizing of the last simulation the server ran for each document. */
export class LastRuns {
  private readonly byDocument = new Map<string, Map<string, LastSizing>>();

  remember(uri: string, { rows, carbon }: RightSizing): void {
    const delta = (name: string) => carbon.components.find((c) => c.name === name)?.delta ?? 0;
    this.byDocument.set(uri, new Map(rows.map((r) => [r.name, { ...r, kgCO2ePerMonth: delta(r.name) }])));
  }

  /** The component's sizing, while the count it was sized from is still what the file says. */
  sizing(uri: string, component: string, instances: number): LastSizing | undefined {
    const sized = this.byDocument.get(uri)?.get(component);
    return sized?.instances === instances ? sized : undefined;
  }
}
