// The results of a run: what happened (summary), when (throughput and p99 per second, and
// attempts and wasted work per second, with each fault's window shaded), how long requests took (histogram, percentiles) and where (per
// service: utilisation, timeouts, retries, wasted work), after a sweep's bottleneck plots when
// there was one. Exports as JSON and CSV.
import type uPlot from 'uplot';
import type { Host } from '../host.js';
import type { ExportFormat, ResultsData } from '../messages.js';
import { escapeHtml, formatCount } from '../format.js';
import { redrawOnChange } from '../redraw.js';
import { chartPalette } from '../theme.js';
import { histogramChart, timelineChart, workChart } from './charts.js';
import { exportFile } from './export.js';
import type { SimulationResult, SweepResult } from '@topo/simulator';
import { recognisePattern } from '@topo/simulator/patterns';
import { responseChart, throughputChart, uslInWords } from './bottleneck.js';
import { autoscaled, instancesChart } from './instances.js';
import { rightSizingHtml } from './right-sizing.js';
import { hasCalls, hasDegraded, percentilesHtml, servicesHtml, summaryHtml } from './tables.js';
import { faultsKeyHtml, runMarks } from './timeline-parts.js';

function subtitle(data: ResultsData): string {
  const r = data.result;
  return `${escapeHtml(data.name)} · seed ${r.seed} · ${r.simulatedSeconds}s simulated in ${(r.wallMs / 1000).toFixed(1)}s · ${formatCount(r.events)} events`;
}

const EXPORTS: Array<[ExportFormat, string]> = [
  ['json', 'JSON'],
  ['csv-services', 'CSV: services'],
  ['csv-timeline', 'CSV: timeline'],
];

/** Shown when the run was traced. */
const TRACE_EXPORTS: Array<[ExportFormat, string]> = [
  ['zipkin', 'Traces: Zipkin'],
  ['otlp', 'Traces: OTLP'],
];

export interface ResultsView {
  show(data: ResultsData): void;
}

/** Mounts the view once (listeners for exports, resizes and theme changes); `show` draws a run. */
export function mountResults(root: HTMLElement, host: Host): ResultsView {
  let data: ResultsData | undefined;
  let charts: uPlot[] = [];

  const draw = () => {
    for (const chart of charts) chart.destroy();
    charts = [];
    if (!data) return;
    const timeline = root.querySelector<HTMLElement>('.timeline-chart');
    const work = root.querySelector<HTMLElement>('.work-chart');
    const histogram = root.querySelector<HTMLElement>('.histogram-chart')!;
    const instances = root.querySelector<HTMLElement>('.instances-chart');
    const throughput = root.querySelector<HTMLElement>('.throughput-chart');
    const response = root.querySelector<HTMLElement>('.response-chart');
    const palette = chartPalette();
    const sweep = data.sweep;
    if (!timeline) return;
    charts = [
      timelineChart(timeline, data.result, palette, Math.max(280, timeline.clientWidth)),
      instances ? instancesChart(instances, data.result, palette, Math.max(280, instances.clientWidth)) : undefined,
      work ? workChart(work, data.result, palette, Math.max(280, work.clientWidth)) : undefined,
      histogramChart(histogram, data.result, palette, Math.max(240, histogram.clientWidth)),
      sweep && throughput ? throughputChart(throughput, sweep, palette, Math.max(280, throughput.clientWidth)) : undefined,
      sweep && response ? responseChart(response, sweep, palette, Math.max(280, response.clientWidth)) : undefined,
    ].filter((c): c is uPlot => c !== undefined);
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('.exports button');
    if (!button || !data) return;
    const file = exportFile(data.result, (button as HTMLElement).dataset.export as ExportFormat, data.spans);
    host.save(file.fileName, file.text);
  });
  redrawOnChange(root, draw);

  return {
    show(next) {
      data = next;
      root.innerHTML = resultsHtml(next);
      draw();
    },
  };
}

/** What the throughput chart's degraded series and breaker bands mean, when it has them. */
export function resilienceNote(r: SimulationResult): string {
  const sentences = [
    hasDegraded(r) ? 'Degraded: requests answered by a fallback, counted apart from succeeded and failed.' : '',
    r.breakers?.length ? 'Each band spans the open spells of the breakers to one dependency, from the first opening to the last closing.' : '',
  ].filter(Boolean);
  return sentences.length > 0 ? `<p class="muted note">${sentences.join(' ')}</p>` : '';
}

const INSTANCES_NOTE = `<p class="muted note">Each autoscaled component's instances at the end of every second, starting ones included: they serve only after their warmup.</p>`;

/** The bottleneck plots of a sweep, the fit in words under them. */
function sweepHtml(sweep: SweepResult): string {
  const what = sweep.over === 'users' ? 'users' : 'offered load';
  return (
    `<div class="row"><section class="grow"><h2>Throughput against ${what}</h2><div class="chart throughput-chart"></div></section>` +
    `<section class="grow"><h2>Response time against throughput</h2><div class="chart response-chart"></div></section></div>` +
    `<section><p class="usl">${escapeHtml(uslInWords(sweep.usl, sweep))}</p>` +
    `<p class="muted note">Each point is one of ${sweep.points.length} runs of the scenario over ${sweep.over === 'users' ? 'users' : 'rates'} (seed ${sweep.seed}). ` +
    `Dashed: the Universal Scalability Law fitted to throughput against requests in flight, X(N) = γN / (1 + σ(N − 1) + κN(N − 1)); on the right its mean response time, N / X by Little's law. ` +
    `The fit's figures above are the curve's, not the points': a pattern's sentence quotes the highest throughput measured.</p></section>`
  );
}

/** The bottleneck pattern of the talk the run or the sweep shows, when one does. */
function patternHtml(data: ResultsData): string {
  const found = recognisePattern({ run: data.result, ...(data.sweep ? { sweep: data.sweep } : {}) });
  return found ? `<section><p class="pattern"><strong>Pattern:</strong> ${escapeHtml(found.sentence)}</p></section>` : '';
}

/** True when nothing was sent all run: no request arrived, so there is nothing to chart. */
export function sentNothing(r: SimulationResult): boolean {
  return r.requests === 0 && r.timeline.every((p) => p.throughputRps === 0 && p.failed === 0 && p.attempts === 0);
}

/** Instead of empty charts: why the run sent nothing, and how to give it load. */
export function nothingSentHtml(r: SimulationResult): string {
  const why =
    r.implicitScenario
      ? 'This file has no scenario, so the run applied the default load to every service nothing calls, and every service here is called by another: nothing was sent.'
      : `The scenario ${escapeHtml(r.scenario)} sent no requests.`;
  return (
    `<section class="nothing-sent"><p><strong>Nothing to show:</strong> ${why}</p>` +
    `<p>To simulate, declare a scenario with a load into the service requests enter by, for example:</p>` +
    `<pre><code>scenario browse {\n  load 100 rps into web for 60s\n}</code></pre>` +
    `<p class="muted note">(with one of this file's services in place of <code>web</code>), or closed users: <code>users 8 think 1s into web for 60s</code>.</p></section>`
  );
}

/** What the run did over time: throughput, instances, calls and wasted work, under the faults listed whole below. */
function timelinesHtml(r: SimulationResult): string {
  const faults = faultsKeyHtml(runMarks(r));
  return (
    `<section><h2>Throughput and p99 over time</h2><div class="chart timeline-chart"></div>${faults}${resilienceNote(r)}</section>` +
    (autoscaled(r).length > 0 ? `<section><h2>Instances over time</h2><div class="chart instances-chart"></div>${INSTANCES_NOTE}</section>` : '') +
    (hasCalls(r)
      ? `<section><h2>Calls between components and wasted work over time</h2><div class="chart work-chart"></div>` +
        `<p class="muted note">Call attempts: the calls components make to one another, retries included (a request to a component that calls nothing makes none). ` +
        `Wasted work: service time finished each second for callers that had already given up.</p></section>`
      : '')
  );
}

export function resultsHtml(data: ResultsData): string {
  const r = data.result;
  const exportButtons = [...EXPORTS, ...(data.spans?.length ? TRACE_EXPORTS : [])].map(([format, label]) => `<button type="button" data-export="${format}">${label}</button>`).join('');
  if (sentNothing(r)) return `<div class="results"><header class="toolbar"><h1>No simulation</h1><span class="muted">${escapeHtml(data.name)}</span></header>${nothingSentHtml(r)}</div>`;
  const header =
    `<header class="toolbar"><h1>${data.sweep ? 'Sweep' : 'Simulation'}: ${escapeHtml(r.scenario)}</h1><span class="muted">${subtitle(data)}</span>` +
    `<span class="spacer"></span><span class="exports">${exportButtons}</span></header>`;
  return (
    `<div class="results">` +
    header +
    summaryHtml(r) +
    patternHtml(data) +
    // A sweep is what was asked for: its plots come before the run's details.
    (data.sweep ? sweepHtml(data.sweep) : '') +
    timelinesHtml(r) +
    `<div class="row"><section class="grow"><h2>Latency of successful requests</h2><div class="chart histogram-chart"></div>` +
    `<p class="muted note">Each bar is a fifth of a tenfold of latency; its area, not its height, is its share of the requests.</p></section>` +
    `<section><h2>Percentiles</h2>${percentilesHtml(r.latencyMs)}</section></div>` +
    `<section><h2>Services</h2>${servicesHtml(r)}</section>` +
    (data.rightSizing ? rightSizingHtml(data.rightSizing) : '') +
    `</div>`
  );
}
