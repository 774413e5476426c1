import { describe, expect, it } from 'vitest';
import { carbonHtml, componentTotals, shareBar } from '../src/preview/carbon-table.js';
import { carbonReport } from './fixtures/results.js';

describe('the carbon table', () => {
  it('sums a component over its regions and lists the largest emitter first', () => {
    const totals = componentTotals(carbonReport());
    expect(totals.map((t) => [t.name, t.total, t.share, t.instances, t.regions])).toEqual([
      ['db', 20, 0.5, 0, ['us-east-1']],
      ['web', 20, 0.5, 6, ['us-east-1', 'eu-west-1']],
    ]);
  });

  it('shows the total, one row per component and per region, the sources of the factors and the assumptions', () => {
    const html = carbonHtml({ report: carbonReport() });
    expect(html).toContain('<span class="big">40.0 kgCO2e</span> per month');
    expect(html.match(/<tr data-component=/g)).toHaveLength(2);
    expect(html).toContain('<td class="detail">6 × m5.large</td>');
    expect(html).toContain('<td class="detail">managed</td>');
    expect(html).toMatch(/data-region="us-east-1".*379 gCO2e\/kWh · PUE 1\.135/);
    expect(html).toMatch(/data-region="eu-west-1".*100 gCO2e\/kWh \(file\) · PUE 1\.2/);
    expect(html).toContain('2 assumptions');
    expect(html).toContain('db (us-east-1): no storage given');
    expect(html).toContain('at an assumed 50% CPU</span>');
    expect(html).toContain('a simulation (topo report, topo carbon --scenario) measures each one');
    expect(html).not.toContain('SCI');
  });

  it('shows SCI when the report has it, and the server\'s message when there is no report', () => {
    const report = { ...carbonReport(), sci: { requests: 1000, seconds: 60, gCO2ePer1000Requests: 1.23456, operationalGCO2ePer1000Requests: 1, embodiedGCO2ePer1000Requests: 0.23456, petalSavingsGCO2ePer1000Requests: 0 } };
    expect(carbonHtml({ report })).toContain('SCI <strong>1.23 gCO2e</strong> per 1,000 requests');
    expect(carbonHtml({ message: 'x.topo <is> not known' })).toBe('<p class="message">x.topo &#60;is&#62; not known</p>');
  });

  it('escapes names', () => {
    const report = carbonReport();
    report.components[0]!.name = '<b>web</b>';
    expect(carbonHtml({ report })).not.toContain('<b>web</b>');
  });

  it('draws a share as a bar clamped to its track', () => {
    expect(shareBar(0.25)).toContain('style="width:25.0%"');
    expect(shareBar(1.5)).toContain('style="width:100.0%"');
    expect(shareBar(-1)).toContain('style="width:0.0%"');
    expect(shareBar(0.0004)).toContain('<0.1%');
  });
});
