import { describe, expect, it } from 'vitest';
import { hasCalls, percentilesHtml, servicesHtml, summaryHtml } from '../src/results/tables.js';
import { latency, resilientResult, result } from './fixtures/results.js';

describe('the results\' tables', () => {
  it('sums up a run: requests, their fate, throughput, latency, retries and waste', () => {
    const html = summaryHtml(result());
    const cards = [...html.matchAll(/<div class="card ([a-z]*)"><div class="card-label">([^<]+)<\/div><div class="card-value">([^<]+)<\/div>/g)].map((m) => [m[2], m[3], m[1]]);
    expect(cards).toEqual([
      ['Requests', '300', ''],
      ['Succeeded', '99%', ''],
      ['Failed', '3', 'bad'],
      ['Throughput', '99 rps', ''],
      ['Latency p50', '10ms', ''],
      ['Latency p99', '45ms', ''],
      ['Retries', '20', 'warn'],
      ['Wasted work', '1.5s', 'warn'],
    ]);
    expect(html).not.toContain('stopped');
  });

  it('says what attempts count: calls between components; with none, it says so instead of "0 timeouts in 0 attempts"', () => {
    expect(summaryHtml(result())).toContain('20 timeouts in 620 call attempts');
    const alone = result({ attempts: 0, retries: 0, timeouts: 0, wastedWorkMs: 0 });
    const noCalls = { ...alone, timeline: alone.timeline.map((p) => ({ ...p, attempts: 0, wastedWorkMs: 0 })) };
    expect(hasCalls(noCalls)).toBe(false);
    expect(hasCalls(result())).toBe(true);
    expect(summaryHtml(noCalls)).toContain('no calls between components');
  });

  it('writes no wasted work as "none" on the card and in the table alike, and the column in one unit', () => {
    const idle = result({ wastedWorkMs: 0 });
    expect(summaryHtml(idle)).toContain('<div class="card-label">Wasted work</div><div class="card-value">none</div>');
    const services = servicesHtml(result());
    expect(services).toContain('<span class="muted">none</span>');
    // 247 minutes in one row: the column's other amounts in minutes too, never "30s" under "247 min".
    const r = result();
    const mixed = { ...r, services: [{ ...r.services[0]!, wastedWorkMs: 30_000 }, { ...r.services[1]!, wastedWorkMs: 14_820_000 }] };
    const values = [...servicesHtml(mixed).matchAll(/<span class="bar waste">.*?<span class="bar-value">([^<]+)</g)].map((m) => m[1]);
    expect(values).toEqual(['0.5 min', '247 min']);
    expect(services).toContain('Instances (total)');
  });

  it('tells the two p99s apart: the summary\'s of successful requests as clients saw them, the services\' of every attempt they served', () => {
    expect(summaryHtml(result())).toContain('<div class="card-label">Latency p99</div><div class="card-value">45ms</div><div class="card-note">of successful requests, as clients saw them · max 440ms</div>');
    const services = servicesHtml(result());
    expect(services).toContain('<th class="num">p99 service time (all attempts)</th>');
    expect(services).toContain('p99 service time: from reaching an instance (queueing included) to the end of its work, over every attempt it served, failed or given up on by its caller.');
    expect(services).toContain("The latency above is of successful requests as clients saw them, so a service's p99 can exceed it.");
  });

  it('says when a run was stopped early, and marks nothing when nothing failed', () => {
    const html = summaryHtml(result({ stopped: true, failed: 0, retries: 0, wastedWorkMs: 0 }));
    expect(html).toContain('The run was stopped at 4.2s of simulated time');
    expect(html).not.toMatch(/class="card (bad|warn)"/);
  });

  it('shows degraded beside succeeded and failed, then what the breakers and budgets turned away, when the run has resilience counts', () => {
    const html = summaryHtml(resilientResult());
    const labels = [...html.matchAll(/<div class="card-label">([^<]+)</g)].map((m) => m[1]);
    expect(labels).toEqual(['Requests', 'Succeeded', 'Degraded', 'Failed', 'Throughput', 'Latency p50', 'Latency p99', 'Retries', 'Wasted work', 'Short-circuited', 'Rejected']);
    expect(html).toContain('<div class="card warn"><div class="card-label">Degraded</div><div class="card-value">10</div><div class="card-note">3.33% answered by a fallback</div>');
    expect(html).toContain('attempts failed by an open breaker · 2 openings');
    expect(html).toContain('by a full bulkhead or queue · 2 retries over budget');
  });

  it('adds the resilience columns per service when the run has them, and none without', () => {
    const html = servicesHtml(resilientResult());
    expect(html).toContain('<th class="num">Short-circuited</th><th class="num">Over budget</th><th class="num">Rejected</th><th class="num">Degraded</th>');
    const db = html.split('<tr data-service=').at(-1)!;
    expect(db).toContain('<td class="num warn">40</td><td class="num warn">2</td><td class="num">0</td><td class="num warn">10</td></tr>');
    expect(servicesHtml(result())).not.toContain('Short-circuited');
  });

  it('lists the percentiles', () => {
    const html = percentilesHtml(latency());
    expect([...html.matchAll(/<th scope="row">([^<]+)<\/th><td class="num">([^<]+)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'min 1ms',
      'p25 4ms',
      'p50 10ms',
      'p75 16ms',
      'p90 24ms',
      'p95 30ms',
      'p99 45ms',
      'p99.9 400ms',
      'max 440ms',
      'mean 12ms',
      'sd 8ms',
    ]);
  });

  it('shows per service its utilisation (hot from 80%) and its wasted work relative to the most', () => {
    const html = servicesHtml(result());
    const [web, db] = html.split('<tr data-service=').slice(1);
    expect(web).toContain('"web, &#34;front&#34;"');
    expect(web).toContain('<span class="bar hot"><span class="bar-fill" style="width:85.0%">');
    expect(web).toContain('<span class="muted">none</span>');
    expect(db).toContain('<span class="muted">managed</span>');
    expect(db).toContain('<span class="bar waste"><span class="bar-fill" style="width:100.0%"></span></span><span class="bar-value">1.5s</span>');
    expect(db).toContain('<td class="num bad">20</td>');
  });
});
