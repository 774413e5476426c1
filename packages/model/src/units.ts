// Units: the language's durations, sizes and shares, resolved to ms, bytes and fractions,
// and printed back in the units a person writes.

export const DURATION_UNITS_MS = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60_000 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS_MS;

export const SIZE_UNITS_BYTES = { MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS_BYTES;

export function durationToMs(value: number, unit: DurationUnit): number {
  return value * DURATION_UNITS_MS[unit];
}

export function sizeToBytes(value: number, unit: SizeUnit): number {
  return value * SIZE_UNITS_BYTES[unit];
}

/** Rounds away floating-point noise (0.1 + 0.2) so printed numbers stay short. */
function tidy(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** 6001 → "6.001s", 0.5 → "500us", 0.0003 → "300ns", 150 → "150ms", 120000 → "2m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '∞';
  const abs = Math.abs(ms);
  if (abs === 0) return '0ms';
  if (abs >= 60_000 && Number.isInteger(ms / 60_000)) return `${tidy(ms / 60_000)}m`;
  if (abs >= 1000) return `${tidy(ms / 1000)}s`;
  if (abs >= 1) return `${tidy(ms)}ms`;
  if (abs >= 1e-3) return `${tidy(ms * 1000)}us`;
  return `${tidy(ms * 1e6)}ns`;
}

/** Bytes in the largest unit that keeps the number at least 1: 4398046511104 → "4TB". */
export function formatSize(bytes: number): string {
  for (const unit of ['TB', 'GB', 'MB'] as const) {
    const v = bytes / SIZE_UNITS_BYTES[unit];
    if (v >= 1) return `${tidy(v)}${unit}`;
  }
  return `${tidy(bytes / SIZE_UNITS_BYTES.MB)}MB`;
}

/** 0.9 → "90%": a share as written. */
export function formatShare(fraction: number): string {
  return `${tidy(fraction * 100)}%`;
}

/** `n` to `digits` significant digits, trailing zeros dropped: 1234.5 → "1230", 0.012345 → "0.0123". */
export function significant(n: number, digits = 3): string {
  if (n === 0) return '0';
  return String(Number(n.toPrecision(digits)));
}

/** `n` and what it counts, plural unless one: `1 error`, `3 calls`. */
export function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** A measured share: 0.1234 → "12.3%"; below 0.1% but above 0 → "<0.1%"; none → "—". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  if (fraction > 0 && fraction < 0.001) return '<0.1%';
  return `${significant(fraction * 100)}%`;
}
