// The compare view's data: the runs' timelines overlaid as uPlot columns, the chaos they
// share, the series' labels and styles, and the comparison table's cells.
import { describe, expect, it } from 'vitest';
import type { CompareRun } from '@topo/language/protocol';
import type { TimelinePoint } from '@topo/simulator';
import { chartKeyHtml, compareColumns, compareSeries, sharedChaos } from '../src/compare/compare-chart.js';
import { change, comparisonHtml, componentsHtml, formatValue, formatValues, rowLabel } from '../src/compare/compare-table.js';
import { stoppedHtml } from '../src/compare/compare-view.js';
import type { ComparisonTable } from '../src/messages.js';
import type { ChartPalette } from '../src/theme.js';
import { result } from './fixtures/results.js';

function point(t: number, throughputRps: number, failed: number, wastedWorkMs: number): TimelinePoint {
  return { t, throughputRps, p99Ms: null, failed, arrivals: throughputRps + failed, inFlight: 0, attempts: 0, wastedWorkMs };
}

const slow = { kind: 'slow', what: 'slow store by 5s: store-0', start: 1, end: 3, hasFor: true } as const;

/** As written: a storm in seconds 1 and 2. Budgets fixed: fails fast, no waste, drains a second sooner. */
function runs(): CompareRun[] {
  return [
    { label: 'as written', result: result({ timeline: [point(0, 50, 0, 0), point(1, 10, 40, 9000), point(2, 0, 50, 12000)], chaos: [slow] }) },
    { label: 'budgets fixed', result: result({ timeline: [point(0, 50, 0, 0), point(1, 12, 38, 0)], chaos: [slow, { kind: 'monkey', what: 'kill 1 of middle', start: 2, end: 2, hasFor: false }] }) },
  ];
}

const palette: ChartPalette = {
  text: '#000',
  background: '#fff',
  muted: '#666',
  grid: '#ccc',
  font: 'sans-serif',
  throughput: '#00f',
  latency: '#808',
  failed: '#f00',
  attempts: '#0a0',
  waste: '#aa0',
  chaos: '#f80',
  breaker: '#0a0',
  degraded: '#aa0',
  shade: '#888',
  bars: '#00f',
};

describe('the compare chart\'s data', () => {
  it('overlays the runs on the seconds either has: each metric a column per run, null where a run has ended', () => {
    expect(compareColumns(runs())).toEqual([
      [0, 1, 2],
      [50, 10, 0],
      [50, 12, null],
      [0, 40, 50],
      [0, 38, null],
      [0, 9000, 12000],
      [0, 0, null],
    ]);
    expect(compareColumns([])).toEqual([[]]);
  });

  it('draws each metric in its colour and scale, the first run solid and the second dashed', () => {
    const series = compareSeries(runs(), palette);
    expect(series.slice(1).map((s) => [s.stroke, s.dash, s.scale])).toEqual([
      ['#00f', [], 'rps'],
      ['#00f', [7, 4], 'rps'],
      ['#f00', [], 'rps'],
      ['#f00', [7, 4], 'rps'],
      ['#aa0', [], 'waste'],
      ['#aa0', [7, 4], 'waste'],
    ]);
  });

  it('hides every series of a run the user hid, and keeps the other run\'s', () => {
    const series = compareSeries(runs(), palette, new Set([1]));
    expect(series.slice(1).map((s) => s.show)).toEqual([true, false, true, false, true, false]);
    expect(compareSeries(runs(), palette).slice(1).every((s) => s.show)).toBe(true);
  });

  it('keys each run\'s line style as a toggle and each metric\'s colour', () => {
    const key = chartKeyHtml(runs(), new Set([0]));
    expect([...key.matchAll(/data-run="(\d)" aria-pressed="(\w+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['0', 'false'],
      ['1', 'true'],
    ]);
    expect(key).toContain('stroke-dasharray="7 4"/></svg>budgets fixed</button>');
    expect(key).not.toMatch(/stroke-dasharray="[^"]*"\/><\/svg>as written/);
    expect([...key.matchAll(/var\((--topo-chart-\w+)\)"><\/span>([^<]+)/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      '--topo-chart-throughput succeeded/s',
      '--topo-chart-failed failed/s',
      '--topo-chart-waste wasted work/s',
    ]);
  });

  it('shades each fault the runs share once, and keeps an event only one run had', () => {
    expect(sharedChaos(runs())).toEqual([slow, { kind: 'monkey', what: 'kill 1 of middle', start: 2, end: 2, hasFor: false }]);
  });
});

const row = (id: string, unit: ComparisonTable['rows'][number]['unit'], values: (number | null)[]) => ({ id, label: id, unit, values });

function table(): ComparisonTable {
  return {
    runs: ['as written', 'budgets fixed'],
    scenario: 'slowstore',
    seed: 1,
    rows: [row('succeeded', '%', [40, 42.5]), row('p99', 'ms', [6001, 250]), row('wastedWork', 'ms', [120_000, 0]), row('retries', 'count', [0, 30])],
    services: [
      { name: 'middle', rows: [row('wastedCarbon', 'kgCO2e/month', [2.5, 0]), row('retries', 'count', [1200, 0]), row('wastedShare', '%', [80, 0]), row('requests', 'count', [3000, 1000])] },
      { name: 'store', rows: [row('wastedCarbon', 'kgCO2e/month', [null, null]), row('retries', 'count', [0, 0]), row('wastedShare', '%', [null, null]), row('requests', 'count', [9000, 1000])] },
    ],
  };
}

describe('a stopped comparison', () => {
  it('says which runs were cut short and where, and nothing when both ran to the end', () => {
    const [asWritten, fixed] = runs();
    const stopped = { ...fixed!, result: { ...fixed!.result, stopped: true, simulatedSeconds: 12.5 } };
    expect(stoppedHtml([asWritten!, stopped])).toBe(
      '<p class="banner warning">The comparison was stopped (budgets fixed at 12.5s of simulated time): the figures cover what ran.</p>',
    );
    expect(stoppedHtml(runs())).toBe('');
  });
});

describe('the comparison table', () => {
  it('prints each unit as the views do, and nothing measured as a dash', () => {
    expect([
      formatValue(42.5, '%'),
      formatValue(1234, 'rps'),
      formatValue(6001, 'ms'),
      formatValue(120_000, 'ms'),
      formatValue(1234567, 'count'),
      formatValue(3.14159, 'per request'),
      formatValue(0.0123, 'kWh/month'),
      formatValue(2.5, 'kgCO2e/month'),
      formatValue(null, 'ms'),
    ]).toEqual(['42.5%', '1,234 rps', '6s', '2 min', '1,234,567', '3.14', '0.0123 kWh', '2.5 kgCO2e', '—']);
    expect(rowLabel(row('wastedEnergy', 'kWh/month', []))).toBe('wastedEnergy per month');
    expect(rowLabel(row('p99', 'ms', []))).toBe('p99');
  });

  it('prints durations read together in one unit, the largest one\'s: a row across runs, a column down the components', () => {
    expect(formatValues([14_820_000, 0, null], 'ms')).toEqual(['247 min', '0 min', '—']);
    expect(formatValues([6001, 250], 'ms')).toEqual(['6s', '0.25s']);
    expect(formatValues([1234, null], 'rps')).toEqual(['1,234 rps', '—']);
  });

  it('says how the second run differs: shares in points, the rest relative, better or worse by the row', () => {
    expect(change(row('succeeded', '%', []), 40, 42.5)).toEqual({ text: '+2.5 pts', verdict: 'better' });
    expect(change(row('wastedShare', '%', []), 80, 0)).toEqual({ text: '−80 pts', verdict: 'better' });
    expect(change(row('p99', 'ms', []), 6001, 250)).toEqual({ text: '−95.8%', verdict: 'better' });
    expect(change(row('goodput', 'rps', []), 100, 90)).toEqual({ text: '−10%', verdict: 'worse' });
    expect(change(row('retries', 'count', []), 100, 300)).toEqual({ text: '+200%', verdict: 'worse' });
  });

  it('says "same", "from none" and "—" at the edges: equal, from zero, and nothing to compare', () => {
    expect(change(row('retries', 'count', []), 0, 0)).toEqual({ text: 'same', verdict: 'same' });
    expect(change(row('retries', 'count', []), 0, 30)).toEqual({ text: 'from none', verdict: 'worse' });
    expect(change(row('goodput', 'rps', []), 0, 5)).toEqual({ text: 'from none', verdict: 'better' });
    expect(change(row('p99', 'ms', []), null, 250)).toEqual({ text: '—', verdict: 'unknown' });
  });

  it('has a column per run and, for two runs, the change', () => {
    const html = comparisonHtml(table());
    expect(html).toContain('<th class="num">as written</th><th class="num">budgets fixed</th><th class="num">change</th>');
    expect(html).toContain('<tr data-row="p99"><th scope="row">p99</th><td class="num">6s</td><td class="num">0.25s</td><td class="num change better">−95.8%</td></tr>');
    const three = { ...table(), runs: ['a', 'b', 'c'], rows: [row('p99', 'ms', [1, 2, 3])] };
    expect(comparisonHtml(three)).not.toContain('change');
  });

  it('shows the components with the chosen rows in a fixed order, each with a column per run', () => {
    const html = componentsHtml(table());
    const groups = [...html.matchAll(/<th class="num group" colspan="2">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(groups).toEqual(['requests', 'retries', 'wastedCarbon per month']);
    expect(html).toContain('<tr data-component="middle"><td class="name">middle</td><td class="num run-0">3,000</td><td class="num run-1">1,000</td><td class="num run-0">1,200</td><td class="num run-1">0</td><td class="num run-0">2.5 kgCO2e</td><td class="num run-1">0 kgCO2e</td></tr>');
    expect(html).toContain('<td class="num run-0">—</td><td class="num run-1">—</td></tr>');
  });
});
