import { describe, expect, it } from 'vitest';
import { nothingSentHtml, resultsHtml, sentNothing } from '../src/results/results-view.js';
import { result } from './fixtures/results.js';

/** A run of a file with no scenario whose every service is called by another (tangled.topo): the default load found no entry. */
function emptyRun() {
  const r = result({ scenario: 'default', implicitScenario: true, requests: 0, succeeded: 0, failed: 0, attempts: 0, retries: 0, wastedWorkMs: 0 });
  return { ...r, timeline: r.timeline.map((p) => ({ ...p, throughputRps: 0, failed: 0, attempts: 0, wastedWorkMs: 0, p99Ms: null })) };
}

describe('the results view', () => {
  it('says a file has no scenario, and how to add one, instead of drawing empty charts', () => {
    expect(sentNothing(emptyRun())).toBe(true);
    expect(sentNothing(result())).toBe(false);
    const html = resultsHtml({ uri: 'file:///t.topo', name: 't.topo', result: emptyRun() });
    expect(html).toContain('This file has no scenario');
    expect(html).toContain('scenario browse {\n  load 100 rps into web for 60s\n}');
    expect(html).not.toContain('chart');
    expect(html).not.toContain('0 requests');
    expect(nothingSentHtml({ ...emptyRun(), scenario: 'quiet', implicitScenario: false })).toContain('The scenario quiet sent no requests.');
  });

  it('tells the implicit scenario by the run\'s flag, not by its name: a declared scenario `default` is the file\'s own', () => {
    const declared = { ...emptyRun(), implicitScenario: false };
    expect(nothingSentHtml(declared)).toContain('The scenario default sent no requests.');
    expect(nothingSentHtml(declared)).not.toContain('no scenario');
  });

  it('heads the latency histogram and percentiles with whose latency they are: successful requests\'', () => {
    expect(resultsHtml({ uri: 'u', name: 'n', result: result() })).toContain('<h2>Latency of successful requests</h2>');
  });

  it('heads a sweep as a sweep, as its tab is titled, and a run as a simulation', () => {
    const data = { uri: 'file:///t.topo', name: 't.topo', result: result() };
    expect(resultsHtml(data)).toContain('<h1>Simulation: peak</h1>');
    const sweep = { over: 'users' as const, scenario: 'peak', seed: 1, usl: null, points: [] };
    expect(resultsHtml({ ...data, sweep })).toContain('<h1>Sweep: peak</h1>');
  });

  it('titles the chart of attempts for what they count, and leaves it out for a run without calls between components', () => {
    expect(resultsHtml({ uri: 'u', name: 'n', result: result() })).toContain('Calls between components and wasted work over time');
    const r = result({ attempts: 0, retries: 0, wastedWorkMs: 0 });
    const alone = { ...r, timeline: r.timeline.map((p) => ({ ...p, attempts: 0, wastedWorkMs: 0 })) };
    expect(resultsHtml({ uri: 'u', name: 'n', result: alone })).not.toContain('work-chart');
  });
});
