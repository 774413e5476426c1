// What a scenario's lines add up to, and the seeds it may run with.
import { MAX_SEED } from './defaults.js';
import type { Scenario } from './model.js';

/** Why a seed cannot be run as given (it would run as another seed), or undefined when it can. */
export function seedRefusal(seed: number): string | undefined {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED ? undefined : `a seed is a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}, not ${seed}`;
}

/** How long a scenario runs: until its last `load` or `users` line ends (0 without any). */
export function scenarioLengthMs(scenario: Scenario): number {
  return Math.max(0, ...[...scenario.loads, ...scenario.users].map((l) => l.fromMs + l.durationMs));
}
