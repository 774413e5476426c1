// Numbers and text as the views print them: three significant digits, units a person reads.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `n` to `digits` significant digits, trailing zeros dropped: 1234.5 → "1230", 0.012345 → "0.0123". */
export function significant(n: number, digits = 3): string {
  if (n === 0) return '0';
  return String(Number(n.toPrecision(digits)));
}

/** 0.0123 → "12.3µs", 12.345 → "12.3ms", 6001 → "6s"; null (nothing measured) → "—". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs >= 1000) return `${significant(ms / 1000)}s`;
  if (abs >= 1 || abs === 0) return `${significant(ms)}ms`;
  return `${significant(ms * 1000)}µs`;
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** 0.1234 → "12.3%"; below 0.1% but above 0 → "<0.1%". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  if (fraction > 0 && fraction < 0.001) return '<0.1%';
  return `${significant(fraction * 100)}%`;
}

/** 1234.5 → "1,235 rps", 12.34 → "12.3 rps". */
export function formatRate(rps: number): string {
  return rps >= 100 ? `${formatCount(rps)} rps` : `${significant(rps)} rps`;
}

/** Milliseconds of work as the largest sensible unit: 123456 → "2.06 min". */
export function formatWork(ms: number): string {
  if (ms >= 60_000) return `${significant(ms / 60_000)} min`;
  return formatMs(ms);
}
