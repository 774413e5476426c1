// The whole pipeline on one text, as a user's edit would take it: parse, validate, lower,
// analyse, diagram, carbon; then, for files without errors, a short simulation.
// Returns how long each stage took; throws only if a stage misbehaves.
import { estimateCarbon } from '@topo/carbon';
import { drawDiagram, type ElkApi } from '@topo/diagram';
import { parseModelFromString } from '@topo/language';
import { ResourceLimitError, simulate } from '@topo/simulator';

export interface StageTimes {
  check: number;
  diagram?: number;
  carbon?: number;
  simulate?: number;
}

export async function runPipeline(text: string, elk: ElkApi): Promise<StageTimes> {
  const clock = () => performance.now();
  let t = clock();
  const { model, findings } = await parseModelFromString(text);
  const times: StageTimes = { check: clock() - t };
  for (const f of findings) {
    const { start, end } = f.loc;
    if (!(start.line >= 0 && start.character >= 0 && (end.line > start.line || (end.line === start.line && end.character >= start.character)))) {
      throw new Error(`a diagnostic without a proper position: ${JSON.stringify(f)}`);
    }
    if (!f.code || !f.message) throw new Error(`a diagnostic without a code or message: ${JSON.stringify(f)}`);
    if (f.code === 'internal-error') throw new Error(`a check threw: ${f.message}`);
  }
  t = clock();
  await drawDiagram(model, findings, { elk });
  times.diagram = clock() - t;

  t = clock();
  estimateCarbon(model);
  times.carbon = clock() - t;

  // Like the CLI and the server, the simulator runs only on models without errors.
  if (findings.some((f) => f.severity === 'error')) return times;
  t = clock();
  try {
    await simulate(model, { scenario: model.scenarios[0]?.name });
  } catch (e) {
    if (!(e instanceof ResourceLimitError)) throw e;
  }
  times.simulate = clock() - t;
  return times;
}
