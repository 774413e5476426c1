// Option parsing shared by the commands: node:util's parseArgs, with errors as UsageError.
// Each command defines its options once (OptionSpecs, io.ts): the parser reads their types and
// defaults, and `--help` their descriptions (help.ts).
import { parseArgs } from 'node:util';
import { MAX_SEED } from '@topo/model';
import type { SweepOver } from '@topo/simulator';
import { sweepRange, sweepRangeFormat } from '@topo/simulator/sweep-range';
import { count } from './format-numbers.js';
import { UsageError, type OptionSpecs } from './io.js';

/** The options given, each a string or (for a flag) true, and the positionals. */
export function parseCommandArgs<T extends OptionSpecs>(argv: string[], options: T): { values: { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] } {
  // parseArgs sees types and short names alone: it would apply a default itself, and a command
  // must know whether an option was given.
  const config = Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]));
  try {
    const { values, positionals } = parseArgs({ args: withNegativeValues(argv, options), options: config, allowPositionals: true, strict: true });
    return { values: values as { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string }, positionals };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
}

/**
 * `--seed -1` as `--seed=-1`: parseArgs takes a value starting with a dash for an option, and
 * says so in three lines; joined, the option's own check says what it wants in one.
 */
function withNegativeValues(argv: string[], options: OptionSpecs): string[] {
  const takesValue = (arg: string) =>
    Object.entries(options).some(([name, o]) => o.type === 'string' && (arg === `--${name}` || (o.short !== undefined && arg === `-${o.short}`)));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (takesValue(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** `--seed N`, a whole number from 0 to MAX_SEED; undefined when not given. */
export function seedOption(value: string | undefined): number | undefined {
  const seed = integerOption(value, 'seed', undefined, 0);
  if (seed !== undefined && seed > MAX_SEED) throw new UsageError(`--seed is at most ${count(MAX_SEED)}, not '${value}'`);
  return seed;
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
