// Option parsing shared by the commands: node:util's parseArgs, with errors as UsageError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
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

export function choiceOption<C extends string>(value: string | undefined, name: string, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} is one of ${choices.join(', ')}, not '${value}'`);
  return value as C;
}
