// Code lenses: each service's worst case and reach (`worst case 308ms · ×4 from wwwproxy`),
// each edge's deadline use (`needs 801ms of 1s`), each count of `instances` the last simulation
// sized (`simulated 32% busy · 6 would do · −41 kgCO2e/month`), and the actions an editor offers on
// architectures and scenarios (the VS Code client implements the commands).
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import { componentCarbon, formatKgCO2e } from '@topo/carbon';
import { components, deadlineUsage, formatDuration, formatPercent, formatReach, type Loc } from '@topo/model';
import { TopoCommands } from '../commands.js';
import type { TopoFile } from '../generated/ast.js';
import type { TopoModels } from '../models.js';
import type { LastRuns, LastSizing } from '../right-sizing.js';

export class TopoCodeLensProvider implements CodeLensProvider {
  constructor(
    private readonly models: TopoModels,
    private readonly lastRuns: LastRuns,
  ) {}

  provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
    const { model, context } = this.models.analysisOf(document);
    const carbon = this.models.carbonOf(document);
    const uri = document.uri.toString();
    const here = (loc: Loc | undefined): loc is Loc => loc?.uri === uri;
    const lenses: CodeLens[] = [];
    const lens = (loc: Loc, title: string, command = '', args?: unknown[]) =>
      lenses.push({ range: toRange(loc), command: { title, command, arguments: args } });

    const root = document.parseResult.value as TopoFile;
    const arch = root.elements.find((e) => e.$type === 'Architecture');
    if (arch?.$cstNode) lens({ uri, start: arch.$cstNode.range.start, end: arch.$cstNode.range.end }, '$(open-preview) Open Preview', TopoCommands.openPreview, [uri]);

    for (const service of model.services) {
      if (!here(service.loc)) continue;
      const need = context.need(service.name)!;
      const reach = context.reach(service.name);
      const worst = Number.isFinite(need.ms) ? `worst case ${formatDuration(need.ms)}` : 'worst case unbounded: a call has no timeout';
      const footprint = componentCarbon(carbon, service.name);
      const parts = [worst, reach && formatReach(reach), footprint && `${formatKgCO2e(footprint.totalKgCO2ePerMonth)}/month`];
      lens(service.loc, parts.filter(Boolean).join(' · '));
      const usage = deadlineUsage(context, service.name);
      if (usage && here(service.locs.deadline)) lens(service.locs.deadline, usage.label);
    }
    for (const c of components(model)) {
      const sized = here(c.locs.instances) ? this.lastRuns.sizing(uri, c.name, c.instancesPerRegion) : undefined;
      if (sized) lens(c.locs.instances!, rightSizingLabel(sized));
    }
    for (const scenario of model.scenarios) {
      if (!here(scenario.loc)) continue;
      lens(scenario.loc, '▶ Simulate', TopoCommands.simulate, [uri, scenario.name]);
      lens(scenario.loc, 'Compare with fixed budgets', TopoCommands.compareFixed, [uri, scenario.name]);
    }
    return lenses;
  }
}

/** `simulated 32% busy · 6 would do · −41 kgCO2e/month`, from the last simulation of the file. */
export function rightSizingLabel(s: LastSizing): string {
  const busy = `simulated ${formatPercent(s.utilization)} busy`;
  if (s.suggested === s.instances) return `${busy} · right-sized`;
  const kg = s.kgCO2ePerMonth === 0 ? '' : ` · ${s.kgCO2ePerMonth < 0 ? '−' : '+'}${formatKgCO2e(Math.abs(s.kgCO2ePerMonth))}/month`;
  return `${busy} · ${s.suggested} would do${kg}`;
}

function toRange(loc: Loc): Range {
  return { start: loc.start, end: loc.start };
}
