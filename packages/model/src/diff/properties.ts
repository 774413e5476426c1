// What changed in one component or call, property by property, with values written as the
// language writes them: `timeout 100ms → 40ms`, `instances 3 → 6`, `work 2ms → 2ms constant`.
// Every property of the plain model is compared, so one added to the model later shows up
// without a change here; what is not a property of the element itself is left out.
import { formatAutoscale } from '../autoscale.js';
import type { Autoscale, Breaker, Component, Work, ZonePlacement } from '../model.js';
import { formatBreaker } from '../resilience.js';
import { formatDuration, formatShare, formatSize } from '../units.js';

export interface PropertyChange {
  /** The property as the language names it: `timeout`, `instances`, `work`. */
  property: string;
  /** The value before and after, in the language's units; `none` when absent. */
  before: string;
  after: string;
}

/**
 * Not compared: identity (name, kind, caller, target), where things were written, the calls
 * (compared on their own), what is derived from other properties (`managed` from the engine,
 * `targetKind` from the target), and `placement`, compared as `zones` below.
 */
const LEFT_OUT = new Set(['kind', 'name', 'id', 'from', 'target', 'targetKind', 'group', 'groupIndex', 'loc', 'locs', 'steps', 'calls', 'managed', 'placement']);
/** Where the model's field name is not the language's word (units are stripped: `timeoutMs` → timeout). */
const LABELS: Record<string, string> = { instancesPerRegion: 'instances', routeShare: 'route' };
/** Fractions the language writes as percentages. */
const SHARES = new Set(['share', 'routeShare', 'hit', 'retryBudget', 'lock']);

/** The properties whose values differ between two versions of one component or call. */
export function propertyChanges(before: object, after: object): PropertyChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !LEFT_OUT.has(k));
  const changes: PropertyChange[] = [];
  for (const key of keys) {
    const was = formatValue(key, (before as Record<string, unknown>)[key]);
    const is = formatValue(key, (after as Record<string, unknown>)[key]);
    if (was !== is) changes.push({ property: label(key), before: was, after: is });
  }
  return changes;
}

/**
 * `zones` from the placement, when the regions stayed the same (a change of regions already
 * says where the instances went): `zones a → a, b, c` after `zones a` was lifted or the
 * instances grew past one.
 */
export function zoneChange(before: Component, after: Component): PropertyChange | undefined {
  if (before.regions.join() !== after.regions.join()) return undefined;
  const was = zonesOf(before.placement);
  const is = zonesOf(after.placement);
  return was === is ? undefined : { property: 'zones', before: was, after: is };
}

function zonesOf(placement: readonly ZonePlacement[]): string {
  const byRegion = new Map<string, string[]>();
  for (const p of placement) {
    if (p.count === 0) continue;
    const zones = byRegion.get(p.region) ?? [];
    zones.push(p.zone);
    byRegion.set(p.region, zones);
  }
  if (byRegion.size === 0) return 'none';
  return byRegion.size === 1 ? [...byRegion.values()][0]!.join(', ') : [...byRegion].map(([r, zones]) => `${r} ${zones.join(', ')}`).join('; ');
}

function label(key: string): string {
  return LABELS[key] ?? key.replace(/(Ms|Bytes)$/, '').replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

function formatValue(key: string, value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') {
    if (key.endsWith('Ms')) return formatDuration(value);
    if (key.endsWith('Bytes')) return formatSize(value);
    if (SHARES.has(key)) return formatShare(value);
    return String(Number(value.toPrecision(12)));
  }
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) => (isNamed(v) ? v.name : formatValue(key, v)));
    return items.length === 0 ? 'none' : items.join(', ');
  }
  if (typeof value === 'object') {
    if (key === 'work') return formatWork(value as Work);
    if (key === 'breaker') return formatBreaker(value as Breaker).replace(/^breaker /, '');
    if (key === 'autoscale') return formatAutoscale(value as Autoscale).replace(/^autoscale /, '');
    const parts = Object.entries(value).filter(([k, v]) => !LEFT_OUT.has(k) && v !== undefined);
    return parts.map(([k, v]) => `${label(k)} ${formatValue(k, v)}`).join(' ');
  }
  return String(value);
}

function isNamed(v: unknown): v is { name: string } {
  return typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';
}

/** As written: `2ms`, `2ms constant`, `2ms lognormal 0.5` (exponential is the default). */
function formatWork(w: Work): string {
  const mean = formatDuration(w.meanMs);
  if (w.distribution === 'exponential') return mean;
  return w.distribution === 'lognormal' && w.cv !== undefined ? `${mean} lognormal ${w.cv}` : `${mean} ${w.distribution}`;
}
