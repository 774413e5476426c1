// What a scenario's lines add up to.
import type { Scenario } from './model.js';

/** How long a scenario runs: until its last `load` or `users` line ends (0 without any). */
export function scenarioLengthMs(scenario: Scenario): number {
  return Math.max(0, ...[...scenario.loads, ...scenario.users].map((l) => l.fromMs + l.durationMs));
}
