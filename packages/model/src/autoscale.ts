// The autoscaler as the language writes it.
import type { Autoscale } from './model.js';
import { formatDuration, formatShare } from './units.js';

/** `autoscale 3..30 at 60% every 30s warmup 90s`: the long form, which says every number. */
export function formatAutoscale(a: Autoscale): string {
  return `autoscale ${a.min}..${a.max} at ${formatShare(a.target)} every ${formatDuration(a.everyMs)} warmup ${formatDuration(a.warmupMs)}`;
}
