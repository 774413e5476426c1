// The carbon estimate as HTML: the monthly total, one row per component (its regions
// summed), one per region with its grid intensity and PUE, and the estimate's assumptions.
import { formatKgCO2e, type CarbonReport, type ComponentRow } from '@topo/carbon';
import type { CarbonResult } from '@topo/language/protocol';
import { escapeHtml, formatCount, formatPercent } from '../format.js';

interface ComponentTotal {
  name: string;
  kind: ComponentRow['kind'];
  instances: number;
  instanceType?: string;
  regions: string[];
  operational: number;
  embodied: number;
  total: number;
  share: number;
  energy: number;
}

/** A component's rows over its regions, largest emitter first. */
export function componentTotals(report: CarbonReport): ComponentTotal[] {
  const byName = new Map<string, ComponentTotal>();
  for (const row of report.components) {
    const t = byName.get(row.name) ?? {
      name: row.name,
      kind: row.kind,
      instances: 0,
      ...(row.instanceType !== undefined ? { instanceType: row.instanceType } : {}),
      regions: [],
      operational: 0,
      embodied: 0,
      total: 0,
      share: 0,
      energy: 0,
    };
    t.instances += row.instances;
    t.regions.push(row.region);
    t.operational += row.operationalKgCO2ePerMonth;
    t.embodied += row.embodiedKgCO2ePerMonth;
    t.total += row.totalKgCO2ePerMonth;
    t.share += row.share;
    t.energy += row.energyKWhPerMonth;
    byName.set(row.name, t);
  }
  return [...byName.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/** A bar whose width is the share, with the share written beside it. */
export function shareBar(fraction: number, cls = ''): string {
  const width = Math.max(0, Math.min(1, fraction)) * 100;
  return `<span class="bar ${cls}"><span class="bar-fill" style="width:${width.toFixed(1)}%"></span></span><span class="bar-value">${formatPercent(fraction)}</span>`;
}

function componentRowHtml(c: ComponentTotal): string {
  const what = c.instances > 0 ? `${c.instances} × ${escapeHtml(c.instanceType ?? '')}` : 'managed';
  const title = `${c.name} in ${c.regions.join(', ')}: ${c.energy.toFixed(1)} kWh/month; operational ${formatKgCO2e(c.operational)}, embodied ${formatKgCO2e(c.embodied)}`;
  return (
    `<tr data-component="${escapeHtml(c.name)}" title="${escapeHtml(title)}">` +
    `<td class="name"><span class="kind kind-${c.kind}"></span>${escapeHtml(c.name)}</td>` +
    `<td class="detail">${what}</td>` +
    `<td class="num">${formatKgCO2e(c.total)}</td>` +
    `<td class="share">${shareBar(c.share)}</td>` +
    `</tr>`
  );
}

function regionRowsHtml(report: CarbonReport): string {
  return report.regions
    .map((r) => {
      const grid = `${formatCount(r.gridGCO2ePerKWh)} gCO2e/kWh${r.gridSource === 'model' ? ' (file)' : r.gridSource === 'provider-average' ? ' (provider average)' : ''}`;
      return (
        `<tr data-region="${escapeHtml(r.name)}"><td class="name">${escapeHtml(r.name)} <span class="muted">${escapeHtml(r.provider)}</span></td>` +
        `<td class="detail">${grid} · PUE ${r.pue}</td>` +
        `<td class="num">${formatKgCO2e(r.totalKgCO2ePerMonth)}</td><td class="share">${shareBar(r.share)}</td></tr>`
      );
    })
    .join('');
}

function notesHtml(report: CarbonReport): string {
  const notes = [...report.notes, ...report.components.flatMap((c) => c.notes.map((n) => `${c.name} (${c.region}): ${n}`))];
  if (notes.length === 0) return '';
  return `<details class="notes"><summary>${notes.length} assumption${notes.length === 1 ? '' : 's'}</summary><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></details>`;
}

/** The whole carbon section; a message instead when the server could not estimate. */
export function carbonHtml(carbon: CarbonResult): string {
  const report = carbon.report;
  if (!report) return `<p class="message">${escapeHtml(carbon.message ?? 'No carbon estimate.')}</p>`;
  const utilizations = [...new Set(report.components.filter((c) => c.instances > 0).map((c) => c.utilization))];
  // One CPU figure for every component is an assumption (the setting, else CCF's 50%); a simulation measures each, so its estimate differs.
  const cpu =
    utilizations.length === 1
      ? `<span title="Every component is taken at this CPU use; a simulation (topo report, topo carbon --scenario) measures each one's, so its estimate differs">at an assumed ${formatPercent(utilizations[0])} CPU</span>`
      : 'at the simulated CPU utilisation';
  const sci = report.sci
    ? `<p class="sci">SCI <strong>${report.sci.gCO2ePer1000Requests.toPrecision(3)} gCO2e</strong> per 1,000 requests</p>`
    : '';
  return (
    `<div class="carbon-total"><span class="big">${formatKgCO2e(report.totalKgCO2ePerMonth)}</span> per month` +
    `<span class="muted"> · operational ${formatKgCO2e(report.operationalKgCO2ePerMonth)}, embodied ${formatKgCO2e(report.embodiedKgCO2ePerMonth)}` +
    ` · ${formatCount(report.energyKWhPerMonth)} kWh · ${cpu}</span></div>` +
    sci +
    `<table class="data carbon-components"><thead><tr><th>Component</th><th title="Across all its regions">Instances (total)</th><th class="num">CO2e/month</th><th>Share</th></tr></thead>` +
    `<tbody>${componentTotals(report).map(componentRowHtml).join('')}</tbody></table>` +
    `<table class="data carbon-regions"><thead><tr><th>Region</th><th>Grid · PUE</th><th class="num">CO2e/month</th><th>Share</th></tr></thead>` +
    `<tbody>${regionRowsHtml(report)}</tbody></table>` +
    notesHtml(report) +
    `<p class="method muted">Cloud Carbon Footprint methodology, ${report.hoursPerMonth} hours a month.</p>`
  );
}
