// Option parsing shared by the commands: node:util's parseArgs, with errors as UsageError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SweepOver } from '@topo/simulator';
import { sweepRange, sweepRangeFormat } from '@topo/simulator/sweep-range';
import { UsageError } from './io.js';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
}

/** A positive number option, or its default. */
export function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} wants a positive number, not '${value}'`);
  return n;
}

/** A whole-number option of at least `min` (digits only: not '', '1e3' or ' 3'), or its default. */
export function integerOption(value: string | undefined, name: string, fallback: number, min: number): number;
export function integerOption(value: string | undefined, name: string, fallback: undefined, min: number): number | undefined;
export function integerOption(value: string | undefined, name: string, fallback: number | undefined, min: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) throw new UsageError(`--${name} wants a whole number ≥ ${min}, not '${value}'`);
  return n;
}

export function choiceOption<C extends string>(value: string | undefined, name: string, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} is one of ${choices.join(', ')}, not '${value}'`);
  return value as C;
}

/** `--sweep-rate` or `--sweep-users` FROM:TO:STEP (sweepRange): the values from FROM to TO inclusive. */
export function sweepValuesOption(spec: string, over: SweepOver): number[] {
  const values = sweepRange(spec, over);
  if (!values) throw new UsageError(`--sweep-${over === 'rps' ? 'rate' : 'users'} takes ${sweepRangeFormat(over)} (got '${spec}')`);
  return values;
}
