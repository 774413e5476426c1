// What a sweep runs over, as people write it: FROM:TO:STEP (the CLI's --sweep-rate and
// --sweep-users, the editor's "Sweep load…"), and whether a scenario has what a sweep scales.
// Types are all it imports: the extension's client bundles it to check what is typed.
import type { Scenario } from '@topo/model';
import type { SweepOver } from './sweep.js';

/** What FROM:TO:STEP must be, in words, with an example. */
export function sweepRangeFormat(over: SweepOver): string {
  return over === 'rps' ? 'FROM:TO:STEP, positive rates with TO ≥ FROM, e.g. 500:5000:500' : 'FROM:TO:STEP, whole numbers of users with TO ≥ FROM, e.g. 10:200:10';
}

/** The values FROM:TO:STEP stands for, FROM to TO inclusive; undefined unless all three are positive, TO ≥ FROM and (for users) whole. */
export function sweepRange(spec: string, over: SweepOver): number[] | undefined {
  const parts = spec.split(':').map(Number);
  const [from, to, step] = parts as [number, number, number];
  const whole = over === 'rps' || parts.every(Number.isInteger);
  if (parts.length !== 3 || !parts.every((x) => Number.isFinite(x) && x > 0) || to < from || !whole) return undefined;
  const values: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) values.push(Number((from + i * step).toPrecision(12)));
  return values;
}

/**
 * Why `scenario` cannot be swept as asked, or undefined when it can: a sweep over users
 * scales its `users` lines, one over rates its `load` lines.
 */
export function sweepRefusal(scenario: Scenario, over: SweepOver): string | undefined {
  if (over === 'users' && scenario.users.length === 0) return `a sweep over users scales the scenario's \`users\` lines; scenario ${scenario.name} has none`;
  if (over === 'rps' && scenario.loads.length === 0) return `a sweep over rates scales the scenario's \`load\` lines; scenario ${scenario.name} has none (it has users: sweep over users instead)`;
  return undefined;
}
