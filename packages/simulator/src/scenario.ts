// Which load a run applies: the scenario asked for, the model's first, or — with none — the
// default load into every entry.
import { DEFAULT_LOAD_FROM_MS, DEFAULT_LOAD_RPS, DEFAULT_SCENARIO_DURATION_MS, DEFAULT_SCENARIO_SEED, DEFAULT_WARMUP_MS, type Model, type Scenario } from '@topo/model';

export class UnknownScenarioError extends Error {
  constructor(
    readonly scenario: string,
    readonly known: string[],
  ) {
    super(`no scenario '${scenario}'; ${known.length === 0 ? 'the model declares none' : `known: ${known.join(', ')}`}`);
  }
}

/** Services nobody calls (a call from a service to itself does not count). */
export function uncalledServices(model: Model): string[] {
  const called = new Set(model.services.flatMap((s) => s.calls.filter((c) => c.target !== s.name).map((c) => c.target)));
  return model.services.filter((s) => !called.has(s.name)).map((s) => s.name);
}

/** Without scenarios: 100 rps into every entry for 60 s, seed 1. */
export function defaultScenario(model: Model): Scenario {
  return {
    name: 'default',
    loads: uncalledServices(model).map((target) => ({ rps: DEFAULT_LOAD_RPS, toRps: DEFAULT_LOAD_RPS, target, fromMs: DEFAULT_LOAD_FROM_MS, durationMs: DEFAULT_SCENARIO_DURATION_MS })),
    users: [],
    warmupMs: DEFAULT_WARMUP_MS,
    seed: DEFAULT_SCENARIO_SEED,
    chaos: [],
  };
}

/** True when the model declares no scenario: a run applies `defaultScenario`. */
export function hasImplicitScenario(model: Model): boolean {
  return model.scenarios.length === 0;
}

export function resolveScenario(model: Model, name?: string): Scenario {
  if (name === undefined) return hasImplicitScenario(model) ? defaultScenario(model) : model.scenarios[0]!;
  const found = model.scenarios.find((s) => s.name === name);
  if (!found) throw new UnknownScenarioError(name, model.scenarios.map((s) => s.name));
  return found;
}
