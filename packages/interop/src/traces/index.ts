// `topo import traces`: Zipkin v2 or OTLP/JSON traces as a Topo architecture: the services the
// spans name, the calls between them with how often each happens per request of the caller,
// parallel and routed calls, work from each service's self time, and a scenario at the
// observed rate. Pure functions: JSON text in, Topo text and warnings out.
import { formatDuration, plural } from '@topo/model';
import type { InputFile } from '../import-error.js';
import { topoNames } from '../names.js';
import { splitInProportion } from '../shares.js';
import { storeNamed } from '../stores.js';
import { block, comment, declaration } from '../topo-text.js';
import { mean, percentile, statistics, visitsOf, type CallStats, type ServiceStats } from './graph.js';
import { readTraces } from './read.js';

export interface TracesImport {
  text: string;
  warnings: string[];
}

/** Work's shape from its spread: below this cv constant, within the band exponential, else lognormal. */
const CONSTANT_BELOW_CV = 0.2;
const EXPONENTIAL_CV = [0.8, 1.25] as const;

export function importTraces(file: InputFile): TracesImport {
  const { spans, skipped } = readTraces(file);
  const roots = visitsOf(spans);
  const stats = statistics(roots);
  const names = topoNames(stats.map((s) => ({ name: s.name, hint: 'service' })));
  const warnings = [...skipped, ...stats.filter((s) => names.get(s.name) !== s.name).map((s) => `service '${s.name}' is not a Topo name; it is called ${names.get(s.name)}`)];
  const base = file.name.split(/[\\/]/).pop()!.replace(/\.json$/i, '');
  const traces = new Set(spans.map((s) => s.traceId)).size;
  const startUs = Math.min(...roots.map((r) => r.startUs));
  const endUs = Math.max(...roots.map((r) => r.startUs + r.durationUs));
  const header = [
    ...comment(
      `Imported by \`topo import traces\` from ${file.name.split(/[\\/]/).pop()}: ${plural(traces, 'trace')}, ${plural(spans.length, 'span')} over ${readable((endUs - startUs) / 1000)}.`,
      "Calls follow the spans' parents across services; a share is how often the call happens per request the caller serves." +
        " Work is the mean of each service's self time (its spans less the time its calls took; where the traces have no client spans that keeps the network of its calls)." +
        ' Traces show no timeouts, so the calls have none.',
    ),
    `architecture ${topoNames([{ name: base, hint: 'traces' }]).get(base)!}`,
  ].join('\n');
  const components = stats.map((s) => component(s, names));
  const entries = stats.filter((s) => s.entryRps > 0);
  const scenario = [
    ...comment(`The rate the traces show: traced requests per second into each entry (with sampling, the real rate is higher), over ${readable((endUs - startUs) / 1000)}.`),
    block(
      'scenario observed',
      entries.map((e) => `load ${Number(e.entryRps.toPrecision(3))} rps into ${names.get(e.name)} for ${formatDuration(Math.max(1000, Math.round((endUs - startUs) / 1e6) * 1000))}`),
    ),
  ].join('\n');
  return { text: [header, ...components, ...(entries.length > 0 ? [scenario] : [])].join('\n\n') + '\n', warnings };
}

function component(s: ServiceStats, names: Map<string, string>): string {
  const name = names.get(s.name)!;
  const store = storeNamed(s.name);
  const selfMs = s.selfUs.map((u) => u / 1000);
  const workMs = mean(selfMs);
  const lines: string[] = [`work ${readable(workMs)}${shape(selfMs, workMs)}`];
  if (store) {
    return declaration({ ...store, name, comments: [`${plural(s.visits, 'request')} served; its name says ${store.what}`] }, lines);
  }
  const call = (c: CallStats, extra = '') => [...comment(observed(c)), `call ${names.get(c.target)}${extra}`];
  const inGroup = new Set([...s.routes, ...s.parallel.flat()]);
  const steps: { offset: number; lines: string[] }[] = [];
  for (const c of s.calls) {
    if (inGroup.has(c.target)) continue;
    // More than once per request: that many calls, the last on the part of requests that make it.
    const whole = Math.floor(c.perVisit + 0.005);
    const rest = c.perVisit - whole;
    const shares = [...Array(whole).fill(''), ...(rest >= 0.005 ? [` share ${percent(rest)}`] : [])];
    steps.push({ offset: c.meanOffsetUs, lines: shares.flatMap((share, i) => (i === 0 ? call(c, share) : [`call ${names.get(c.target)}${share}`])) });
  }
  for (const group of s.parallel) {
    const calls = s.calls.filter((c) => group.includes(c.target));
    const inner = calls.flatMap((c) => call(c, c.perVisit < 0.995 ? ` share ${percent(c.perVisit)}` : ''));
    steps.push({ offset: Math.min(...calls.map((c) => c.meanOffsetUs)), lines: [block('parallel', inner)] });
  }
  if (s.routes.length > 0) {
    const calls = s.calls.filter((c) => s.routes.includes(c.target));
    const shares = splitInProportion(100, calls.map((c) => c.perVisit));
    steps.push({ offset: Math.min(...calls.map((c) => c.meanOffsetUs)), lines: calls.flatMap((c, i) => [...comment(observed(c)), `route ${shares[i]}% ${names.get(c.target)}`]) });
  }
  steps.sort((a, b) => a.offset - b.offset);
  lines.push(...steps.flatMap((st) => st.lines.flatMap((l) => l.split('\n'))));
  return declaration({ kind: 'service', name, comments: [`${plural(s.visits, 'request')} served; self time p50 ${readable(percentile(selfMs, 0.5))}, p99 ${readable(percentile(selfMs, 0.99))}`] }, lines);
}

function observed(c: CallStats): string {
  const ms = c.latenciesUs.map((u) => u / 1000);
  return `observed: ${plural(c.latenciesUs.length, 'call')}, ${Number(c.perVisit.toPrecision(3))} per request, p50 ${readable(percentile(ms, 0.5))}, p99 ${readable(percentile(ms, 0.99))}`;
}

function shape(xs: number[], meanMs: number): string {
  if (xs.length < 2 || meanMs <= 0) return '';
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - meanMs) ** 2, 0) / (xs.length - 1));
  const cv = sd / meanMs;
  if (cv < CONSTANT_BELOW_CV) return ' constant';
  if (cv >= EXPONENTIAL_CV[0] && cv <= EXPONENTIAL_CV[1]) return '';
  return ` lognormal ${Number(cv.toPrecision(2))}`;
}

/** A duration to three significant digits, in the unit that reads best. */
function readable(ms: number): string {
  return formatDuration(Number(ms.toPrecision(3)));
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(3))}%`;
}
