import { describe, expect, it } from 'vitest';
import { percentilesHtml, servicesHtml, summaryHtml } from '../src/results/tables.js';
import { latency, result } from './fixtures/results.js';

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

  it('says when a run was stopped early, and marks nothing when nothing failed', () => {
    const html = summaryHtml(result({ stopped: true, failed: 0, retries: 0, wastedWorkMs: 0 }));
    expect(html).toContain('The run was stopped at 4.2s of simulated time');
    expect(html).not.toMatch(/class="card (bad|warn)"/);
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
