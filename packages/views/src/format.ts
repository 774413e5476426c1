// Numbers and text as the views print them: three significant digits, units a person reads.
// A measured share and a number to three digits are the model's, which the editor's lenses
// print too.
import { significant } from '@topo/model';

export { formatPercent, significant } from '@topo/model';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A unit durations are written in: its suffix and how many milliseconds one of it is. */
export interface DurationUnit {
  suffix: string;
  ms: number;
}

const MICROSECONDS: DurationUnit = { suffix: 'µs', ms: 0.001 };
const MILLISECONDS: DurationUnit = { suffix: 'ms', ms: 1 };
const SECONDS: DurationUnit = { suffix: 's', ms: 1000 };
const MINUTES: DurationUnit = { suffix: ' min', ms: 60_000 };

/** The unit that suits a duration of `ms` (a set of them: its largest); minutes only when asked (work, not latency). */
export function durationUnit(ms: number, minutes = false): DurationUnit {
  const abs = Math.abs(ms);
  if (minutes && abs >= MINUTES.ms) return MINUTES;
  if (abs >= SECONDS.ms) return SECONDS;
  return abs >= 1 || abs === 0 ? MILLISECONDS : MICROSECONDS;
}

/** `ms` in `unit`, three significant digits: 1500 in seconds → "1.5s". */
export function formatIn(ms: number, unit: DurationUnit): string {
  return `${significant(ms / unit.ms)}${unit.suffix}`;
}

/**
 * Durations that are read together (an axis' ticks, a table's column) in one unit, the
 * largest's: [0, 500, 1000] → ["0s", "0.5s", "1s"], never "0ms" beside "1s". Null → "".
 */
export function formatDurations(values: ReadonlyArray<number | null>, minutes = false): string[] {
  const largest = Math.max(0, ...values.map((v) => (v === null || !Number.isFinite(v) ? 0 : Math.abs(v))));
  const unit = durationUnit(largest, minutes);
  return values.map((v) => (v === null || !Number.isFinite(v) ? '' : formatIn(v, unit)));
}

/** 0.0123 → "12.3µs", 12.345 → "12.3ms", 6001 → "6s"; null (nothing measured) → "—". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return formatIn(ms, durationUnit(ms));
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}


/** 1234.5 → "1,235 rps", 12.34 → "12.3 rps". */
export function formatRate(rps: number): string {
  return rps >= 100 ? `${formatCount(rps)} rps` : `${significant(rps)} rps`;
}

/** Milliseconds of work as the largest sensible unit: 123456 → "2.06 min". */
export function formatWork(ms: number): string {
  return formatIn(ms, durationUnit(ms, true));
}
