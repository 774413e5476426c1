// The compare view: runs of one scenario (the file as written and after "Fix timeout
// budgets") overlaid on one timeline with the faults' windows shaded, the comparison table
// beside it and the components side by side below.
import type uPlot from 'uplot';
import type { CompareRun } from '@topo/language/protocol';
import type { CompareData } from '../messages.js';
import { escapeHtml } from '../format.js';
import { redrawOnChange } from '../redraw.js';
import { chartPalette } from '../theme.js';
import { faultsKeyHtml } from '../results/timeline-parts.js';
import { chartKeyHtml, compareChart, compareMarks } from './compare-chart.js';
import { comparisonHtml, componentsHtml } from './compare-table.js';

export interface CompareView {
  show(data: CompareData): void;
}

export function mountCompare(root: HTMLElement): CompareView {
  let data: CompareData | undefined;
  let chart: uPlot | undefined;
  /** Runs the user hid from the chart with their key button; a new comparison shows all. */
  const hidden = new Set<number>();

  const draw = () => {
    chart?.destroy();
    chart = undefined;
    if (!data) return;
    const target = root.querySelector<HTMLElement>('.compare-chart')!;
    chart = compareChart(target, data.runs, chartPalette(), Math.max(320, target.clientWidth), hidden);
    root.querySelector('.chart-key')!.outerHTML = chartKeyHtml(data.runs, hidden);
  };
  redrawOnChange(root, draw);
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('.run-toggle');
    if (!button) return;
    const run = Number(button.dataset.run);
    if (!hidden.delete(run)) hidden.add(run);
    draw();
  });

  return {
    show(next) {
      data = next;
      hidden.clear();
      root.innerHTML = compareHtml(next);
      draw();
    },
  };
}

/** A warning when the user stopped the comparison: which runs were cut short, and where. */
export function stoppedHtml(runs: readonly CompareRun[]): string {
  const stopped = runs.filter((run) => run.result.stopped);
  if (stopped.length === 0) return '';
  const where = stopped.map((run) => `${escapeHtml(run.label)} at ${run.result.simulatedSeconds}s`).join(', ');
  return `<p class="banner warning">The comparison was stopped (${where} of simulated time): the figures cover what ran.</p>`;
}

function compareHtml(data: CompareData): string {
  const { table } = data;
  return (
    `<div class="compare">` +
    `<header class="toolbar"><h1>Compare: ${escapeHtml(table.scenario)}</h1>` +
    `<span class="muted">${escapeHtml(data.name)} · ${escapeHtml(table.runs.join(' vs '))} · seed ${table.seed}</span></header>` +
    stoppedHtml(data.runs) +
    `<div class="row compare-row">` +
    `<section class="grow"><h2>Goodput, failures and wasted work over time</h2><div class="chart compare-chart"></div><div class="chart-key"></div>${faultsKeyHtml(compareMarks(data.runs))}` +
    `<p class="muted note">Shaded: each fault's window. Wasted work: service time finished each second for callers that had already given up.</p></section>` +
    `<section class="comparison-side"><h2>Side by side</h2>${comparisonHtml(table)}</section>` +
    `</div>` +
    `<section><h2>Components</h2><div class="table-scroll">${componentsHtml(table)}</div></section>` +
    `</div>`
  );
}
